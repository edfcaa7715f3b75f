import { d1, findingsOf } from "../validate/build";

const rows = (subtotal: number, total = 7.1) => [
  ["Service", "Budget (£m)", "Saving (£m)"],
  ["Youth offending", d1(10), d1(1.2)],
  ["Family support", d1(20), d1(2.3)],
  ["Sub-total - Workstreams", d1(30), d1(subtotal)],
  ["Home to school transport", d1(12), d1(3.6)],
  ["Sub-Total – Non-Workstreams", d1(12), d1(3.6)],
  ["Grand total", d1(42), d1(total)],
];

describe("subtotal-mismatch", () => {
  it("flags a sub-total that misses the lines since the previous sub-total beyond rounding", () => {
    expect(findingsOf("subtotal-mismatch", rows(3.7, 7.3))).toEqual([
      {
        rule: "subtotal-mismatch",
        severity: "error",
        sheet: "Sheet1",
        cell: "C4",
        table: "Workstream summary A1:C7",
        message:
          "Sub-total - Workstreams, Saving (£m): stated 3.7, the 2 lines above add to 3.5 (rounding reaches ±0.15), more than rounding of the shown figures explains.",
      },
    ]);
  });

  it("accepts sub-totals that agree, and one within rounding of its two lines", () => {
    expect(findingsOf("subtotal-mismatch", rows(3.5))).toEqual([]);
    expect(findingsOf("subtotal-mismatch", rows(3.6, 7.2))).toEqual([]);
    expect(findingsOf("rounding-difference", rows(3.6, 7.2)).map((f) => f.cell)).toEqual(["C4"]);
  });

  it("the grand total adds the sub-totals", () => {
    expect(findingsOf("subtotal-mismatch", rows(3.5, 7.1))).toEqual([]);
    expect(findingsOf("total-mismatch", rows(3.5, 7.1))).toEqual([]);
    expect(findingsOf("total-mismatch", rows(3.5, 7.3)).map((f) => f.cell)).toEqual(["C7"]);
  });
});
