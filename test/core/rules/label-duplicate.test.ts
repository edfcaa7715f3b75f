import { check, findingsOf, grid, only } from "../validate/build";

describe("label-duplicate", () => {
  it("flags two lines of one table with the same label (case and spacing aside)", () => {
    const rows = [
      ["Workstream", "Savings £000"],
      ["Support Services", 904],
      ["Education High Needs", 979],
      ["support  services", 100],
    ];
    expect(findingsOf("label-duplicate", rows)).toEqual([
      {
        rule: "label-duplicate",
        severity: "warning",
        sheet: "Sheet1",
        cell: "A4",
        table: "Workstream summary A1:B4",
        message: '"support  services" is the label of two lines: rows 2 and 4.',
      },
    ]);
  });

  it("flags an exact repeat", () => {
    const rows = [
      ["Service", "Savings £000"],
      ["Support Services", 904],
      ["Support Services", 100],
    ];
    expect(findingsOf("label-duplicate", rows).map((f) => [f.cell, f.message])).toEqual([
      ["A3", '"Support Services" is the label of two lines: rows 2 and 3.'],
    ]);
  });

  it("leaves a register's repeated descriptions to its references (one description may serve two workstreams)", () => {
    const rows = [
      ["Ref", "Description", "Workstream", "Saving £000"],
      ["SC1", "Review of staffing", "Social care", 100],
      ["SEN1", "Review of staffing", "SEN", 50],
    ];
    expect(findingsOf("label-duplicate", rows)).toEqual([]);
    expect(findingsOf("ref-duplicate", rows)).toEqual([]);
  });

  it("accepts the same label in two tables, and repeated sub-total labels", () => {
    const sheet = grid("S", [
      ["Workstream", "Savings £000"],
      ["Support Services", 904],
      ["Sub-total", 904],
      ["Other", 1],
      ["Sub-total", 1],
      [],
      ["Service", "Savings £000"],
      ["Support Services", 904],
    ]);
    const result = check(sheet);
    expect(result.tables).toHaveLength(2);
    expect(only(result, "label-duplicate")).toEqual([]);
  });
});
