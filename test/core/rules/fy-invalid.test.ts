import { findingsOf, check, grid, only } from "../validate/build";

describe("fy-invalid", () => {
  const rows = (second: string, total: number) => [
    ["Workstream", "2023/24", second, "2025/26", "Total"],
    ["", "£000", "£000", "£000", "£000"],
    ["Social care", 100, 200, 300, total],
  ];

  it("reports a header that reads as a year but is not one, and keeps its column in the total", () => {
    expect(findingsOf("fy-invalid", rows("2024/26", 600))).toEqual([
      {
        rule: "fy-invalid",
        severity: "warning",
        sheet: "Sheet1",
        cell: "C1",
        table: "Phasing A1:E3",
        message:
          '"2024/26" reads as a financial year but is not one (the second year must follow the first, as in 2024/25): the column is checked as a column of figures.',
      },
    ]);
    // The total still adds the column's figure: 600 is right, 400 is not.
    expect(findingsOf("total-mismatch", rows("2024/26", 600))).toEqual([]);
    expect(findingsOf("total-mismatch", rows("2024/26", 400)).map((f) => f.cell)).toEqual(["E3"]);
  });

  it("reads years that go backwards in one label as invalid too, and real years as years", () => {
    expect(findingsOf("fy-invalid", rows("2025/24", 600)).map((f) => f.cell)).toEqual(["C1"]);
    expect(findingsOf("fy-invalid", rows("2024/25", 600))).toEqual([]);
  });

  it("reports no gap across the invalid year's column", () => {
    expect(only(check(grid("S", rows("2024/26", 600))), "fy-gap")).toEqual([]);
  });
});
