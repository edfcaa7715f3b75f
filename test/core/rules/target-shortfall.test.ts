import { Cell, check, d1, findingsOf, grid, only } from "../validate/build";

const summary = (target: Cell[]) => [
  target,
  [],
  ["Workstream", "Total Budget", "Full Year Savings Proposals"],
  ["", "£000", "£000"],
  ["Social care", 87282, 21890],
  ["SEN", 17514, 8242],
  ["TOTAL", 104796, 30132],
];

describe("target-shortfall", () => {
  it("flags proposals short of the target and gives the gap", () => {
    expect(findingsOf("target-shortfall", summary(["Savings target", 30200, "£000"]))).toEqual([
      {
        rule: "target-shortfall",
        severity: "error",
        sheet: "Sheet1",
        cell: "B1",
        table: "Savings target A1:C1",
        message:
          "Proposals total 30,132 (£000) in Workstream summary A3:C7 fall 68 short of the savings target 30,200.",
      },
    ]);
  });

  it("converts a £m target to the proposals' £000", () => {
    expect(findingsOf("target-shortfall", summary(["Savings needed", d1(30.2), "£m"])).map((f) => f.message)).toEqual([
      "Proposals total 30,132 (£000) in Workstream summary A3:C7 fall 68 short of the savings target 30,200.",
    ]);
    // A unit in the label, and the target typed as text.
    expect(findingsOf("target-shortfall", summary(["Savings required (£m)", "30.2"])).map((f) => f.cell)).toEqual([
      "B1",
    ]);
  });

  it("is silent when the proposals meet the target exactly or exceed it", () => {
    expect(findingsOf("target-shortfall", summary(["Savings target", 30132, "£000"]))).toEqual([]);
    expect(findingsOf("target-shortfall", summary(["Target", d1(30.1), "£m"]))).toEqual([]);
  });

  it("falls back to a register's total when there is no summary, on another sheet", () => {
    const target = grid("Targets", [["Savings target", 500, "£000"]]);
    const register = grid("Register", [
      ["Ref", "Description", "Saving £000"],
      ["R1", "One", 200],
      ["R2", "Two", 250],
    ]);
    expect(only(check([target, register]), "target-shortfall").map((f) => [f.sheet, f.cell, f.message])).toEqual([
      [
        "Targets",
        "B1",
        "Proposals total 450 (£000) in Savings register A1:C3 fall 50 short of the savings target 500.",
      ],
    ]);
  });
});
