/**
 * The checks every fidelity test makes of a workbook against its plain twin (the same cells
 * without the features): the check reads the same grids and finds the same; the annotated copy
 * keeps every part, those it need not change byte for byte, and validates as the input did;
 * clearing gives back every part of the input byte for byte.
 */
import { join } from "path";
import { WorkbookGrid } from "../../../src/core/grid";
import { validateWorkbook } from "../../../src/core/validate";
import { clearAnnotatedCopy, writeAnnotatedCopy } from "../../../src/cli/xlsx/annotated-copy";
import { readRelationships, relationshipKind } from "../../../src/cli/xlsx/relationships";
import { readWorkbookFile, readWorkbookGrid } from "../../../src/cli/xlsx/workbook-file";
import { differingParts, readParts } from "./package-parts";

const CHECKED = new Date("2026-11-23T10:00:00Z");

/** Grids as comparable data (sets as sorted arrays, holes as nulls). */
export function comparable(grid: WorkbookGrid) {
  return grid.sheets.map((sheet) => ({
    ...sheet,
    values: sheet.values.map((row) => Array.from(row, (v) => v ?? null)),
    formulas: Array.from(sheet.formulas, (row) => (row ? Array.from(row, (f) => f ?? null) : null)),
    numberFormats: Array.from(sheet.numberFormats, (row) => (row ? Array.from(row, (f) => f ?? null) : null)),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
  }));
}

/**
 * Parts annotating may change: workbook, its relationships, content types, properties, styles, and
 * the marked sheets with their relationships, notes and note drawings (whatever their names).
 */
function changeableParts(path: string): (name: string) => boolean {
  const file = readWorkbookFile(path);
  const marked = new Set(validateWorkbook(file.grid).findings.map((f) => f.sheet));
  const sheetParts = file.workbook.sheets
    .filter((sheet) => marked.has(sheet.name))
    .flatMap((sheet) => {
      const rels = readRelationships(file.pkg, sheet.part!);
      const notes = rels.list
        .filter((r) => ["comments", "vmlDrawing"].includes(relationshipKind(r.type)))
        .map((r) => r.part!);
      return [sheet.part!, rels.name, ...notes];
    });
  const fixed = [
    "[Content_Types].xml",
    "docProps/app.xml",
    file.workbook.name,
    file.workbook.relationships.name,
    file.styles.name,
  ];
  return (name) =>
    fixed.includes(name) ||
    sheetParts.includes(name) ||
    /^xl\/(comments\d*\.xml|drawings\/vmlDrawing\d*\.vml)$/.test(name);
}

/** Declares the fidelity tests of the workbook at `input()` against `plain()`, writing copies into `dir()`. */
export function checkFidelity(input: () => string, plain: () => string, dir: () => string): void {
  const annotated = () => join(dir(), `${input().replace(/.*\//, "")}.annotated.xlsx`);
  const cleared = () => join(dir(), `${input().replace(/.*\//, "")}.cleared.xlsx`);
  beforeAll(() => {
    const file = readWorkbookFile(input());
    writeAnnotatedCopy(file, annotated(), validateWorkbook(file.grid), CHECKED, true);
    clearAnnotatedCopy(annotated(), cleared(), true);
  });

  test("reads the same grids as its plain twin, and finds the same", () => {
    const grid = readWorkbookGrid(input());
    expect(comparable(grid)).toEqual(comparable(readWorkbookGrid(plain())));
    expect(validateWorkbook(grid).findings).toEqual(validateWorkbook(readWorkbookGrid(plain())).findings);
  });

  test("the annotated copy keeps every part; those it need not change, byte for byte", () => {
    const before = readParts(input());
    const after = readParts(annotated());
    for (const name of before.keys()) expect({ name, kept: after.has(name) }).toEqual({ name, kept: true });
    const changeable = changeableParts(input());
    expect(differingParts(before, after).filter((name) => before.has(name) && !changeable(name))).toEqual([]);
  });

  test("the annotated copy validates as the input did", () => {
    expect(validateWorkbook(readWorkbookGrid(annotated())).findings).toEqual(
      validateWorkbook(readWorkbookGrid(input())).findings,
    );
  });

  test("clearing gives back every part of the original, byte for byte", () => {
    expect(differingParts(readParts(cleared()), readParts(input()))).toEqual([]);
  });
}
