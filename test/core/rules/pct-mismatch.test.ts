import { check, d1, findingsOf, grid, only, shownAs } from "../validate/build";

const HEADER = ["Workstream", "Budget", "Savings", "% of budget"];
const UNITS = ["", "£000", "£000", "%"];

describe("pct-mismatch", () => {
  it("flags 1,250 of 8,420 (£000, whole) stated as 15.7%: no values within the bounds give it", () => {
    expect(findingsOf("pct-mismatch", [HEADER, UNITS, ["Early help", 8420, 1250, d1(15.7)]])).toEqual([
      {
        rule: "pct-mismatch",
        severity: "error",
        sheet: "Sheet1",
        cell: "D3",
        table: "Workstream summary A1:D3",
        message:
          "Savings as % of budget: stated 15.7%, 1,250 / 8,420 = 14.8%, more than rounding of the shown figures explains.",
      },
    ]);
  });

  it("SPEC §2: 25.1 stated against 21,890 / 87,282 = 25.0791…% is right; 25.2 is wrong", () => {
    const line = (stated: number) => [
      HEADER,
      UNITS,
      ["Children's Social Care Transformation", 87282, 21890, d1(stated)],
    ];
    expect(
      check(grid("S", line(25.1))).findings.filter(
        (f) => f.rule === "pct-mismatch" || f.rule === "rounding-difference",
      ),
    ).toEqual([]);
    expect(findingsOf("pct-mismatch", line(25.2)).map((f) => f.message)).toEqual([
      "Savings as % of budget: stated 25.2%, 21,890 / 87,282 = 25.1%, more than rounding of the shown figures explains.",
    ]);
  });

  it("accepts the line stated as 14.8%; 14.9% is just inside the bounds, 15.0% just beyond", () => {
    const line = (stated: number) => [HEADER, UNITS, ["Early help", 8420, 1250, d1(stated)]];
    expect(check(grid("S", line(14.8))).findings.filter((f) => f.severity !== "info")).toEqual([]);
    // 1,250.5 / 8,419.5 = 14.852…% reaches 14.85, the lower edge of a shown 14.9.
    expect(findingsOf("pct-mismatch", line(14.9))).toEqual([]);
    expect(findingsOf("rounding-difference", line(14.9))).toHaveLength(1);
    expect(findingsOf("pct-mismatch", line(15))).toHaveLength(1);
  });

  it("reads a percent-formatted cell (0.157 shown as 15.7%) as 15.7", () => {
    const wrong = findingsOf("pct-mismatch", [HEADER, UNITS, ["Early help", 8420, 1250, shownAs(0.157, "0.0%")]]);
    expect(wrong.map((f) => [f.cell, f.message])).toEqual([
      [
        "D3",
        "Savings as % of budget: stated 15.7%, 1,250 / 8,420 = 14.8%, more than rounding of the shown figures explains.",
      ],
    ]);
    expect(findingsOf("pct-mismatch", [HEADER, UNITS, ["Early help", 8420, 1250, shownAs(0.148, "0.0%")]])).toEqual([]);
  });

  it("rounds half away from zero in decimals: 0.285 / 1 is 28.5%, shown whole as 29 (binary floating point gives 28.499…)", () => {
    const rows = (stated: number) => [
      HEADER,
      UNITS,
      ["Line", shownAs(1, "0.000"), shownAs(0.285, "0.000"), shownAs(stated, "0")],
    ];
    expect(
      check(grid("S", rows(29))).findings.filter((f) => f.rule === "pct-mismatch" || f.rule === "rounding-difference"),
    ).toEqual([]);
    const found = only(check(grid("S", rows(30))), "pct-mismatch");
    expect(found.map((f) => f.message)).toEqual([
      "Savings as % of budget: stated 30%, 0.285 / 1.000 = 29%, more than rounding of the shown figures explains.",
    ]);
  });

  it("checks every table of a sheet, wherever it starts, with units in the header text", () => {
    const sheet = grid("Summary", [
      [],
      [null, null, "Service", "Total Budget £000", "Saving £000", "% of Budget"],
      [null, null, "Youth", 1000, 100, d1(10)],
      [],
      [null, "Project", "Budget (£m)", "Saving (£m)", "Savings as % of budget"],
      [null, "Adoption", d1(4), d1(1), d1(20)],
    ]);
    const result = check(sheet);
    expect(result.tables.map((t) => t.name)).toEqual(["Workstream summary C2:F3", "Workstream summary B5:E6"]);
    expect(only(result, "pct-mismatch").map((f) => [f.cell, f.table, f.message])).toEqual([
      [
        "E6",
        "Workstream summary B5:E6",
        "Savings as % of budget: stated 20.0%, 1.0 / 4.0 = 25.0%, more than rounding of the shown figures explains.",
      ],
    ]);
  });

  it("leaves a line alone when its % cell says n/a or its budget is zero", () => {
    expect(findingsOf("pct-mismatch", [HEADER, UNITS, ["A", 8420, "n/a", "n/a"], ["B", 0, 0, 5]])).toEqual([]);
  });
});

describe("pct-mismatch at the edge of the bounds", () => {
  // 35.322 (3 decimals) of 100 (whole): the highest ratio the bounds approach is
  // 35.3225 / 99.5 = 35.5 exactly, never reached (35.4999…), which shows as 35.
  const line = (stated: number) => [
    ["Workstream", "Budget £m", "Savings £m", "% of budget"],
    ["Edge", shownAs(100, "0"), shownAs(35.322, "0.000"), shownAs(stated, "0")],
  ];

  it("a stated 36 is a mismatch: no value within the bounds reaches 35.5", () => {
    expect(findingsOf("pct-mismatch", line(36)).map((f) => f.message)).toEqual([
      "Savings as % of budget: stated 36%, 35.322 / 100 = 35%, more than rounding of the shown figures explains.",
    ]);
    expect(findingsOf("rounding-difference", line(36))).toEqual([]);
  });

  it("a stated 35 is what the figures give", () => {
    expect(
      check(grid("S", line(35))).findings.filter((f) => f.rule === "pct-mismatch" || f.rule === "rounding-difference"),
    ).toEqual([]);
  });
});
