import { check, d1, findingsOf, formula, grid, only } from "../validate/build";

const SUMMARY = [
  ["Workstream", "Total Budget £000", "Full Year Savings £000"],
  ["Social care", 10000, 1000],
  ["SEN", 8000, 500],
  ["Total", 18000, 1500],
];

describe("total-mismatch: total rows", () => {
  it("flags a total row that misses its rows by more than rounding explains", () => {
    const rows = [...SUMMARY.slice(0, 3), ["Total", 18000, 1503]];
    expect(findingsOf("total-mismatch", rows)).toEqual([
      {
        rule: "total-mismatch",
        severity: "error",
        sheet: "Sheet1",
        cell: "C4",
        table: "Workstream summary A1:C4",
        message:
          "Total, Full Year Savings £000: stated 1,503, the 2 rows it sums add to 1,500 (rounding reaches ±1.5), more than rounding of the shown figures explains.",
      },
    ]);
  });

  it("accepts a total that agrees, and one just inside the reach of rounding (info, not error)", () => {
    expect(findingsOf("total-mismatch", SUMMARY)).toEqual([]);
    const rows = [...SUMMARY.slice(0, 3), ["Total", 18000, 1501]];
    expect(findingsOf("total-mismatch", rows)).toEqual([]);
    expect(findingsOf("rounding-difference", rows)).toHaveLength(1);
  });

  it("adds the sub-totals, not the lines twice, and counts n/a and text amounts", () => {
    const rows = [
      ["Workstream", "Budget (£m)", "Savings (£m)"],
      ["A", d1(10), d1(1)],
      ["B", d1(5), "2.5*"],
      ["Sub-Total - Workstreams", d1(15), d1(3.5)],
      ["C", d1(4), "n/a"],
      ["Subtotal - other", d1(4), "n/a"],
      ["TOTAL", d1(19), d1(3.6)],
      [],
      ["* Subject to consultation."],
    ];
    // The total's savings part is the one sub-total with a figure: with the total's own half a tenth,
    // a tenth is the hard bound, which shown figures never quite reach.
    expect(findingsOf("total-mismatch", rows).map((f) => [f.cell, f.message])).toEqual([
      [
        "C7",
        "TOTAL, Savings (£m): stated 3.6, the 1 row it sums adds to 3.5 (rounding reaches ±0.1), more than rounding of the shown figures explains.",
      ],
    ]);
    rows[6] = ["TOTAL", d1(19), d1(3.5)];
    expect(
      check(grid("S", rows)).findings.filter((f) => f.rule.endsWith("mismatch") || f.rule === "rounding-difference"),
    ).toEqual([]);
  });

  it("checks a computed total by its cached result", () => {
    const rows = [...SUMMARY.slice(0, 3), ["Total", formula(18100, "=SUM(B2:B3)"), formula(1500, "=SUM(C2:C3)")]];
    expect(findingsOf("total-mismatch", rows).map((f) => f.cell)).toEqual(["B4"]);
  });
});

describe("total-mismatch: total columns of phasing tables and registers", () => {
  it("years across: a row's Total against its years", () => {
    const rows = [
      ["Workstream", "2017/18", "2018/19", "2019/20", "Total"],
      ["", "£000", "£000", "£000", "£000"],
      ["Social care", 300, 400, 300, 1000],
      ["SEN", 100, 200, 200, 510],
    ];
    expect(findingsOf("total-mismatch", rows)).toEqual([
      {
        rule: "total-mismatch",
        severity: "error",
        sheet: "Sheet1",
        cell: "E4",
        table: "Phasing A1:E4",
        message:
          "SEN, Total: stated 510, the 3 figures of its row add to 500 (rounding reaches ±2), more than rounding of the shown figures explains.",
      },
    ]);
    rows[3][4] = 501;
    expect(findingsOf("total-mismatch", rows)).toEqual([]);
  });

  it("years down: the Total row against the years above it", () => {
    const rows = [
      ["Year", "Savings £000"],
      ["2017/18", 100],
      ["2018/19", 200],
      ["2019/20", 300],
      ["Total", 700],
    ];
    const result = check(grid("Phasing", rows));
    expect(result.tables.map((t) => t.name)).toEqual(["Phasing A1:B5"]);
    expect(only(result, "total-mismatch").map((f) => [f.cell, f.message])).toEqual([
      [
        "B5",
        "Total, Savings £000: stated 700, the 3 rows it sums add to 600 (rounding reaches ±2), more than rounding of the shown figures explains.",
      ],
    ]);
    rows[4][1] = 600;
    expect(findingsOf("total-mismatch", rows)).toEqual([]);
  });

  it("a register with a column per year: each line's Total", () => {
    const rows = [
      ["Ref", "Description", "2017/18", "2018/19", "Total"],
      ["", "", "£000", "£000", "£000"],
      ["T1", "Reduce agency staff", 10, 20, 30],
      ["T2", "Review of contracts", 10, 20, 33],
    ];
    expect(findingsOf("total-mismatch", rows).map((f) => [f.table, f.cell, f.message])).toEqual([
      [
        "Savings register A1:E4",
        "E4",
        "Review of contracts, Total: stated 33, the 2 figures of its row add to 30 (rounding reaches ±1.5), more than rounding of the shown figures explains.",
      ],
    ]);
  });
});

describe("total-mismatch: across tables, per workstream against the summary's full-year saving", () => {
  const summary = () => grid("Summary", SUMMARY);

  it("a phasing table (years across) whose total for a workstream differs", () => {
    const phasing = grid("Phasing", [
      ["Savings phasing (£000)"],
      ["Workstream", "2017/18", "2018/19", "Total"],
      ["Social care", 400, 600, 1000],
      ["SEN", 300, 300, 600],
    ]);
    expect(only(check([summary(), phasing]), "total-mismatch")).toEqual([
      {
        rule: "total-mismatch",
        severity: "error",
        sheet: "Phasing",
        cell: "D4",
        table: "Phasing A2:D4",
        message:
          "SEN: phasing total 600 (£000), the full-year saving in Workstream summary A1:C4 on Summary is 500, more than rounding of the shown figures explains.",
      },
    ]);
  });

  it("a phasing table without a Total column: the sum of its years", () => {
    const phasing = grid("Phasing", [
      ["Workstream", "2017/18", "2018/19"],
      ["", "£000", "£000"],
      ["Social care", 400, 600],
      ["SEN", 300, 201],
    ]);
    expect(only(check([summary(), phasing]), "total-mismatch").map((f) => [f.cell, f.message])).toEqual([]);
    expect(only(check([summary(), phasing]), "rounding-difference").map((f) => f.cell)).toEqual(["C4"]);
    phasing.values[3][2] = 250;
    expect(only(check([summary(), phasing]), "total-mismatch").map((f) => f.cell)).toEqual(["C4"]);
  });

  it("a phasing table with years down and a column per workstream", () => {
    const phasing = grid("Phasing", [
      ["Year", "Social care", "SEN", "Total"],
      ["2017/18", 400, 300, 700],
      ["2018/19", 600, 300, 900],
      ["Total", 1000, 600, 1600],
    ]);
    const result = check([summary(), phasing]);
    expect(result.tables.filter((t) => t.sheet === "Phasing").map((t) => [t.kind, t.range])).toEqual([
      ["phasing", "A1:D4"],
    ]);
    expect(only(result, "total-mismatch").map((f) => [f.sheet, f.cell, f.message])).toEqual([
      [
        "Phasing",
        "C4",
        "SEN: phasing total 600 (£000), the full-year saving in Workstream summary A1:C4 on Summary is 500, more than rounding of the shown figures explains.",
      ],
    ]);
  });

  it("a register with one amount column, grouped by its Workstream column", () => {
    const register = grid("Register", [
      ["Ref", "Description", "Workstream", "Saving £000"],
      ["SC1", "Edge of care team", "Social care", 600],
      ["SC2", "Placement commissioning", "Social care", 400],
      ["SEN1", "Transport routes", "SEN", 490],
    ]);
    expect(only(check([summary(), register]), "total-mismatch")).toEqual([
      {
        rule: "total-mismatch",
        severity: "error",
        sheet: "Register",
        cell: "D4",
        table: "Savings register A1:D4",
        message:
          "SEN: register lines add to 490 (£000), the full-year saving in Workstream summary A1:C4 on Summary is 500, more than rounding of the shown figures explains.",
      },
    ]);
    register.values[3][3] = 500;
    expect(only(check([summary(), register]), "total-mismatch")).toEqual([]);
  });

  it("a register with a column per year: its Total column per workstream", () => {
    const register = grid("Register", [
      ["Ref", "Description", "Workstream", "2017/18", "2018/19", "Total"],
      ["", "", "", "£000", "£000", "£000"],
      ["SC1", "Edge of care team", "Social care", 300, 300, 600],
      ["SC2", "Placement commissioning", "Social care", 200, 250, 450],
      ["SEN1", "Transport routes", "SEN", 250, 250, 500],
    ]);
    expect(only(check([summary(), register]), "total-mismatch").map((f) => [f.cell, f.message])).toEqual([
      [
        "F4",
        "Social care: register lines add to 1,050 (£000), the full-year saving in Workstream summary A1:C4 on Summary is 1,000, more than rounding of the shown figures explains.",
      ],
    ]);
  });

  it("converts units: a summary in £m against phasing in £000", () => {
    const summaryM = grid("Summary", [
      ["Workstream", "Budget (£m)", "Savings (£m)"],
      ["Social care", d1(10), d1(1)],
      ["SEN", d1(8), d1(0.5)],
    ]);
    const phasing = (sen: number) =>
      grid("Phasing", [
        ["Workstream", "2017/18", "2018/19", "Total"],
        ["", "£000", "£000", "£000"],
        ["Social care", 400, 600, 1000],
        ["SEN", 250, sen - 250, sen],
      ]);
    // £0.5m shown to one decimal stands for £450k to £550k.
    expect(only(check([summaryM, phasing(540)]), "total-mismatch")).toEqual([]);
    expect(only(check([summaryM, phasing(560)]), "total-mismatch").map((f) => f.message)).toEqual([
      "SEN: phasing total 560 (£000), the full-year saving in Workstream summary A1:C3 on Summary is 500, more than rounding of the shown figures explains.",
    ]);
  });
});

describe("total-mismatch: which rows are totals", () => {
  it("a register line whose description begins with Total is a line when it has a reference", () => {
    const rows = [
      ["Ref", "Description", "Saving £000"],
      ["T1", "Total transport review", 100],
      ["T2", "Reduce agency staff", 50],
      ["Total", "", 150],
    ];
    expect(findingsOf("total-mismatch", rows)).toEqual([]);
    rows[3][2] = 160;
    expect(findingsOf("total-mismatch", rows).map((f) => [f.cell, f.message])).toEqual([
      [
        "C4",
        "Total, Saving £000: stated 160, the 2 rows it sums add to 150 (rounding reaches ±1.5), more than rounding of the shown figures explains.",
      ],
    ]);
  });
});
