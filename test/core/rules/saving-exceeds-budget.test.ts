import { d1, findingsOf } from "../validate/build";

const rows = (saving: number) => [
  ["Project", "Base budget (£m)", "Savings requirement (£m)"],
  ["Short breaks", d1(1.8), d1(saving)],
];

describe("saving-exceeds-budget", () => {
  it("flags a saving larger than its budget", () => {
    expect(findingsOf("saving-exceeds-budget", rows(1.9))).toEqual([
      {
        rule: "saving-exceeds-budget",
        severity: "error",
        sheet: "Sheet1",
        cell: "C2",
        table: "Workstream summary A1:C2",
        message: "Short breaks: saving 1.9 is larger than its budget 1.8.",
      },
    ]);
  });

  it("accepts a saving equal to its budget (a service closed), which is a high-saving-share warning instead", () => {
    expect(findingsOf("saving-exceeds-budget", rows(1.8))).toEqual([]);
    expect(findingsOf("high-saving-share", rows(1.8))).toHaveLength(1);
    expect(findingsOf("high-saving-share", rows(1.9))).toEqual([]);
  });

  it("leaves a net income budget (below zero) alone, but not a zero budget", () => {
    expect(
      findingsOf(
        "saving-exceeds-budget",
        rows(0.5).map((r, i) => (i === 1 ? ["Traded services", d1(-2.5), d1(0.5)] : r)),
      ),
    ).toEqual([]);
    expect(
      findingsOf("saving-exceeds-budget", [rows(0)[0], ["Closed service", d1(0), d1(0.1)]]).map((f) => f.cell),
    ).toEqual(["C2"]);
  });

  it("reads a saving typed as text in another unit (£1.9m against a £000 budget)", () => {
    const found = findingsOf("saving-exceeds-budget", [
      ["Service", "Budget", "Saving"],
      ["", "£000", "£000"],
      ["Short breaks", 1800, "£1.9m"],
    ]);
    expect(found.map((f) => f.message)).toEqual(["Short breaks: saving 1,900 is larger than its budget 1,800."]);
  });
});
