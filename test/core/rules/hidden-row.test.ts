import { check, grid, only } from "../validate/build";

const rows = [
  ["Workstream", "Total Budget £000", "Savings £000"],
  ["Social care", 1000, 100],
  ["SEN", 2000, 200],
  ["Total", 3000, 300],
  [],
  ["Notes"],
];

describe("hidden-row", () => {
  it("flags a hidden row and a hidden column inside a table", () => {
    const found = only(check(grid("S", rows, { hiddenRows: new Set([2]), hiddenColumns: new Set([1]) })), "hidden-row");
    expect(found).toEqual([
      {
        rule: "hidden-row",
        severity: "warning",
        sheet: "S",
        cell: "B1",
        table: "Workstream summary A1:C4",
        message: "Column B is hidden inside the table; its figures still count.",
      },
      {
        rule: "hidden-row",
        severity: "warning",
        sheet: "S",
        cell: "A3",
        table: "Workstream summary A1:C4",
        message: "Row 3 is hidden inside the table; its figures still count in the totals.",
      },
    ]);
  });

  it("ignores hidden rows and columns outside every table", () => {
    expect(
      only(check(grid("S", rows, { hiddenRows: new Set([4, 5, 40]), hiddenColumns: new Set([3, 7]) })), "hidden-row"),
    ).toEqual([]);
  });

  it("still counts a hidden row's figures in the totals", () => {
    const result = check(grid("S", rows, { hiddenRows: new Set([2]) }));
    expect(result.findings.filter((f) => f.rule === "total-mismatch" || f.rule === "rounding-difference")).toEqual([]);
  });
});
