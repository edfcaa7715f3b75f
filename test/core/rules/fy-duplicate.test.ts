import { check, findingsOf, grid, only } from "../validate/build";

describe("fy-duplicate", () => {
  it("flags a year typed twice across a phasing header, whatever its form (2017/18, 2017-2018)", () => {
    const rows = [
      ["Workstream", "2016/17", "2017/18", "2017-2018", "Total"],
      ["", "£000", "£000", "£000", "£000"],
      ["Social care", 100, 200, 300, 600],
    ];
    expect(findingsOf("fy-duplicate", rows)).toEqual([
      {
        rule: "fy-duplicate",
        severity: "error",
        sheet: "Sheet1",
        cell: "D1",
        table: "Phasing A1:E3",
        message: 'Financial year 2017/18 appears twice: "2017/18" at C1 and "2017-2018" here.',
      },
    ]);
  });

  it("flags a year typed twice down a phasing table's first column", () => {
    const result = check(
      grid("P", [
        ["Year", "Savings £000"],
        ["FY2016/17", 100],
        ["16-17", 200],
        ["2018/19", 300],
      ]),
    );
    expect(only(result, "fy-duplicate").map((f) => [f.cell, f.table, f.message])).toEqual([
      ["A3", "Phasing A1:B4", 'Financial year 2016/17 appears twice: "FY2016/17" at A2 and "16-17" here.'],
    ]);
  });

  it("flags a register with two columns for one year", () => {
    const rows = [
      ["Ref", "Description", "15/16", "2015/16"],
      ["", "", "£000", "£000"],
      ["T1", "Reduce agency staff", 10, 20],
    ];
    expect(findingsOf("fy-duplicate", rows).map((f) => [f.cell, f.table])).toEqual([["D1", "Savings register A1:D3"]]);
  });

  it("accepts consecutive distinct years, and the same year in two different tables", () => {
    const sheet = grid("P", [
      ["Workstream", "2016/17", "2017/18", "2018/19"],
      ["", "£000", "£000", "£000"],
      ["Social care", 100, 200, 300],
      [],
      ["Service", "2016/17", "2017/18"],
      ["", "£000", "£000"],
      ["SEN", 1, 2],
    ]);
    const result = check(sheet);
    expect(result.tables).toHaveLength(2);
    expect(only(result, "fy-duplicate")).toEqual([]);
  });
});
