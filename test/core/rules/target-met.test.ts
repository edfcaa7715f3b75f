import { Cell, d1, findingsOf } from "../validate/build";

const rows = (target: Cell[]) => [
  ["Service", "Budget (£m)", "Savings (£m)"],
  ["Social care", d1(52.5), d1(4)],
  ["SEN", d1(21.3), d1(3.2)],
  ["Total", d1(73.8), d1(7.2)],
  [],
  target,
];

describe("target-met", () => {
  it("reports the margin by which proposals meet the target", () => {
    expect(findingsOf("target-met", rows(["Savings target", d1(7), "£m"]))).toEqual([
      {
        rule: "target-met",
        severity: "info",
        sheet: "Sheet1",
        cell: "B6",
        table: "Savings target A6:C6",
        message:
          "Proposals total 7.2 (£m) in Workstream summary A1:C4 meet the savings target 7.0 with a margin of 0.2.",
      },
    ]);
  });

  it("a margin of nothing still meets it; a shortfall does not", () => {
    expect(findingsOf("target-met", rows(["Savings target", d1(7.2), "£m"])).map((f) => f.message)).toEqual([
      "Proposals total 7.2 (£m) in Workstream summary A1:C4 meet the savings target 7.2 with a margin of 0.0.",
    ]);
    expect(findingsOf("target-met", rows(["Savings target", d1(7.3), "£m"]))).toEqual([]);
    expect(findingsOf("target-shortfall", rows(["Savings target", d1(7.3), "£m"]))).toHaveLength(1);
  });

  it("converts a £000 target to the proposals' £m", () => {
    expect(findingsOf("target-met", rows(["Savings target", 7150, "£000"])).map((f) => f.message)).toEqual([
      "Proposals total 7.20 (£m) in Workstream summary A1:C4 meet the savings target 7.15 with a margin of 0.05.",
    ]);
  });
});
