import { findingsOf } from "../validate/build";

const HEADER = ["Workstream", "Total Budget", "Full Year Savings Proposals"];
const UNITS = ["", "£000", "£000"];

describe("missing-value", () => {
  it("flags a labelled line with no saving", () => {
    expect(
      findingsOf("missing-value", [
        HEADER,
        UNITS,
        ["Support Services", 7813, null],
        ["Education High Needs", 6695, 979],
      ]),
    ).toEqual([
      {
        rule: "missing-value",
        severity: "error",
        sheet: "Sheet1",
        cell: "C3",
        table: "Workstream summary A1:C4",
        message: "Support Services has no saving (Full Year Savings Proposals at C3 is empty).",
      },
    ]);
  });

  it("flags a labelled line with no budget, and a register line with no figure at all", () => {
    expect(findingsOf("missing-value", [HEADER, UNITS, ["Support Services", "  ", 904]]).map((f) => f.message)).toEqual(
      ["Support Services has no budget (Total Budget at B3 is empty)."],
    );
    const register = [
      ["Ref", "Description", "2017/18", "2018/19"],
      ["", "", "£000", "£000"],
      ["T1", "Reduce agency staff", null, null],
      ["T2", "Review of contracts", null, 20],
    ];
    expect(findingsOf("missing-value", register).map((f) => [f.cell, f.message])).toEqual([
      ["C3", "Reduce agency staff has no figures: every figure cell of the line is empty or words."],
    ]);
  });

  it("flags words where a figure should be", () => {
    expect(
      findingsOf("missing-value", [HEADER, UNITS, ["Support Services", 7813, "tbc"]]).map((f) => [f.cell, f.message]),
    ).toEqual([["C3", 'Support Services has no saving (Full Year Savings Proposals at C3 says "tbc", not a figure).']]);
  });

  it("accepts a not-applicable marker as a deliberate answer", () => {
    const rows = [
      HEADER,
      UNITS,
      ["Maximising Efficiencies", "NA", 500],
      ["Mainstream home to school transport", 11800, "n/a"],
      ["Other", "-", "–"],
    ];
    expect(findingsOf("missing-value", rows)).toEqual([]);
  });
});
