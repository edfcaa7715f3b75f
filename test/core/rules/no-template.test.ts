import { check, grid, only } from "../validate/build";

describe("no-template", () => {
  it("reports a sheet with no recognisable table, at its first cell", () => {
    const notes = grid("Notes", [["Cabinet report, 12 October 2017"], ["See Table 1 for the savings."]]);
    const table = grid("Table 1", [
      ["Workstream", "Savings £000"],
      ["Social care", 100],
    ]);
    expect(only(check([table, notes]), "no-template")).toEqual([
      {
        rule: "no-template",
        severity: "info",
        sheet: "Notes",
        cell: "A1",
        table: "",
        message:
          'No savings template table (workstream summary, phasing, register, target or children looked after) found on sheet "Notes".',
      },
    ]);
  });

  it("reports an empty sheet too, and never a sheet with a table or just a target", () => {
    const empty = grid("Empty", []);
    const target = grid("Target", [["Savings target", 30100, "£000"]]);
    expect(only(check([empty, target]), "no-template").map((f) => [f.sheet, f.cell])).toEqual([["Empty", "A1"]]);
  });
});
