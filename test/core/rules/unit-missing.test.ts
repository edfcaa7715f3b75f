import { check, d1, findingsOf, grid, only } from "../validate/build";

describe("unit-missing", () => {
  it("flags a money column with no unit in its header, a units row or a title", () => {
    const rows = [
      ["Workstream", "Total Budget £000", "Savings"],
      ["Social care", 1000, 100],
    ];
    expect(findingsOf("unit-missing", rows)).toEqual([
      {
        rule: "unit-missing",
        severity: "warning",
        sheet: "Sheet1",
        cell: "C1",
        table: "Workstream summary A1:C2",
        message: '"Savings" states no unit (£, £000 or £m) in its header or a units row.',
      },
    ]);
  });

  it("flags a target with no unit", () => {
    const rows = [["Savings target", 30100], [], ["Workstream", "Savings £000"], ["Social care", 30132]];
    expect(findingsOf("unit-missing", rows).map((f) => [f.cell, f.message])).toEqual([
      ["B1", "The savings target states no unit (£, £000 or £m)."],
    ]);
  });

  it("accepts units in header text (`Total Budget £000`, `(£m)`), in a units row, and in a title above", () => {
    expect(
      findingsOf("unit-missing", [
        ["Service", "Total Budget £000", "Saving (£m)", "% of budget"],
        ["A", 1000, d1(0.1), d1(10)],
      ]),
    ).toEqual([]);
    expect(
      findingsOf("unit-missing", [
        ["Service", "Budget", "Saving"],
        ["", "£m", "£m"],
        ["A", d1(1), d1(0.1)],
      ]),
    ).toEqual([]);
    const titled = grid("S", [["Savings by workstream (£000)"], ["Workstream", "Budget", "Saving"], ["A", 1000, 100]]);
    expect(only(check(titled), "unit-missing")).toEqual([]);
    expect(
      findingsOf("unit-missing", [["Savings target", 30100, "£000"], [], ["Workstream", "Savings £000"], ["A", 30132]]),
    ).toEqual([]);
  });

  it("never asks a % column or a CLA count for a unit", () => {
    const rows = [
      ["Year", "Children looked after", "Child population", "Rate per 10,000", "Weekly unit cost"],
      ["2016/17", 870, 280000, d1(31.1), 893],
    ];
    expect(findingsOf("unit-missing", rows).map((f) => f.cell)).toEqual(["E1"]);
  });
});

describe("unit-missing with merged cells", () => {
  it("a unit merged across several columns of the units row gives each of them that unit", () => {
    const rows = [
      ["Workstream", "2017/18", "2018/19", "2019/20"],
      ["", "£000", null, null],
      ["Social care", 1, 2, 3],
    ];
    const merged = grid("S", rows, { merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] });
    expect(only(check(merged), "unit-missing")).toEqual([]);
    expect(only(check(grid("S", rows)), "unit-missing").map((f) => f.cell)).toEqual(["C1", "D1"]);
  });
});
