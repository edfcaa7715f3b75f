/**
 * Table detection (SPEC §4): tables are found by their header rows, anywhere on a sheet, several
 * per sheet. One pass over the sheet: a row that reads as a header starts a table, the table
 * reads its own body, and the scan skips the cells the table claimed.
 */
import { parseFinancialYear } from "../financial-year";
import { CellRange, SheetGrid } from "../grid";
import { parseAmountText } from "../amount";
import { parseUnit, Unit, unitInText } from "../units";
import { HeaderRole, headerRole, isTargetLabel } from "./headers";
import {
  footnoteMarker,
  isBlankRow,
  labelAt,
  readAmount,
  readAmountColumn,
  textAt,
  typedDecimals,
  valueAt,
} from "./reader";
import { ColumnRole, FigureColumn, LinesTable, RowKind, Table, tableName, TableRow, TargetTable } from "./tables";

interface HeaderCell {
  col: number;
  role: HeaderRole;
  text: string;
  /** Which run of adjacent cells of the row it sits in. */
  run: number;
  /** Which stretch between other tables' cells: runs of different stretches never merge. */
  stretch: number;
}

interface YearCell {
  col: number;
  year: number;
  text: string;
  run: number;
  stretch: number;
}

interface HeaderGroup {
  headers: HeaderCell[];
  years: YearCell[];
  stretch: number;
}

/** The columns a table headed in this row may take: up to the nearest cells other tables claimed. */
interface Span {
  from: number;
  to: number;
}

function freeSpan(cols: readonly number[], row: number, active: readonly CellRange[], found: readonly Table[]): Span {
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const span = { from: 0, to: Number.MAX_SAFE_INTEGER };
  for (const k of [...active, ...found.map((t) => t.range)]) {
    if (k.top > row || k.bottom < row) continue;
    if (k.right < first) span.from = Math.max(span.from, k.right + 1);
    else if (k.left > last) span.to = Math.min(span.to, k.left - 1);
  }
  return span;
}

/**
 * Splits a header row into the tables it heads: runs of adjacent cells stay together unless
 * both the cells so far and the next run each head a table of their own.
 */
function sideBySide(headers: HeaderCell[], years: YearCell[]): HeaderGroup[] {
  const runs: HeaderGroup[] = [];
  for (const h of headers) (runs[h.run] ??= { headers: [], years: [], stretch: h.stretch }).headers.push(h);
  for (const y of years) (runs[y.run] ??= { headers: [], years: [], stretch: y.stretch }).years.push(y);
  const groups: HeaderGroup[] = [];
  for (const next of runs) {
    if (!next) continue;
    const current = groups[groups.length - 1];
    const merge =
      current &&
      current.stretch === next.stretch &&
      !(kindOf(current.headers, current.years) && kindOf(next.headers, next.years));
    if (merge) {
      current.headers.push(...next.headers);
      current.years.push(...next.years);
    } else groups.push({ headers: [...next.headers], years: [...next.years], stretch: next.stretch });
  }
  return groups;
}

/** Every table of a sheet, top to bottom. */
export function detectTables(sheet: SheetGrid, sheetIndex: number): Table[] {
  const tables: Table[] = [];
  const claimed: CellRange[] = [];
  // The claimed ranges that may still cover a row: the scan goes down, so one that ended is dropped.
  let active: CellRange[] = [];
  const rowCount = sheet.values.length;
  for (let r = 0; r < rowCount; r++) {
    const cells = sheet.values[r];
    if (!cells || cells.length === 0) continue;
    for (const k of active) {
      if (k.bottom < r) {
        active = active.filter((a) => a.bottom >= r);
        break;
      }
    }
    const headers: HeaderCell[] = [];
    const years: YearCell[] = [];
    const targets: number[] = [];
    // Runs of cells separated by a blank (or claimed) cell: tables side by side share a header row.
    let run = 0;
    let stretch = 0;
    let inRun = false;
    for (let c = 0; c < cells.length; c++) {
      let claimedHere: CellRange | undefined;
      for (const k of active) {
        if (k.top <= r && k.left <= c && c <= k.right) {
          claimedHere = k;
          break;
        }
      }
      // A table's own cells are skipped in one step: a long register costs one lookup a row.
      if (claimedHere) {
        c = claimedHere.right;
        stretch++;
      }
      const v = cells[c];
      if (claimedHere || v === null || v === undefined || (typeof v === "string" && v.trim() === "")) {
        if (inRun) run++;
        inRun = false;
        continue;
      }
      inRun = true;
      if (typeof v !== "string") continue;
      const text = v.trim();
      const role = headerRole(text);
      if (role) {
        headers.push({ col: c, role, text, run, stretch });
        continue;
      }
      const first = text.charCodeAt(0);
      if (text.length <= 12 && ((first >= 48 && first <= 57) || first === 70 || first === 102)) {
        const year = parseFinancialYear(text);
        if (year !== null) {
          years.push({ col: c, year, text, run, stretch });
          continue;
        }
      }
      if (isTargetLabel(text)) targets.push(c);
    }
    const found: Table[] = [];
    if (headers.length + years.length >= 2) {
      for (const group of sideBySide(headers, years)) {
        const cols = [...group.headers.map((h) => h.col), ...group.years.map((y) => y.col)];
        const table = headerTable(sheet, sheetIndex, r, group.headers, group.years, freeSpan(cols, r, active, found));
        if (table) found.push(table);
      }
    }
    for (const c of targets) {
      if (found.some((t) => t.range.left <= c && c <= t.range.right)) continue;
      const target = targetTable(sheet, sheetIndex, r, c, freeSpan([c], r, active, found).to);
      if (target) found.push(target);
    }
    if (found.length === 0) {
      for (const y of years) {
        const down = yearsDownTable(sheet, sheetIndex, r, y, claimed);
        if (down) {
          found.push(down);
          break;
        }
      }
    }
    for (const t of found) {
      tables.push(t);
      claimed.push(t.range);
      active.push(t.range);
    }
  }
  return tables;
}

function has(headers: HeaderCell[], role: HeaderRole): boolean {
  return headers.some((h) => h.role === role);
}

/** A header row decides its table's kind by the roles it names. */
function kindOf(headers: HeaderCell[], years: YearCell[]): LinesTable["kind"] | "phasing-across" | null {
  if (headers.length + years.length < 2) return null;
  if (
    has(headers, "ref") &&
    (has(headers, "description") || has(headers, "saving") || has(headers, "total") || years.length > 0)
  )
    return "register";
  if (has(headers, "children") && has(headers, "population")) return "cla";
  if ((has(headers, "label") || has(headers, "workstream")) && has(headers, "saving")) return "workstream-summary";
  if (years.length >= 2) return "phasing-across";
  return null;
}

function headerTable(
  sheet: SheetGrid,
  sheetIndex: number,
  row: number,
  headers: HeaderCell[],
  years: YearCell[],
  span: Span,
): LinesTable | null {
  switch (kindOf(headers, years)) {
    case "register":
      return registerTable(sheet, sheetIndex, row, headers, years, span);
    case "cla":
      return claTable(sheet, sheetIndex, row, headers, span);
    case "workstream-summary":
      return summaryTable(sheet, sheetIndex, row, headers, span);
    case "phasing-across":
      return phasingAcrossTable(sheet, sheetIndex, row, headers, years, span);
    default:
      return null;
  }
}

/** What the header row tells about a column: its role, and the header text. */
interface ColumnPlan {
  role: ColumnRole;
  col: number;
  header: string;
  year: number | null;
  headerRow: number;
}

interface Layout {
  kind: LinesTable["kind"];
  headerRow: number;
  /** First row of the table's range (the header, or a row above a years-down table). */
  top: number;
  labelCol: number;
  columns: ColumnPlan[];
  textColumns: LinesTable["textColumns"];
  /** Header cells that belong to the table: its width extends over their neighbours. */
  anchorCols: number[];
  /** How far that extension may go: never over another table's cells. */
  span: Span;
  yearsDown: boolean;
  /** First body row when the body does not start under the header (years-down tables). */
  bodyTop?: number;
}

function summaryTable(
  sheet: SheetGrid,
  sheetIndex: number,
  row: number,
  headers: HeaderCell[],
  span: Span,
): LinesTable {
  const label = headers.find((h) => h.role === "label") ?? headers.find((h) => h.role === "workstream")!;
  const columns: ColumnPlan[] = [];
  for (const role of ["budget", "saving", "pct"] as const) {
    const h = headers.find((x) => x.role === role);
    if (h) columns.push({ role, col: h.col, header: h.text, year: null, headerRow: row });
  }
  return buildLinesTable(sheet, sheetIndex, {
    kind: "workstream-summary",
    headerRow: row,
    top: row,
    labelCol: label.col,
    columns,
    textColumns: {},
    anchorCols: [label.col, ...columns.map((c) => c.col)],
    span,
    yearsDown: false,
  });
}

function registerTable(
  sheet: SheetGrid,
  sheetIndex: number,
  row: number,
  headers: HeaderCell[],
  years: YearCell[],
  span: Span,
): LinesTable {
  const textColumns: LinesTable["textColumns"] = {};
  const columns: ColumnPlan[] = [];
  for (const h of headers) {
    switch (h.role) {
      case "ref":
      case "description":
      case "workstream":
      case "rag":
      case "eia":
      case "consultation":
        if (textColumns[h.role] === undefined) textColumns[h.role] = h.col;
        break;
      case "label":
        if (textColumns.description === undefined) textColumns.description = h.col;
        break;
      case "saving":
      case "budget":
        columns.push({ role: "amount", col: h.col, header: h.text, year: null, headerRow: row });
        break;
      case "total":
        columns.push({ role: "total", col: h.col, header: h.text, year: null, headerRow: row });
        break;
      default:
        break;
    }
  }
  for (const y of years) columns.push({ role: "year", col: y.col, header: y.text, year: y.year, headerRow: row });
  columns.sort((a, b) => a.col - b.col);
  const labelCol = textColumns.description ?? textColumns.ref!;
  return buildLinesTable(sheet, sheetIndex, {
    kind: "register",
    headerRow: row,
    top: row,
    labelCol,
    columns,
    textColumns,
    anchorCols: [...Object.values(textColumns), ...columns.map((c) => c.col)],
    span,
    yearsDown: false,
  });
}

function claTable(sheet: SheetGrid, sheetIndex: number, row: number, headers: HeaderCell[], span: Span): LinesTable {
  const columns: ColumnPlan[] = [];
  for (const role of ["children", "population", "rate", "weekly-cost", "annual-cost"] as const) {
    const h = headers.find((x) => x.role === role);
    if (h) columns.push({ role, col: h.col, header: h.text, year: null, headerRow: row });
  }
  const first = Math.min(...columns.map((c) => c.col));
  // A label column (year, council, area) sits left of the figures when its header has text.
  const labelCol = first > span.from && textAt(sheet, row, first - 1) !== null ? first - 1 : -1;
  return buildLinesTable(sheet, sheetIndex, {
    kind: "cla",
    headerRow: row,
    top: row,
    labelCol,
    columns,
    textColumns: {},
    anchorCols: columns.map((c) => c.col),
    span,
    yearsDown: false,
  });
}

function phasingAcrossTable(
  sheet: SheetGrid,
  sheetIndex: number,
  row: number,
  headers: HeaderCell[],
  years: YearCell[],
  span: Span,
): LinesTable {
  const columns: ColumnPlan[] = years.map((y) => ({
    role: "year" as const,
    col: y.col,
    header: y.text,
    year: y.year,
    headerRow: row,
  }));
  const lastYear = Math.max(...years.map((y) => y.col));
  const total = headers.find((h) => h.role === "total" && h.col > lastYear);
  if (total) columns.push({ role: "total", col: total.col, header: total.text, year: null, headerRow: row });
  const firstYear = Math.min(...years.map((y) => y.col));
  return buildLinesTable(sheet, sheetIndex, {
    kind: "phasing",
    headerRow: row,
    top: row,
    labelCol: firstYear > span.from ? firstYear - 1 : -1,
    columns,
    textColumns: {},
    anchorCols: columns.map((c) => c.col),
    span,
    yearsDown: false,
  });
}

/**
 * Years down the first column: a year label with another year label under it starts a table
 * whose header is the row above (when that row has text over the figures).
 */
function yearsDownTable(
  sheet: SheetGrid,
  sheetIndex: number,
  row: number,
  year: YearCell,
  claimed: CellRange[],
): LinesTable | null {
  const below = textAt(sheet, row + 1, year.col);
  if (below === null || parseFinancialYear(below) === null) return null;
  const headerRow = row - 1;
  const free = (r: number, c: number) =>
    !claimed.some((k) => k.top <= r && r <= k.bottom && k.left <= c && c <= k.right);
  let last = year.col;
  const headed = (c: number) => headerRow >= 0 && free(headerRow, c) && textAt(sheet, headerRow, c) !== null;
  while (free(row, last + 1) && (valueAt(sheet, row, last + 1) !== null || headed(last + 1))) last++;
  if (last === year.col) return null;
  // The row above is the header only when no other table holds any of its cells.
  let hasHeader = headerRow >= 0;
  for (let c = year.col; c <= last && hasHeader; c++) hasHeader = free(headerRow, c);
  const columns: ColumnPlan[] = [];
  for (let c = year.col + 1; c <= last; c++) {
    const header = hasHeader ? textAt(sheet, headerRow, c) : null;
    const role: ColumnRole = header !== null && headerRole(header) === "total" ? "total" : "amount";
    columns.push({ role, col: c, header: header ?? "", year: null, headerRow: header !== null ? headerRow : row });
  }
  hasHeader &&= columns.some((c) => c.headerRow === headerRow);
  return buildLinesTable(sheet, sheetIndex, {
    kind: "phasing",
    headerRow: hasHeader ? headerRow : row - 1,
    top: hasHeader ? headerRow : row,
    labelCol: year.col,
    columns,
    textColumns: {},
    anchorCols: [],
    span: { from: year.col, to: last },
    yearsDown: true,
    bodyTop: row,
  });
}

const SUBTOTAL = /^sub[\s\-–—]*totals?\b/i;
const TOTAL = /^(?:grand\s+)?totals?\b/i;

/** `Sub-Total – Non-Workstreams` is a sub-total, `TOTAL` and `Grand total` the table total. */
function rowKindOf(label: string | null): RowKind {
  if (label === null) return "line";
  // Two letters decide most labels without a regular expression: `su…`, `to…`, `gr…`.
  const first = label.charCodeAt(0) | 32;
  const second = label.charCodeAt(1) | 32;
  if (first === 115 /* s */) return second === 117 /* u */ && SUBTOTAL.test(label) ? "subtotal" : "line";
  if ((first === 116 /* t */ && second === 111) /* o */ || (first === 103 /* g */ && second === 114) /* r */)
    return TOTAL.test(label) ? "total" : "line";
  return "line";
}

function buildLinesTable(sheet: SheetGrid, sheetIndex: number, layout: Layout): LinesTable {
  const { headerRow } = layout;
  const used = [...layout.anchorCols, ...layout.columns.map((c) => c.col)];
  if (layout.labelCol >= 0) used.push(layout.labelCol);
  let left = Math.min(...used);
  let right = Math.max(...used);
  // Extra columns (codes, notes) beside the recognised ones belong to the table too.
  if (!layout.yearsDown) {
    const { from, to } = layout.span;
    while (left > from && valueAt(sheet, headerRow, left - 1) !== null) left--;
    const width = Math.min(sheet.values[headerRow]?.length ?? 0, to + 1);
    while (right + 1 < width && valueAt(sheet, headerRow, right + 1) !== null) right++;
  }
  let bodyTop = layout.bodyTop ?? headerRow + 1;
  const unitsRow = layout.yearsDown ? null : readUnitsRow(sheet, bodyTop, left, right);
  if (unitsRow) bodyTop++;
  const rows: number[] = [];
  let r = bodyTop;
  while (r < sheet.values.length && !isBlankRow(sheet, r, left, right)) rows.push(r++);
  const bottom = rows.length > 0 ? rows[rows.length - 1] : bodyTop - 1;
  // A label column guessed at the table's edge that holds nothing at all is not part of it.
  let labelCol = layout.labelCol;
  if (labelCol === left && labelCol < right && emptyColumn(sheet, labelCol, headerRow, bottom)) {
    labelCol = -1;
    left++;
  }
  const titleUnit = titleUnitAbove(sheet, layout.top, right);
  const columns: FigureColumn[] = layout.columns.map((p) => ({
    role: p.role,
    col: p.col,
    headerRow: p.headerRow,
    header: p.header,
    year: p.year,
    unit: p.role === "pct" ? null : (unitInText(p.header) ?? unitsRow?.get(p.col) ?? titleUnit),
  }));
  const figureColumns = columns.map((c) => readAmountColumn(sheet, rows, c.col, c.unit, c.role === "pct"));
  const refCol = layout.textColumns.ref;
  const tableRows: TableRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const label = labelCol >= 0 ? labelAt(sheet, row, labelCol) : null;
    let kind = rowKindOf(label);
    if (refCol !== undefined) {
      // A register's Ref column decides: `Total` there is a total, a reference makes a line
      // even when its description begins "Total transport review".
      const ref = valueAt(sheet, row, refCol);
      if (ref !== null) kind = typeof ref === "string" ? rowKindOf(ref.trim()) : "line";
    }
    const figures = new Array(figureColumns.length);
    for (let k = 0; k < figureColumns.length; k++) figures[k] = figureColumns[k][i];
    tableRows[i] = { row, kind, label, labelCol, figures };
  }
  const range: CellRange = { top: layout.top, left, bottom: Math.max(bottom, headerRow, layout.top), right };
  return {
    kind: layout.kind,
    sheet,
    sheetIndex,
    range,
    name: tableName(layout.kind, range),
    headerRow,
    columns,
    rows: tableRows,
    footnotes: footnotesUnder(sheet, bottom, left, right),
    textColumns: layout.textColumns,
    yearsDown: layout.yearsDown,
  };
}

function emptyColumn(sheet: SheetGrid, col: number, top: number, bottom: number): boolean {
  for (let r = Math.max(0, top); r <= bottom; r++) if (valueAt(sheet, r, col) !== null) return false;
  return true;
}

/** A row of units under the header (`£m`, `£000`, `%`), holding no figures; a merged unit cell covers its columns. */
function readUnitsRow(sheet: SheetGrid, row: number, left: number, right: number): Map<number, Unit> | null {
  const units = new Map<number, Unit>();
  let unitCells = 0;
  for (let c = left; c <= right; c++) {
    const v = valueAt(sheet, row, c);
    if (v === null) continue;
    if (typeof v !== "string") return null;
    const unit = parseUnit(v);
    if (unit) {
      units.set(c, unit);
      unitCells++;
      for (const m of sheet.merges) {
        if (m.top <= row && row <= m.bottom && m.left === c)
          for (let k = c + 1; k <= Math.min(m.right, right); k++) units.set(k, unit);
      }
    } else if (v.trim() === "%") unitCells++;
    else return null;
  }
  return unitCells > 0 ? units : null;
}

/** A unit stated in a title just above the table: `Savings by workstream (£000)`. */
function titleUnitAbove(sheet: SheetGrid, top: number, right: number): Unit | null {
  for (let r = top - 1; r >= Math.max(0, top - 2); r--) {
    for (let c = 0; c <= right; c++) {
      const t = textAt(sheet, r, c);
      if (t !== null && t.includes("£")) {
        const unit = unitInText(t);
        if (unit) return unit;
      }
    }
  }
  return null;
}

/** Lines of text under a table that begin with a footnote marker; blank lines between them. */
function footnotesUnder(sheet: SheetGrid, bottom: number, left: number, right: number): Set<string> {
  const markers = new Set<string>();
  let blanks = 0;
  for (let r = bottom + 1; r < sheet.values.length && blanks < 3; r++) {
    if (isBlankRow(sheet, r, left, right)) {
      blanks++;
      continue;
    }
    blanks = 0;
    let marker: string | null = null;
    for (let c = left; c <= right && marker === null; c++) {
      const t = textAt(sheet, r, c);
      if (t !== null) {
        marker = footnoteMarker(t);
        break;
      }
      if (valueAt(sheet, r, c) !== null) break;
    }
    if (marker === null) break;
    markers.add(marker);
  }
  return markers;
}

/** `Savings target | 30,100 | £000`: the label, the amount beside it (up to column `to`), and its unit. */
function targetTable(
  sheet: SheetGrid,
  sheetIndex: number,
  row: number,
  labelCol: number,
  to: number,
): TargetTable | null {
  const label = textAt(sheet, row, labelCol)!;
  let amountCol = -1;
  for (let c = labelCol + 1; c <= Math.min(labelCol + 3, to); c++) {
    if (valueAt(sheet, row, c) !== null) {
      amountCol = c;
      break;
    }
  }
  if (amountCol < 0) return null;
  const beside = textAt(sheet, row, amountCol);
  if (beside !== null && parseUnit(beside) !== null) return null;
  const amount = readAmount(sheet, row, amountCol, null);
  if (amount.kind !== "number" && amount.kind !== "text") return null;
  if (Number.isNaN(amount.decimals)) amount.decimals = typedDecimals(amount.value);
  const unitText = amountCol < to ? textAt(sheet, row, amountCol + 1) : null;
  const besideUnit = unitText !== null ? parseUnit(unitText) : null;
  const textUnit = amount.kind === "text" ? (parseAmountText(amount.text!)?.unit ?? null) : null;
  const unit = besideUnit ?? unitInText(label) ?? (textUnit === "£" ? null : textUnit);
  const range: CellRange = { top: row, left: labelCol, bottom: row, right: besideUnit ? amountCol + 1 : amountCol };
  return {
    kind: "target",
    sheet,
    sheetIndex,
    range,
    name: tableName("target", range),
    labelCol,
    row,
    amount,
    unit,
    unitCol: besideUnit ? amountCol + 1 : null,
  };
}
