import { check, findingsOf, formula, grid, only } from "../validate/build";

describe("cell-error", () => {
  it("flags an error value in a table, stored as an error or handed over as text", () => {
    const rows = [
      ["Workstream", "Budget £000", "Savings £000", "% of budget"],
      ["Social care", 0, 100, formula({ error: "#DIV/0!" }, "=ROUND(C2/B2*100,1)")],
      ["SEN", "#REF!", 50, 5],
    ];
    expect(findingsOf("cell-error", rows)).toEqual([
      {
        rule: "cell-error",
        severity: "error",
        sheet: "Sheet1",
        cell: "D2",
        table: "Workstream summary A1:D3",
        message: "This cell shows #DIV/0!: the table cannot be checked or printed with it.",
      },
      {
        rule: "cell-error",
        severity: "error",
        sheet: "Sheet1",
        cell: "B3",
        table: "Workstream summary A1:D3",
        message: "This cell shows #REF!: the table cannot be checked or printed with it.",
      },
    ]);
  });

  it("ignores an error outside every table, and text that merely starts with #", () => {
    const sheet = grid("S", [
      ["Workstream", "Savings £000"],
      ["Social care", 100],
      ["#1 priority", 5],
      [],
      [],
      [],
      [null, null, null, "#N/A"],
    ]);
    expect(only(check(sheet), "cell-error")).toEqual([]);
  });
});
