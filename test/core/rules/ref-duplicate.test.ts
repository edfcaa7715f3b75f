import { findingsOf } from "../validate/build";

const HEADER = ["Ref", "Description", "Saving £000"];

describe("ref-duplicate", () => {
  it("flags a savings reference used for two lines of a register", () => {
    const rows = [
      HEADER,
      ["EEI030", "Close two respite units", 100],
      ["SSS022", "Review of contracts", 200],
      ["EEI030", "Reduce agency staff", 50],
    ];
    expect(findingsOf("ref-duplicate", rows)).toEqual([
      {
        rule: "ref-duplicate",
        severity: "error",
        sheet: "Sheet1",
        cell: "A4",
        table: "Savings register A1:C4",
        message: "Savings reference EEI030 is used for two lines: row 2 and row 4.",
      },
    ]);
  });

  it("matches references regardless of case and surrounding spaces", () => {
    const rows = [HEADER, ["S19", "One", 1], [" s19 ", "Two", 2]];
    expect(findingsOf("ref-duplicate", rows).map((f) => f.cell)).toEqual(["A3"]);
  });

  it("accepts distinct references, blank references, and the Total line", () => {
    const rows = [
      HEADER,
      ["T3", "One", 1],
      ["T4", "Two", 2],
      ["", "Unreferenced", 3],
      ["", "Also unreferenced", 4],
      ["Total", "", 10],
    ];
    expect(findingsOf("ref-duplicate", rows)).toEqual([]);
  });
});
