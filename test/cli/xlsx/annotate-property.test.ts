/**
 * Property: on any small workbook (tables with right and wrong figures, formulas, text, the user's
 * own notes and fills of every kind, awkward sheet names), written as a file, the annotated copy
 * carries a mark on exactly the finding cells and leaves every value and formula alone, and
 * clearing it gives back every part of the input's package byte for byte. The workbooks are made
 * with exceljs, and exceljs reads the annotated copies back: a reader other than our own.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { NOTE_PREFIX, RECORD_SHEET, REPORT_SHEET, SEVERITY_FILL } from "../../../src/core/annotation/names";
import { validateWorkbook } from "../../../src/core/validate";
import { clearAnnotatedCopy, writeAnnotatedCopy } from "../../../src/cli/xlsx/annotated-copy";
import { readWorkbookFile } from "../../../src/cli/xlsx/workbook-file";
import { snapshot } from "./annotate-support";
import { differingParts, readParts } from "./package-parts";

type Value = number | string | null;
interface CellSpec {
  value: Value;
  formula?: string;
}
interface SheetSpec {
  name: string;
  cells: Map<string, CellSpec>;
  notes: Map<string, string>;
  fills: Map<string, ExcelJS.Fill>;
}

const FILLS: ExcelJS.Fill[] = [
  { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } },
  { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" }, bgColor: { indexed: 64 } } as ExcelJS.Fill,
  { type: "pattern", pattern: "lightGrid", fgColor: { argb: "FF0070C0" } },
  { type: "pattern", pattern: "solid", fgColor: { theme: 5, tint: -0.25 } } as ExcelJS.Fill,
  {
    type: "gradient",
    gradient: "angle",
    degree: 45,
    stops: [
      { position: 0, color: { argb: "FFFFFFFF" } },
      { position: 1, color: { argb: "FF4472C4" } },
    ],
  },
];

const address = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;

/** A savings summary table with `lines`, its % right or wrong, typed or as formulas, and a total. */
const tableArb = fc.record({
  top: fc.nat(3),
  lines: fc.array(
    fc.record({
      label: fc.constantFrom("Social care", "Disabilities", "Transport", "Support", "Schools", "Support"),
      budget: fc.integer({ min: 1, max: 90_000 }),
      saving: fc.integer({ min: 0, max: 60_000 }),
      pct: fc.constantFrom("formula", "right", "wrong", "text", "error"),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  total: fc.constantFrom("formula", "typed", "wrong", "none"),
});

const sheetArb = fc.record({
  name: fc.constantFrom("Summary", "Table 1", "Bob's figures", "Phasing 2024-25"),
  table: tableArb,
  extra: fc.array(
    fc.tuple(
      fc.nat(12),
      fc.integer({ min: 5, max: 7 }),
      fc.oneof(fc.string({ maxLength: 8 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
    ),
    { maxLength: 4 },
  ),
  notes: fc.array(fc.tuple(fc.nat(12), fc.nat(5), fc.string({ maxLength: 20 })), { maxLength: 4 }),
  fills: fc.array(fc.tuple(fc.nat(12), fc.nat(5), fc.nat(FILLS.length - 1)), { maxLength: 5 }),
});

type SheetArb = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

function toSheet(s: SheetArb): SheetSpec {
  const cells = new Map<string, CellSpec>();
  const put = (r: number, c: number, value: Value, formula?: string) => cells.set(address(r, c), { value, formula });
  const { top, lines, total } = s.table;
  ["Workstream", "Total Budget", "Full Year Savings Proposals", "Savings Proposals as % of Budget"].forEach((h, c) =>
    put(top, c, h),
  );
  ["", "£000", "£000", "%"].forEach((h, c) => put(top + 1, c, h || null));
  lines.forEach((line, i) => {
    const r = top + 2 + i;
    put(r, 0, line.label);
    put(r, 1, line.budget);
    put(r, 2, line.saving);
    const pct = Math.round((line.saving / line.budget) * 1000) / 10;
    if (line.pct === "formula") put(r, 3, pct, `ROUND(C${r + 1}/B${r + 1}*100,1)`);
    else if (line.pct === "right") put(r, 3, pct);
    else if (line.pct === "wrong") put(r, 3, pct + 7);
    else if (line.pct === "text") put(r, 3, `${pct}%`);
    else put(r, 3, null, `C${r + 1}/0`);
  });
  const r = top + 2 + lines.length;
  const first = top + 3;
  if (total !== "none") {
    put(r, 0, "TOTAL");
    for (const c of [1, 2]) {
      const sum = lines.reduce((acc, l) => acc + (c === 1 ? l.budget : l.saving), 0);
      const col = String.fromCharCode(65 + c);
      if (total === "formula") put(r, c, sum, `SUM(${col}${first}:${col}${r})`);
      else put(r, c, total === "typed" ? sum : sum + 1000);
    }
  }
  for (const [row, col, value] of s.extra) put(row, col, value);
  return {
    name: s.name,
    cells,
    notes: new Map(s.notes.map(([row, col, text]) => [address(row, col), text])),
    fills: new Map(s.fills.map(([row, col, i]) => [address(row, col), FILLS[i]])),
  };
}

const workbookArb = fc
  .uniqueArray(sheetArb, { minLength: 1, maxLength: 2, selector: (s) => s.name })
  .map((sheets) => sheets.map((s) => toSheet(s)));

/**
 * The workbook in memory, its style objects shared as exceljs's reader shares them (one object for
 * every cell of a style), so that a change made through one cell's style would show in others.
 */
function build(sheets: SheetSpec[]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    const plain: Partial<ExcelJS.Style> = {};
    const styles = new Map(FILLS.map((fill) => [fill, { fill }]));
    for (const [a, { value, formula }] of spec.cells) {
      sheet.getCell(a).value = formula ? { formula, result: value ?? undefined } : value;
    }
    for (const [a, text] of spec.notes) sheet.getCell(a).note = text;
    sheet.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => (cell.style = plain)));
    for (const [a, fill] of spec.fills) sheet.getCell(a).style = styles.get(fill)!;
  }
  return book;
}

/** Stored, not deflated: the property is about content, and this keeps 1,000 runs quick. */
const write = (book: ExcelJS.Workbook) =>
  book.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions) as Promise<ExcelJS.Buffer>;

async function load(bytes: ExcelJS.Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return book;
}

const CHECKED = new Date("2026-11-23T12:00:00Z");

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "annotate-property-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("annotate then clear gives back every part on 1,000 generated workbooks", async () => {
  let findingsSeen = 0;
  let userNotesOnFindings = 0;
  const [input, annotatedPath, clearedPath] = ["input", "annotated", "cleared"].map((n) => join(dir, `${n}.xlsx`));
  await fc.assert(
    fc.asyncProperty(workbookArb, async (spec) => {
      const book = build(spec);
      const bytes = await write(book);
      writeFileSync(input, new Uint8Array(bytes));
      const before = snapshot(await load(bytes));
      const file = readWorkbookFile(input);
      const result = validateWorkbook(file.grid);
      writeAnnotatedCopy(file, annotatedPath, result, CHECKED, true);
      const annotated = new ExcelJS.Workbook();
      await annotated.xlsx.readFile(annotatedPath);

      // The annotated copy: both sheets, a mark on every finding cell, values and formulas as they were.
      expect(annotated.getWorksheet(RECORD_SHEET)?.state).toBe("veryHidden");
      expect(annotated.getWorksheet(REPORT_SHEET)).toBeDefined();
      const after = snapshot(annotated);
      const contents = (snap: typeof before, sheet: string, only: Set<string>) =>
        [...only].map((a) => [a, snap[`${sheet} (visible)`][a]?.content]);
      for (const s of spec) {
        const cells = new Set(Object.keys(before[`${s.name} (visible)`]));
        expect(contents(after, s.name, cells)).toEqual(contents(before, s.name, cells));
      }
      const marks = result.findings.map((f) => {
        const cell = annotated.getWorksheet(f.sheet)!.getCell(f.cell);
        const fill = "#" + (cell.fill as ExcelJS.FillPattern).fgColor?.argb?.slice(2);
        const { note, noteModel } = after[`${f.sheet} (visible)`][f.cell];
        const userNote = before[`${f.sheet} (visible)`][f.cell]?.note != null;
        if (userNote) userNotesOnFindings++;
        return {
          fill: Object.values(SEVERITY_FILL).includes(fill),
          note: userNote
            ? noteModel === before[`${f.sheet} (visible)`][f.cell].noteModel
            : note!.startsWith(NOTE_PREFIX) && note!.includes(f.message),
        };
      });
      expect(marks.every((m) => m.fill && m.note)).toBe(true);
      findingsSeen += result.findings.length;

      // Cleared: every part of the input's package, byte for byte.
      const { cleared, notFound } = clearAnnotatedCopy(annotatedPath, clearedPath, true);
      expect({ cleared, notFound }).toEqual({
        cleared: new Set(result.findings.map((f) => `${f.sheet}!${f.cell}`)).size,
        notFound: [],
      });
      expect(differingParts(readParts(clearedPath), readParts(input))).toEqual([]);
    }),
    { numRuns: 1000 },
  );
  // The generator reaches what the property is about.
  expect(findingsSeen).toBeGreaterThan(1000);
  expect(userNotesOnFindings).toBeGreaterThan(20);
}, 300_000);
