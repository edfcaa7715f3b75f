import { findingsOf, formula } from "../validate/build";

describe("hardcoded-total", () => {
  it("flags a total typed in as a number, in the summed columns only", () => {
    const rows = [
      ["Workstream", "Total Budget £000", "Savings £000", "% of budget"],
      ["Social care", 87282, 21890, 25.1],
      ["SEN", 17514, 3000, 17.1],
      ["TOTAL", formula(104796, "=SUM(B2:B3)"), 24890, 23.8],
    ];
    expect(findingsOf("hardcoded-total", rows)).toEqual([
      {
        rule: "hardcoded-total",
        severity: "info",
        sheet: "Sheet1",
        cell: "C4",
        table: "Workstream summary A1:D4",
        message: "The total 24,890 is typed in, not computed by a formula.",
      },
    ]);
  });

  it("flags typed sub-totals and a phasing table's typed Total column", () => {
    const rows = [
      ["Workstream", "2017/18", "2018/19", "Total"],
      ["", "£000", "£000", "£000"],
      ["Social care", 1, 2, formula(3, "=B3+C3")],
      ["SEN", 1, 2, 3],
      ["Sub-total", formula(2, "=SUM(B3:B4)"), formula(4, "=SUM(C3:C4)"), formula(6, "=SUM(D3:D4)")],
    ];
    expect(findingsOf("hardcoded-total", rows).map((f) => [f.cell, f.message])).toEqual([
      ["D4", "The total 3 is typed in, not computed by a formula."],
    ]);
  });

  it("accepts totals computed by formulas, and text or n/a totals", () => {
    const rows = [
      ["Workstream", "Budget £000", "Savings £000"],
      ["Social care", 1000, "n/a"],
      ["Total", formula(1000, "=SUM(B2:B2)"), "n/a"],
    ];
    expect(findingsOf("hardcoded-total", rows)).toEqual([]);
  });
});
