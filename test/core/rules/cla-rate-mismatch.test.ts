import { d1, findingsOf, shownAs } from "../validate/build";

const HEADER = ["Year", "Children looked after", "Child population (0-17)", "Rate per 10,000"];

describe("cla-rate-mismatch", () => {
  it("flags a stated rate that children / population × 10,000 does not give", () => {
    expect(
      findingsOf("cla-rate-mismatch", [HEADER, ["2016/17", 870, 280000, d1(31.1)], ["2017/18", 870, 280000, d1(31.3)]]),
    ).toEqual([
      {
        rule: "cla-rate-mismatch",
        severity: "error",
        sheet: "Sheet1",
        cell: "D3",
        table: "Children looked after A1:D3",
        message:
          "Rate per 10,000 children: stated 31.3, 870 / 280,000 × 10,000 = 31.1, more than rounding of the shown figures explains.",
      },
    ]);
  });

  it("accepts the rate the figures give (870 / 280,000 = 31.07, shown 31.1), with cost columns beside it", () => {
    const rows = [
      [
        "Area",
        "Number of children looked after",
        "Population aged 0-17",
        "CLA rate",
        "Weekly unit cost £",
        "Annual cost £",
      ],
      ["Hampshire", 870, 280000, d1(31.1), 893, 40399320],
    ];
    expect(findingsOf("cla-rate-mismatch", rows)).toEqual([]);
    expect(findingsOf("rounding-difference", rows)).toEqual([]);
  });

  it("a rate of 35.4999… stays on the right side: shown whole it is 35, and 36 is a mismatch", () => {
    // 7,099,999 / 2,000,000,000 × 10,000 = 35.4999950; the bounds of whole figures reach 35.4999977 at most.
    const line = (rate: number) => [HEADER, ["2019/20", 7099999, 2000000000, shownAs(rate, "0")]];
    expect(findingsOf("cla-rate-mismatch", line(35))).toEqual([]);
    expect(findingsOf("rounding-difference", line(35))).toEqual([]);
    expect(findingsOf("cla-rate-mismatch", line(36)).map((f) => f.message)).toEqual([
      "Rate per 10,000 children: stated 36, 7,099,999 / 2,000,000,000 × 10,000 = 35, more than rounding of the shown figures explains.",
    ]);
    // At one decimal the same figures give 35.5 (half away from zero).
    const tenths = [HEADER, ["2019/20", 7099999, 2000000000, d1(35.5)]];
    expect(findingsOf("cla-rate-mismatch", tenths)).toEqual([]);
    expect(findingsOf("rounding-difference", tenths)).toEqual([]);
  });
});
