import { check, d1, findingsOf, formula, grid, shownAs } from "../validate/build";

describe("rounding-difference", () => {
  it("four whole-pound parts of 250,333 printed with a total of 1,001,331 is a rounding difference, not a total-mismatch", () => {
    const rows = (total: number) => [
      ["Workstream", "Savings £"],
      ["North", 250333],
      ["South", 250333],
      ["East", 250333],
      ["West", 250333],
      ["Total", total],
    ];
    expect(findingsOf("rounding-difference", rows(1001331))).toEqual([
      {
        rule: "rounding-difference",
        severity: "info",
        sheet: "Sheet1",
        cell: "B6",
        table: "Workstream summary A1:B6",
        message:
          "Total, Savings £: stated 1,001,331, the 4 rows it sums add to 1,001,332 (rounding reaches ±2.5), which rounding of the shown figures explains.",
      },
    ]);
    expect(findingsOf("total-mismatch", rows(1001331))).toEqual([]);
    // Four whole parts and their total reach 2.5 (4σ is 2.58): 1,001,334 is still rounding, 1,001,335 is not.
    expect(findingsOf("rounding-difference", rows(1001334))).toHaveLength(1);
    expect(findingsOf("rounding-difference", rows(1001335))).toEqual([]);
    expect(findingsOf("total-mismatch", rows(1001335))).toHaveLength(1);
    expect(findingsOf("rounding-difference", rows(1001332))).toEqual([]);
  });

  it("£2.0m of £7.5m stated as 26.5% is a rounding difference (a budget of £7.55m shown as £7.5m gives 26.5%)", () => {
    const rows = (stated: number) => [
      ["Workstream", "Budget (£m)", "Savings (£m)", "% of budget"],
      ["Placements", d1(7.5), d1(2), d1(stated)],
    ];
    expect(findingsOf("rounding-difference", rows(26.5))).toEqual([
      {
        rule: "rounding-difference",
        severity: "info",
        sheet: "Sheet1",
        cell: "D2",
        table: "Workstream summary A1:D2",
        message:
          "Savings as % of budget: stated 26.5%, 2.0 / 7.5 = 26.7%, which rounding of the shown figures explains.",
      },
    ]);
    expect(findingsOf("pct-mismatch", rows(26.5))).toEqual([]);
    // 1.95 / 7.55 = 25.83%: 25.8 is the lowest reachable; 25.7 is beyond the bounds.
    expect(findingsOf("rounding-difference", rows(25.8))).toHaveLength(1);
    expect(findingsOf("pct-mismatch", rows(25.7))).toHaveLength(1);
    expect(findingsOf("rounding-difference", rows(25.7))).toEqual([]);
  });

  it("a sub-total one tenth off two parts shown to one decimal is a rounding difference", () => {
    const rows = [
      ["Service", "Saving (£m)"],
      ["A", d1(1.2)],
      ["B", d1(2.3)],
      ["Sub-total", d1(3.6)],
    ];
    expect(findingsOf("rounding-difference", rows).map((f) => [f.cell, f.message])).toEqual([
      [
        "B4",
        "Sub-total, Saving (£m): stated 3.6, the 2 lines above add to 3.5 (rounding reaches ±0.15), which rounding of the shown figures explains.",
      ],
    ]);
  });

  it("a rate per 10,000 that the bounds of its whole figures reach is a rounding difference", () => {
    const rows = (rate: number) => [
      ["Children looked after", "Child population", "Rate per 10,000"],
      [8, 2500, shownAs(rate, "0")],
    ];
    // 8 / 2,500 = 32; 8.5 / 2,499.5 = 34.0: 33 and 34 are reachable, 35 is not.
    expect(findingsOf("rounding-difference", rows(34)).map((f) => f.message)).toEqual([
      "Rate per 10,000 children: stated 34, 8 / 2,500 × 10,000 = 32, which rounding of the shown figures explains.",
    ]);
    expect(findingsOf("cla-rate-mismatch", rows(35))).toHaveLength(1);
    expect(findingsOf("rounding-difference", rows(32))).toEqual([]);
  });
});

describe("rounding-difference with a format that shows thousands", () => {
  it("pounds stored and shown in £000 (`#,##0,`) may miss their total by half a thousand a figure", () => {
    const rows = (total: number) => [
      ["Workstream", "Savings £"],
      ["North", shownAs(1250400, "#,##0,")],
      ["South", shownAs(2100300, "#,##0,")],
      ["Total", shownAs(total, "#,##0,")],
    ];
    expect(findingsOf("rounding-difference", rows(3350000)).map((f) => f.message)).toEqual([
      "Total, Savings £: stated 3,350,000, the 2 rows it sums add to 3,350,700 (rounding reaches ±1500), which rounding of the shown figures explains.",
    ]);
    // Two parts and the total, half a thousand each: 1,300 out is still rounding, 2,300 is not.
    expect(findingsOf("total-mismatch", rows(3352000))).toEqual([]);
    expect(findingsOf("total-mismatch", rows(3353000))).toHaveLength(1);
  });
});

describe("binary arithmetic in stored formula results is no difference", () => {
  it("% cells computed by an unrounded formula in General format agree with their figures", () => {
    const lines = [
      [87282, 21890],
      [8919, 6620],
      [16838, 7402],
      [7813, 904],
    ];
    const rows = [
      ["Workstream", "Budget £000", "Savings £000", "% of budget"],
      ...lines.map(([b, s], i) => [`W${i + 1}`, b, s, formula((s / b) * 100, `=C${i + 2}/B${i + 2}*100`)]),
    ];
    const found = check(grid("S", rows)).findings.filter(
      (f) => f.rule === "rounding-difference" || f.rule === "pct-mismatch",
    );
    expect(found).toEqual([]);
  });

  it("a SUM of unrounded formula results in General format agrees with its parts", () => {
    const parts = [10 / 3, 20 / 3, 0.1 + 0.2, 2 / 7];
    const rows = [
      ["Workstream", "Savings (£m)"],
      ...parts.map((v, i) => [`W${i + 1}`, formula(v, `=A${i}`)]),
      [
        "Total",
        formula(
          parts.reduce((a, b) => a + b),
          "=SUM(B2:B5)",
        ),
      ],
    ];
    expect(
      check(grid("S", rows)).findings.filter((f) => f.rule === "rounding-difference" || f.rule === "total-mismatch"),
    ).toEqual([]);
  });
});
