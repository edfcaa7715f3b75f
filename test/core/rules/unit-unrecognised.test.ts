import { findingsOf } from "../validate/build";

describe("unit-unrecognised", () => {
  it("reports a column in another currency, by its header or its number format, and no unit-missing for it", () => {
    const rows = [
      ["Service", "Budget $000", "Savings"],
      ["Social care", 1000, { v: 100, fmt: "[$€-x-euro2] #,##0" }],
      ["Total", 1000, { v: 100, fmt: "[$€-x-euro2] #,##0" }],
    ];
    expect(findingsOf("unit-unrecognised", rows).map((f) => [f.cell, f.message])).toEqual([
      ["B1", '"Budget $000" is in $000, not pounds (£, £000, £m or £bn): its figures are not compared with pounds.'],
      ["C1", '"Savings" is in €, not pounds (£, £000, £m or £bn): its figures are not compared with pounds.'],
    ]);
    expect(findingsOf("unit-missing", rows)).toEqual([]);
  });

  it("takes pounds in any spelling as pounds", () => {
    const rows = [
      ["Service", "Budget GBP'000", "Savings (£ thousands)"],
      ["Social care", 1000, 100],
    ];
    expect(findingsOf("unit-unrecognised", rows)).toEqual([]);
    expect(findingsOf("unit-missing", rows)).toEqual([]);
  });
});
