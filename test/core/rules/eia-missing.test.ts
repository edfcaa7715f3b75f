import { findingsOf } from "../validate/build";

const register = (eias: (string | null)[]) => [
  ["Ref", "Description", "Saving £000", "EIA"],
  ...eias.map((eia, i) => [`T${i + 1}`, `Proposal ${i + 1}`, 10, eia]),
];

describe("eia-missing", () => {
  it("flags a register line whose EIA cell is empty or says it is not done", () => {
    expect(findingsOf("eia-missing", register(["Yes", null, "Not started"]))).toEqual([
      {
        rule: "eia-missing",
        severity: "warning",
        sheet: "Sheet1",
        cell: "D3",
        table: "Savings register A1:D4",
        message: "No equality impact assessment recorded for this line: its EIA cell is empty.",
      },
      {
        rule: "eia-missing",
        severity: "warning",
        sheet: "Sheet1",
        cell: "D4",
        table: "Savings register A1:D4",
        message: 'No equality impact assessment recorded for this line: its EIA cell says "Not started".',
      },
    ]);
  });

  it("accepts an assessment recorded in any words, and registers without an EIA column", () => {
    expect(findingsOf("eia-missing", register(["Yes", "Completed 12/10/2017", "Y"]))).toEqual([]);
    expect(
      findingsOf("eia-missing", [
        ["Ref", "Description", "Saving £000"],
        ["T1", "One", 1],
      ]),
    ).toEqual([]);
  });
});
