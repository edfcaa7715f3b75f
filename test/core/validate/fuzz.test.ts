/**
 * The engine against random grids (fast-check): header words and their synonyms, units, years,
 * figures, NA markers, amounts as text, error values, formulas, number formats, merged cells,
 * hidden rows and columns, ragged rows, several sheets. Whatever it is given, validateWorkbook
 * returns, every finding points at a cell of its own sheet, and the summary agrees with the list.
 */
import fc from "fast-check";
import { isAddinSheet } from "../../../src/core/annotation/names";
import { countBySeverity, RULE_SEVERITY } from "../../../src/core/findings";
import {
  CellRange,
  CellValue,
  gridSize,
  parseA1,
  rangesOverlap,
  SheetGrid,
  WorkbookGrid,
} from "../../../src/core/grid";
import { range } from "../../support/ranges";
import { EXCEL_ERROR_CODES } from "../../../src/core/excel-errors";
import { validateWorkbook, ValidationResult } from "../../../src/core/validate";

const HEADER_WORDS = [
  "Workstream",
  "Service",
  "Project",
  "Transformation Project descriptor",
  "Total Budget",
  "Total Budget £000",
  "Budget (£m)",
  "Current budget",
  "Base budget",
  "Full Year Savings Proposals",
  "Savings",
  "Saving £000",
  "Savings requirement",
  "Overall savings requirement",
  "Savings Proposals as % of Budget",
  "% of Budget",
  "Savings as % of budget",
  "Ref",
  "Reference",
  "Description",
  "RAG",
  "Status",
  "EIA",
  "Consultation",
  "Year",
  "Total",
  "TOTAL",
  "Grand total",
  "Sub-Total",
  "Subtotal – Non-Workstreams",
  "2015/16",
  "2016/17",
  "2016-17",
  "2017/2018",
  "15/16",
  "FY2018/19",
  "2019/20",
  "Children looked after",
  "Child population (0-17)",
  "Rate per 10,000",
  "Weekly unit cost",
  "Annual cost",
  "Savings target",
  "Target",
  "Savings needed",
  "£m",
  "£000",
  "£",
  "%",
  "(£m)",
  "Social care",
  "SEN",
];
const TEXT_AMOUNTS = [
  "£4.462m",
  "£189k",
  "£30.1m",
  "2,800**",
  "3.2 ¹",
  "(1,250)",
  "1,368*",
  "-£1.5m",
  "1,2",
  "£",
  "12%",
  "0.5bn",
];
const NA_MARKERS = ["NA", "N/A", "n/a", "-", "–", "nil", "", "  "];
const OTHER_TEXT = [
  "* A footnote.",
  "** Another.",
  "¹ Third.",
  "Red",
  "Purple",
  "G",
  "Yes",
  "No",
  "EEI030",
  "S19",
  "#REF!",
  "#DIV/0!",
  "#1 priority",
];
const FORMATS = [
  "0.0",
  "#,##0",
  "0",
  "0%",
  "0.0%",
  '#,##0"*"',
  "General",
  "0.000",
  "@",
  "[Red]0.0;(0.0)",
  '0.0"†"',
  null,
];

const word = fc.constantFrom(...HEADER_WORDS, ...TEXT_AMOUNTS, ...NA_MARKERS, ...OTHER_TEXT);
const figure = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, 0.1 + 0.2, 35.49999999999999, 1e300, -1e-300, Number.MAX_SAFE_INTEGER, 1e15 + 0.5),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 4, arbitrary: figure },
  { weight: 2, arbitrary: fc.constant(null) },
  // Random text from characters that cannot spell NaN, undefined or Infinity (the messages are checked for those).
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(..."abcxyz ABC0123456789£%*/-–.,()'¹†#:"), maxLength: 12 }),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERROR_CODES).map((error) => ({ error })) },
);
/** Ragged rows: each row has its own length, some none at all. */
const rows = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 9 });

/** Header rows of the template's tables, and random ones. */
const HEADERS = [
  ["Workstream", "Total Budget", "Full Year Savings Proposals", "Savings Proposals as % of Budget"],
  ["Service", "Budget (£m)", "Saving (£m)", "% of budget"],
  ["Year", "Children looked after", "Child population (0-17)", "Rate per 10,000", "Weekly unit cost"],
  ["Ref", "Description", "Workstream", "2017/18", "2018/19", "Total"],
  ["Workstream", "2016/17", "2017/18", "2019/20", "Total"],
];
/** Figures a table body holds: small, shown to a decimal or two, with some text and NA among them. */
const bodyFigure: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2000 }).map((n) => n / 10) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 300000 }) },
  { weight: 2, arbitrary: cell },
);
/** A recognisable table (header row, maybe a units row, lines) placed anywhere on a sheet. */
const table = fc.record({
  top: fc.nat(3),
  left: fc.nat(3),
  header: fc.oneof(
    fc.constantFrom(...HEADERS),
    fc.array(fc.constantFrom(...HEADER_WORDS), { minLength: 2, maxLength: 6 }),
  ),
  units: fc.option(fc.array(fc.constantFrom("£m", "£000", "%", "", "£"), { maxLength: 6 })),
  body: fc.array(
    fc.tuple(
      fc.constantFrom("Social care", "SEN", "Sub-total", "Total", "2016/17", "2017/18", "T1", ""),
      fc.array(bodyFigure, { maxLength: 6 }),
    ),
    { maxLength: 6 },
  ),
});

type PlacedTable = typeof table extends fc.Arbitrary<infer T> ? T : never;

function placeTables(base: CellValue[][], tables: PlacedTable[]): CellValue[][] {
  const values = base.map((r) => [...r]);
  const put = (r: number, c: number, v: CellValue) => {
    while (values.length <= r) values.push([]);
    values[r][c] = v;
  };
  let offset = values.length;
  for (const t of tables) {
    const top = offset + t.top;
    t.header.forEach((h, k) => put(top, t.left + k, h));
    let r = top + 1;
    if (t.units) {
      t.units.forEach((u, k) => put(r, t.left + k, u));
      r++;
    }
    for (const [label, figures] of t.body) {
      put(r, t.left, label);
      figures.forEach((f, k) => put(r, t.left + 1 + k, f));
      r++;
    }
    offset = r + 1;
  }
  return values;
}

const indexSet = fc.array(fc.nat(14), { maxLength: 4 }).map((xs) => new Set(xs));
const merge: fc.Arbitrary<CellRange> = fc
  .tuple(fc.nat(12), fc.nat(8), fc.nat(3), fc.nat(3))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

const sheetArb = (name: string): fc.Arbitrary<SheetGrid> =>
  fc
    .record({
      base: rows,
      tables: fc.array(table, { maxLength: 2 }),
      formulas: fc.array(
        fc.tuple(fc.nat(14), fc.nat(8), fc.constantFrom("=SUM(B2:B5)", "=ROUND(C5/B5*100,1)", "=1/0", "")),
        { maxLength: 4 },
      ),
      formats: fc.array(fc.tuple(fc.nat(14), fc.nat(8), fc.constantFrom(...FORMATS)), { maxLength: 6 }),
      hiddenRows: indexSet,
      hiddenColumns: indexSet,
      merges: fc.array(merge, { maxLength: 2 }),
      holes: fc.array(fc.nat(14), { maxLength: 2 }),
    })
    .map(({ base, tables, formulas, formats, hiddenRows, hiddenColumns, merges, holes }) => {
      const f: (string | null)[][] = [];
      const n: (string | null)[][] = [];
      for (const [r, c, text] of formulas) (f[r] ??= [])[c] = text;
      for (const [r, c, code] of formats) (n[r] ??= [])[c] = code;
      const values = placeTables(base, tables);
      // Hosts may hand over sparse arrays: rows that are not there at all.
      for (const r of holes) if (r < values.length - 1) delete values[r];
      return { name, values, formulas: f, numberFormats: n, hiddenRows, hiddenColumns, merges };
    });

const workbookArb: fc.Arbitrary<WorkbookGrid> = fc
  .integer({ min: 1, max: 3 })
  .chain((count) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => sheetArb(i === 2 ? "Savings check" : `Sheet ${i + 1}`))),
  )
  .map((sheets) => ({ sheets }));

/** What is wrong with a result, or null (plain checks: expect() per finding would dominate the run). */
function problem(workbook: WorkbookGrid, result: ValidationResult): string | null {
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  const tableNames = new Set(result.tables.map((t) => `${t.sheet}\u0000${t.name}`));
  const seen = new Set<string>();
  for (const f of result.findings) {
    const where = `${f.rule} at ${f.sheet}!${f.cell}`;
    // One fault is reported once: tables never overlap, so no cell is checked twice.
    const key = `${where}: ${f.message}`;
    if (seen.has(key)) return `${key} (reported twice)`;
    seen.add(key);
    if (f.severity !== RULE_SEVERITY[f.rule]) return `${where}: severity ${f.severity}`;
    const sheet = sheets.get(f.sheet);
    if (!sheet || isAddinSheet(f.sheet)) return `${where}: not a checked sheet`;
    const at = parseA1(f.cell);
    if (!at) return `${where}: not an A1 address`;
    // A formula or a merged area is part of the sheet even where no value was handed over with it.
    const size = gridSize(sheet);
    let rows = Math.max(size.rows, sheet.formulas.length);
    let cols = size.cols;
    for (const r of sheet.formulas) if (r && r.length > cols) cols = r.length;
    for (const m of sheet.merges) {
      rows = Math.max(rows, m.bottom + 1);
      cols = Math.max(cols, m.right + 1);
    }
    if (!(at.row < rows && at.col < cols) && f.cell !== "A1") return `${where}: outside the ${rows}×${cols} grid`;
    const sheetWide = f.rule === "no-template" || f.rule === "figures-unchecked";
    if (f.table === "" ? !sheetWide : !tableNames.has(`${f.sheet}\u0000${f.table}`))
      return `${where}: unknown table "${f.table}"`;
    if (f.message === "" || /NaN|undefined|Infinity|\[object/.test(f.message))
      return `${where}: message "${f.message}"`;
  }
  const ranges = result.tables.map((t) => ({ sheet: t.sheet, name: t.name, area: range(t.range) }));
  for (const [i, x] of ranges.entries()) {
    for (const y of ranges.slice(i + 1)) {
      if (x.sheet === y.sheet && rangesOverlap(x.area, y.area)) return `${x.sheet}: ${x.name} overlaps ${y.name}`;
    }
  }
  const counts = countBySeverity(result.findings);
  if (
    counts.error !== result.counts.error ||
    counts.warning !== result.counts.warning ||
    counts.info !== result.counts.info
  )
    return "counts disagree";
  if (result.ready !== (counts.error === 0 && result.tables.length > 0))
    return "ready disagrees with the errors and tables";
  if (result.verdict !== (result.tables.length === 0 ? "not-checked" : result.ready ? "ready" : "not-ready"))
    return `verdict ${result.verdict} disagrees`;
  if (result.coverage.checked > result.coverage.figures) return "more figures checked than there are";
  return null;
}

describe("validateWorkbook on random grids", () => {
  it("never throws, finds tables that do not overlap, points every finding inside its own sheet once, and agrees with its own counts", () => {
    let tables = 0;
    const reached = new Set<string>();
    fc.assert(
      fc.property(workbookArb, fc.option(fc.double({ min: 0, max: 1, noNaN: true })), (workbook, share) => {
        const result = validateWorkbook(workbook, share === null ? {} : { highSavingShare: share });
        for (const f of result.findings) reached.add(f.rule);
        tables += result.tables.length;
        const wrong = problem(workbook, result);
        if (wrong) throw new Error(wrong);
      }),
      { numRuns: 10000 },
    );
    // The generator reaches the rules: tables are found, and nearly every rule fires somewhere.
    expect(tables).toBeGreaterThan(5000);
    expect(reached.size).toBeGreaterThanOrEqual(20);
  });
});

/** The same sheets one row down and one column right (formats, formulas, hidden rows and columns, merges too). */
function shifted(workbook: WorkbookGrid): WorkbookGrid {
  const shift = <T>(rows: (T[] | undefined)[]): T[][] => [
    [],
    ...Array.from(rows, (r) => (r ? [undefined as T, ...Array.from(r)] : [])),
  ];
  return {
    sheets: workbook.sheets.map((s) => ({
      ...s,
      values: shift(s.values).map((r) => r.map((v) => (v === undefined ? null : v))),
      formulas: shift(s.formulas),
      numberFormats: shift(s.numberFormats),
      hiddenRows: new Set([...s.hiddenRows].map((r) => r + 1)),
      hiddenColumns: new Set([...s.hiddenColumns].map((c) => c + 1)),
      merges: s.merges.map((m) => ({ top: m.top + 1, left: m.left + 1, bottom: m.bottom + 1, right: m.right + 1 })),
    })),
  };
}

describe("validateWorkbook wherever the tables sit", () => {
  it("finds the same faults at the same cells, moved, when every sheet moves one row down and one column right", () => {
    fc.assert(
      fc.property(workbookArb, (workbook) => {
        const key = (rule: string, sheet: string, row: number, col: number) => `${rule} ${sheet} ${row},${col}`;
        const before = validateWorkbook(workbook)
          .findings.filter((f) => f.rule !== "no-template")
          .map((f) => {
            const at = parseA1(f.cell)!;
            return key(f.rule, f.sheet, at.row + 1, at.col + 1);
          });
        const after = validateWorkbook(shifted(workbook))
          .findings.filter((f) => f.rule !== "no-template")
          .map((f) => {
            const at = parseA1(f.cell)!;
            return key(f.rule, f.sheet, at.row, at.col);
          });
        expect(after.sort()).toEqual(before.sort());
      }),
      { numRuns: 2000 },
    );
  });
});
