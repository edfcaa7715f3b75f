/**
 * Property: take a workbook (a workstream summary and a phasing table), apply random edits (change
 * figures, insert and delete lines, rename labels, move a table, show more decimals, add a year,
 * change the summary's unit from £000 to £m), compare the two drafts: the report lists exactly the edits made and
 * nothing else. Figures are unique and between 100 and 199 (£000), so that no line adds up to
 * others (the engine finds totals by arithmetic) and no removed line matches an added one.
 */
import fc from "fast-check";
import { compareDrafts } from "../../../src/core/compare/compare";
import { readDraft } from "../../../src/core/compare/draft";
import { formatFinancialYear } from "../../../src/core/financial-year";
import { CellValue, sheetFromValues, SheetGrid } from "../../../src/core/grid";

interface Line {
  label: string;
  figures: number[];
}

interface Model {
  top: number;
  left: number;
  /** Column names: `budget`, `saving` for the summary, financial years (start years) for the phasing. */
  columns: (string | number)[];
  unit: "£000" | "£m";
  /** Decimals the number format shows beyond the unit's own: a formatting-only change. */
  extraDecimals: number;
  lines: Line[];
}

type Edit =
  | { kind: "change"; table: 0 | 1; line: number; column: number }
  | { kind: "insert"; table: 0 | 1; at: number }
  | { kind: "delete"; table: 0 | 1; line: number }
  | { kind: "rename"; table: 0 | 1; line: number }
  | { kind: "move"; table: 0 | 1; rows: number; cols: number }
  | { kind: "format"; table: 0 | 1; decimals: number }
  | { kind: "add-year" }
  | { kind: "unit" };

const WORDS = ["Adoption", "Fostering", "Respite", "Advocacy", "Mentoring", "Outreach", "Catering", "Libraries"];

/** Unique figures 100..199 handed out in a shuffled order. */
class Figures {
  private next = 0;
  constructor(private readonly order: number[]) {}
  take(): number {
    return 100 + this.order[this.next++ % this.order.length];
  }
}

function render(name: string, m: Model, header: (c: string | number) => string): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const put = (r: number, c: number, v: CellValue, fmt: string | null = null) => {
    (values[m.top + r] ??= [])[m.left + c] = v;
    (formats[m.top + r] ??= [])[m.left + c] = fmt;
  };
  put(0, 0, "Workstream");
  m.columns.forEach((c, k) => {
    put(0, k + 1, header(c));
    put(1, k + 1, m.unit);
  });
  m.lines.forEach((line, i) => {
    put(i + 2, 0, line.label);
    line.figures.forEach((f, k) =>
      m.unit === "£m"
        ? put(i + 2, k + 1, f / 1000, `0.${"0".repeat(3 + m.extraDecimals)}`)
        : put(i + 2, k + 1, f, m.extraDecimals > 0 ? `#,##0.${"0".repeat(m.extraDecimals)}` : "#,##0"),
    );
  });
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    formats[r] ??= [];
  }
  return sheetFromValues(name, values, { numberFormats: formats });
}

function workbook(models: Model[]) {
  return {
    sheets: [
      render("Summary", models[0], (c) => (c === "budget" ? "Budget" : "Saving")),
      render("Phasing", models[1], (c) => formatFinancialYear(c as number)),
    ],
  };
}

const columnName = (c: string | number) => (typeof c === "number" ? formatFinancialYear(c) : c);

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("change" as const),
    table: fc.constantFrom(0 as const, 1 as const),
    line: fc.nat(),
    column: fc.nat(),
  }),
  fc.record({ kind: fc.constant("insert" as const), table: fc.constantFrom(0 as const, 1 as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), table: fc.constantFrom(0 as const, 1 as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), table: fc.constantFrom(0 as const, 1 as const), line: fc.nat() }),
  fc.record({
    kind: fc.constant("move" as const),
    table: fc.constantFrom(0 as const, 1 as const),
    rows: fc.integer({ min: 0, max: 3 }),
    cols: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    kind: fc.constant("format" as const),
    table: fc.constantFrom(0 as const, 1 as const),
    decimals: fc.integer({ min: 1, max: 2 }),
  }),
  fc.constant({ kind: "add-year" as const }),
  fc.constant({ kind: "unit" as const }),
);

const scenario = fc.record({
  summaryLines: fc.integer({ min: 4, max: 6 }),
  phasingLines: fc.integer({ min: 3, max: 5 }),
  years: fc.integer({ min: 2, max: 3 }),
  order: fc.shuffledSubarray(
    Array.from({ length: 100 }, (_, i) => i),
    { minLength: 100, maxLength: 100 },
  ),
  edits: fc.array(editArb, { maxLength: 6 }),
});

let cases = 0;
let changesSeen = 0;

test("the report lists exactly the edits made, and nothing else", () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const figures = new Figures(s.order);
      let labels = 0;
      const label = (prefix = "") => `${prefix}${WORDS[labels % WORDS.length]} ${++labels}`;
      const before: Model[] = [
        {
          top: 0,
          left: 0,
          columns: ["budget", "saving"],
          unit: "£000",
          extraDecimals: 0,
          lines: Array.from({ length: s.summaryLines }, () => ({
            label: label(),
            figures: [figures.take(), figures.take()],
          })),
        },
        {
          top: 2,
          left: 0,
          columns: Array.from({ length: s.years }, (_, k) => 2024 + k),
          unit: "£000",
          extraDecimals: 0,
          lines: Array.from({ length: s.phasingLines }, () => ({
            label: label(),
            figures: Array.from({ length: s.years }, () => figures.take()),
          })),
        },
      ];
      const after: Model[] = before.map((m) => ({
        ...m,
        columns: [...m.columns],
        lines: m.lines.map((l) => ({ ...l, figures: [...l.figures] })),
      }));
      const expected: string[] = [];
      // Each line is edited at most once, so that every edit stays visible as itself.
      const touched = new Set<Line>();
      let unitChanged = false;
      let yearAdded = false;
      for (const e of s.edits) {
        if (e.kind === "unit") {
          if (unitChanged) continue;
          unitChanged = true;
          after[0].unit = "£m";
          expected.push("unit-changed||");
          continue;
        }
        if (e.kind === "add-year") {
          if (yearAdded) continue;
          yearAdded = true;
          const m = after[1];
          const year = (m.columns[m.columns.length - 1] as number) + 1;
          m.columns.push(year);
          for (const l of m.lines) l.figures.push(figures.take());
          expected.push(`year-added||${formatFinancialYear(year)}`);
          continue;
        }
        const m = after[e.table];
        if (e.kind === "move") {
          m.top += e.rows;
          m.left += e.cols;
          continue;
        }
        if (e.kind === "format") {
          m.extraDecimals = e.decimals;
          continue;
        }
        const free = m.lines.filter((l) => !touched.has(l));
        if (e.kind === "insert") {
          const line = { label: label("New "), figures: m.columns.map(() => figures.take()) };
          m.lines.splice(e.at % (m.lines.length + 1), 0, line);
          touched.add(line);
          expected.push(`line-added|${line.label}|`);
          continue;
        }
        // Keep three lines untouched, so that each table is still the same table.
        if (free.length <= 3) continue;
        const line = free[e.line % free.length];
        touched.add(line);
        if (e.kind === "delete") {
          m.lines.splice(m.lines.indexOf(line), 1);
          expected.push(`line-removed|${line.label}|`);
        } else if (e.kind === "rename") {
          line.label = label("Renamed ");
          expected.push(`line-renamed|${line.label}|`);
        } else {
          // A figure of a year added by this draft was never in the old one: no change to report.
          const k = e.column % before[e.table].columns.length;
          line.figures[k] = figures.take();
          expected.push(`figure-changed|${line.label}|${columnName(m.columns[k])}`);
        }
      }
      const result = compareDrafts(readDraft(workbook(before)).draft, readDraft(workbook(after)).draft);
      const got = result.changes.map((c) => `${c.kind}|${c.line ?? ""}|${c.column ?? ""}`);
      cases++;
      changesSeen += got.length;
      expect(got.sort()).toEqual(expected.sort());
    }),
    { numRuns: 1000 },
  );
  expect(cases).toBeGreaterThanOrEqual(1000);
  console.log(`compare property: ${cases} cases, ${changesSeen} changes reported and matched`);
});
