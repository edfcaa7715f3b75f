import { findingsOf } from "../validate/build";

describe("number-as-text", () => {
  it("flags every amount typed as text, and reads it in the column's unit", () => {
    const rows = [
      ["Workstream", "Budget", "Savings"],
      ["", "£000", "£000"],
      ["Home to School Transport", 28241, "2,800**"],
      ["Social care", "£4.462m", "£189k"],
      ["Disabilities", 1000, "(1,250)"],
      [],
      ["** Savings planned total £4.05m."],
    ];
    expect(findingsOf("number-as-text", rows)).toEqual([
      {
        rule: "number-as-text",
        severity: "warning",
        sheet: "Sheet1",
        cell: "C3",
        table: "Workstream summary A1:C5",
        message: '"2,800**" is typed as text (read as 2,800): Excel\'s SUM would skip it.',
      },
      expect.objectContaining({
        cell: "B4",
        message: '"£4.462m" is typed as text (read as 4,462): Excel\'s SUM would skip it.',
      }),
      expect.objectContaining({
        cell: "C4",
        message: '"£189k" is typed as text (read as 189): Excel\'s SUM would skip it.',
      }),
      expect.objectContaining({
        cell: "C5",
        message: '"(1,250)" is typed as text (read as -1,250): Excel\'s SUM would skip it.',
      }),
    ]);
  });

  it("accepts numbers, NA markers and words", () => {
    const rows = [
      ["Workstream", "Budget £000", "Savings £000"],
      ["Social care", 87282, 21890],
      ["Efficiencies", "NA", "n/a"],
      ["Other", "tbc", "-"],
    ];
    expect(findingsOf("number-as-text", rows)).toEqual([]);
  });
});
