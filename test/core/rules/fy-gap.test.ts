import { findingsOf } from "../validate/build";

describe("fy-gap", () => {
  it("flags a year skipped across a phasing header", () => {
    const rows = [
      ["Workstream", "2016/17", "2017/18", "2019/20"],
      ["", "£000", "£000", "£000"],
      ["Social care", 100, 200, 300],
    ];
    expect(findingsOf("fy-gap", rows)).toEqual([
      {
        rule: "fy-gap",
        severity: "warning",
        sheet: "Sheet1",
        cell: "D1",
        table: "Phasing A1:D3",
        message: "Financial years skip: 2019/20 follows 2017/18, 2018/19 is missing.",
      },
    ]);
  });

  it("flags years that go backwards down a phasing table", () => {
    const rows = [
      ["Year", "Savings £000"],
      ["2017/18", 100],
      ["2016/17", 200],
    ];
    expect(findingsOf("fy-gap", rows).map((f) => [f.cell, f.message])).toEqual([
      ["A3", "Financial years go backwards: 2016/17 follows 2017/18."],
    ]);
  });

  it("accepts consecutive years, and leaves a repeated year to fy-duplicate", () => {
    expect(
      findingsOf("fy-gap", [
        ["Year", "Savings £000"],
        ["2016/17", 1],
        ["2017/18", 2],
        ["2018/19", 3],
      ]),
    ).toEqual([]);
    const repeated = [
      ["Workstream", "2016/17", "2017/18", "2017/18", "2018/19"],
      ["Social care", 1, 2, 3, 4],
    ];
    expect(findingsOf("fy-gap", repeated)).toEqual([]);
    expect(findingsOf("fy-duplicate", repeated)).toHaveLength(1);
  });
});
