/**
 * Comparing drafts built from the seeds: Hampshire's Tt2019 Table 1 (test/fixtures, as grids)
 * against a later draft with a changed saving, a removed line and a new target; and a phasing
 * table whose years moved one column.
 */
import { compareDrafts, verdictChangeText } from "../../../src/core/compare/compare";
import { readDraft } from "../../../src/core/compare/draft";
import { CellValue, SheetGrid } from "../../../src/core/grid";
import { grid } from "../validate/build";
import { tt2019Sheet } from "../validate/fixture-grids";

function draftOf(...sheets: SheetGrid[]) {
  return readDraft({ sheets }).draft;
}

/** Sets a cell's value (0-based), keeping its format; clears its formula. */
function set(sheet: SheetGrid, a1: string, value: CellValue): void {
  const col = a1.charCodeAt(0) - 65;
  const row = Number(a1.slice(1)) - 1;
  sheet.values[row][col] = value;
  if (sheet.formulas[row]) sheet.formulas[row][col] = null;
}

function deleteRow(sheet: SheetGrid, row1: number): void {
  for (const rows of [sheet.values, sheet.formulas, sheet.numberFormats]) rows.splice(row1 - 1, 1);
}

describe("Hampshire's Table 1 against a later draft", () => {
  const later = tt2019Sheet();
  set(later, "C5", 22400); // Children's Social Care Transformation: a bigger saving
  set(later, "D5", 25.7);
  deleteRow(later, 9); // Home to School Transport removed: everything below moves up a row
  set(later, "B11", 120672);
  set(later, "C11", 27842);
  set(later, "D11", 23.1);
  set(later, "B16", 27800); // a new target
  const result = compareDrafts(draftOf(tt2019Sheet()), draftOf(later));
  const messages = result.changes.map((c) => c.message);

  test("says what moved, in the domain's words, and nothing else", () => {
    expect(messages).toEqual([
      "Children's Social Care Transformation: saving 21,890 → 22,400 (+510, £000)",
      "Children's Social Care Transformation: % 25.1 → 25.7 (+0.6 points)",
      "TOTAL: budget 148,913 → 120,672 (-28,241, £000)",
      "TOTAL: saving 30,132 → 27,842 (-2,290, £000)",
      "TOTAL: % 20.2 → 23.1 (+2.9 points)",
      "Home to School Transport: line removed (was budget 28,241, saving 2,800, % 9.9; £000)",
      "Savings target: 30,100 → 27,800 (-2,300, £000)",
    ]);
  });

  test("each change carries its cells, old, new, difference and unit", () => {
    const saving = result.changes[0];
    expect(saving).toMatchObject({
      kind: "figure-changed",
      table: "Workstream summary A3:D11",
      sheet: "Table 1",
      cell: "C5",
      oldCell: "C5",
      line: "Children's Social Care Transformation",
      column: "saving",
      old: "21890",
      new: "22400",
      difference: "510",
      unit: "£000",
    });
    const removed = result.changes.find((c) => c.kind === "line-removed")!;
    expect(removed).toMatchObject({ cell: null, oldCell: "A9", line: "Home to School Transport" });
    const target = result.changes.find((c) => c.kind === "target-changed")!;
    expect(target).toMatchObject({ cell: "B16", oldCell: "B17", old: "30100", new: "27800", difference: "-2300" });
  });

  test("the verdict then and now, with findings fixed and new", () => {
    expect(result.then.verdict).toBe("ready");
    expect(result.now.verdict).toBe("ready");
    // The "2,800**" typed as text went with its line.
    expect(result.findingsFixed.map((f) => f.rule)).toContain("number-as-text");
    expect(verdictChangeText(result)).toMatch(
      /^Verdict then: Ready for committee; now: Ready for committee \(errors unchanged; /,
    );
  });

  test("the same draft twice, or with only its formats changed, has no changes", () => {
    const reformatted = tt2019Sheet();
    reformatted.numberFormats = reformatted.numberFormats.map((row) => row.map(() => "#,##0.00"));
    for (const other of [tt2019Sheet(), reformatted]) {
      const same = compareDrafts(draftOf(tt2019Sheet()), draftOf(other));
      expect(same.changes).toEqual([]);
    }
  });
});

describe("a phasing table whose years moved one column", () => {
  const phasing = (years: string[], lines: [string, ...number[]][], pad = 0) =>
    grid("Phasing", [
      ["Phasing of savings (£000)"],
      [],
      [...Array(pad).fill(null), "Workstream", ...years],
      ...lines.map((l) => [...Array(pad).fill(null), ...l]),
    ]);
  const before = phasing(
    ["2017/18", "2018/19", "2019/20"],
    [
      ["Children's Social Care Transformation", 8000, 7890, 6000],
      ["Children with Disabilities", 1000, 1100, 1200],
    ],
  );

  test("the first year dropped and a year added: each year's figures still matched by its year", () => {
    const after = phasing(
      ["2018/19", "2019/20", "2020/21"],
      [
        ["Children's Social Care Transformation", 7890, 6000, 4000],
        ["Children with Disabilities", 1100, 1250, 1300],
      ],
    );
    const result = compareDrafts(draftOf(before), draftOf(after));
    expect(result.changes.map((c) => c.message)).toEqual([
      "Year added: 2020/21",
      "Year dropped: 2017/18",
      "Children with Disabilities: 2019/20 1,200 → 1,250 (+50, £000)",
    ]);
    expect(result.changes[2]).toMatchObject({ cell: "C5", oldCell: "D5" });
  });

  test("a column inserted before the table moves every year: no change", () => {
    const after = phasing(
      ["2017/18", "2018/19", "2019/20"],
      [
        ["Children's Social Care Transformation", 8000, 7890, 6000],
        ["Children with Disabilities", 1000, 1100, 1200],
      ],
      1,
    );
    expect(compareDrafts(draftOf(before), draftOf(after)).changes).toEqual([]);
  });
});
