/**
 * The blank savings template (SPEC §4) as grid data, for both hosts: the command line writes it to
 * an .xlsx, the task pane to a new sheet. One sheet holds a savings target, a workstream summary
 * (sub-totals, total, % of budget), a phasing table with the financial years across, a savings
 * register and a children-looked-after table. Totals, percentages, rates and costs are formulas;
 * their values here are what Excel shows while the template is blank. Filled in consistently, the
 * template validates without errors (test/core/template.test.ts fills it and checks).
 */
import { formatFinancialYear } from "./financial-year";
import { CellValue, columnLetters, SheetGrid, sheetFromValues, WorkbookGrid } from "./grid";

export const TEMPLATE_SHEET = "Savings template";
/** Workstream lines of the summary; the phasing table repeats their labels by formula. */
export const TEMPLATE_WORKSTREAMS = 5;
/** Lines of the savings register. */
export const TEMPLATE_REGISTER_LINES = 8;
/** Financial years across the phasing table and down the children-looked-after table. */
export const TEMPLATE_YEARS = 3;

export interface TemplateSheet extends SheetGrid {
  /** Column widths in characters, for readability. */
  columnWidths: number[];
}

export interface TemplateWorkbook extends WorkbookGrid {
  sheets: TemplateSheet[];
}

const MONEY = "#,##0";
const ONE_DECIMAL = "0.0";

/** A cell of the template: a typed value, or a formula with the value it shows while blank. */
type Spec = CellValue | { v: CellValue; f?: string; fmt?: string };

/** The template with financial years from `firstYear` (the start year: 2025 for 2025/26) on. */
export function templateWorkbook(firstYear: number): TemplateWorkbook {
  const rows: Spec[][] = [];
  const at = () => rows.length + 1; // the 1-based row the next push lands on
  const input = (fmt = MONEY): Spec => ({ v: null, fmt });
  const sum = (col: string, from: number, to: number): Spec => ({
    v: 0,
    f: `=SUM(${col}${from}:${col}${to})`,
    fmt: MONEY,
  });
  const pct = (row: number): Spec => ({
    v: "",
    f: `=IF(B${row}=0,"",ROUND(C${row}/B${row}*100,1))`,
    fmt: ONE_DECIMAL,
  });
  const years = Array.from({ length: TEMPLATE_YEARS }, (_, i) => formatFinancialYear(firstYear + i));

  rows.push(["Savings proposals"]);
  rows.push(["Type figures in the empty cells; totals, percentages, rates and costs are formulas."]);
  rows.push([]);
  // The unit goes in the label: beside an empty amount it would read as the amount.
  rows.push(["Savings target (£000)", input()]);
  rows.push([]);

  // Workstream summary: workstream lines, a sub-total, an "other" line with its sub-total, the total.
  rows.push(["Workstream", "Total Budget", "Full Year Savings Proposals", "Savings Proposals as % of Budget"]);
  rows.push(["", "£000", "£000", "%"]);
  const firstWorkstream = at();
  for (let i = 1; i <= TEMPLATE_WORKSTREAMS; i++) rows.push([`Workstream ${i}`, input(), input(), pct(at())]);
  const lastWorkstream = at() - 1;
  const workstreamsSubtotal = at();
  rows.push([
    "Sub-Total - Workstreams",
    sum("B", firstWorkstream, lastWorkstream),
    sum("C", firstWorkstream, lastWorkstream),
    pct(at()),
  ]);
  const other = at();
  rows.push(["Other savings", input(), input(), pct(at())]);
  const otherSubtotal = at();
  rows.push(["Sub-Total - Other", sum("B", other, other), sum("C", other, other), pct(at())]);
  const both = (col: string): Spec => ({ v: 0, f: `=${col}${workstreamsSubtotal}+${col}${otherSubtotal}`, fmt: MONEY });
  rows.push(["TOTAL", both("B"), both("C"), pct(at())]);
  rows.push([]);

  // Phasing: each summary line's saving by financial year; labels follow the summary's.
  rows.push(["Workstream", ...years, "Total"]);
  rows.push(["", ...years.map(() => "£000"), "£000"]);
  const firstPhase = at();
  for (let source = firstWorkstream; source <= other; source++) {
    if (source === workstreamsSubtotal) continue;
    const label: Spec = { v: String(rows[source - 1][0]), f: `=A${source}` };
    const yearsTotal: Spec = { v: 0, f: `=SUM(B${at()}:${columnLetters(TEMPLATE_YEARS)}${at()})`, fmt: MONEY };
    rows.push([label, ...years.map(() => input()), yearsTotal]);
  }
  const lastPhase = at() - 1;
  rows.push(["TOTAL", ...[...years, "Total"].map((_, i) => sum(columnLetters(i + 1), firstPhase, lastPhase))]);
  rows.push([]);

  // Savings register: one line per saving, tagged with its workstream.
  rows.push(["Ref", "Description", "Workstream", "Full Year Saving", "RAG", "EIA", "Consultation"]);
  rows.push(["", "", "", "£000"]);
  const firstLine = at();
  for (let i = 1; i <= TEMPLATE_REGISTER_LINES; i++)
    rows.push([`S${String(i).padStart(2, "0")}`, null, null, input(), null, null, null]);
  rows.push(["TOTAL", null, null, sum("D", firstLine, at() - 1)]);
  rows.push([]);

  // Children looked after: rate per 10,000 children aged 0-17 and the annual cost of placements.
  rows.push([
    "Year",
    "Children looked after",
    "Child population (0-17)",
    "Rate per 10,000",
    "Weekly unit cost",
    "Annual cost",
  ]);
  rows.push(["", "", "", "", "£", "£"]);
  for (const year of years) {
    const r = at();
    rows.push([
      year,
      input(),
      input(),
      { v: "", f: `=IF(C${r}=0,"",ROUND(B${r}/C${r}*10000,1))`, fmt: ONE_DECIMAL },
      input(),
      { v: 0, f: `=B${r}*E${r}*52`, fmt: MONEY },
    ]);
  }

  const sheet = toSheet(rows);
  return { sheets: [{ ...sheet, columnWidths: [30, 16, 18, 18, 12, 14, 14] }] };
}

function toSheet(rows: Spec[][]): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  rows.forEach((cells, r) => {
    values[r] = [];
    formulas[r] = [];
    numberFormats[r] = [];
    cells.forEach((spec, c) => {
      const cell = spec !== null && typeof spec === "object" && "v" in spec ? spec : { v: spec };
      values[r][c] = cell.v;
      formulas[r][c] = cell.f ?? null;
      numberFormats[r][c] = cell.fmt ?? null;
    });
  });
  return sheetFromValues(TEMPLATE_SHEET, values, { formulas, numberFormats });
}
