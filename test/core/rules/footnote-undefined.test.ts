import { findingsOf, shownAs } from "../validate/build";

const table = (footnotes: string[][]) => [
  ["Workstream", "Total Budget £000", "Savings £000"],
  ["School Improvement Services", shownAs(1368, '#,##0"*"'), 59],
  ["Home to School Transport", 28241, "2,800**"],
  ["Short breaks¹", 1800, 100],
  [],
  ...footnotes,
];

describe("footnote-undefined", () => {
  it("flags markers with no footnote under the table: in a number format, typed after a figure, after a label", () => {
    expect(findingsOf("footnote-undefined", table([]))).toEqual([
      {
        rule: "footnote-undefined",
        severity: "warning",
        sheet: "Sheet1",
        cell: "B2",
        table: "Workstream summary A1:C4",
        message: "Footnote marker * has no footnote starting with * under the table.",
      },
      expect.objectContaining({
        cell: "C3",
        message: "Footnote marker ** has no footnote starting with ** under the table.",
      }),
      expect.objectContaining({
        cell: "A4",
        message: "Footnote marker ¹ has no footnote starting with ¹ under the table.",
      }),
    ]);
  });

  it("matches each marker to its footnote line (with or without a space, blank lines between)", () => {
    const notes = [
      ["*The majority of this funding now comes from grant."],
      [],
      ["** Savings planned total £4.05m."],
      ["¹ To be reconsidered."],
    ];
    expect(findingsOf("footnote-undefined", table(notes))).toEqual([]);
    expect(findingsOf("footnote-undefined", table(notes.slice(0, 3))).map((f) => f.cell)).toEqual(["A4"]);
  });
});
