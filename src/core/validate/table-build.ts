/**
 * Reading one table below its header (SPEC §4), in small passes:
 *   1. the body: rows down to a blank row, and on past blank separators while the same columns
 *      go on below, but not past a total that closes the table, notes or another table's header;
 *   2. each column's type from its body (figures or text, as Pytheas reads columns), its meaning
 *      from its header (header-band.ts);
 *   3. the table's kind from its columns, and each figure column's role;
 *   4. each row: its label (any text column left of the figures), whether its label makes it a
 *      total, a sub-total or a section heading; then totals.ts works out what each total adds up.
 */
import { parseAmountText } from "../amount";
import { yearInText } from "../financial-year";
import { CellRange, SheetGrid } from "../grid";
import { unitInText, unitOfNumberFormat, Unit } from "../units";
import { CellClass, classifyCell } from "./cell-class";
import { Claims } from "./claims";
import {
  Band,
  columnHeader,
  ColumnHeader,
  groupHeadingAbove,
  headerSignals,
  isHeaderRow,
  numbersAreYears,
  shownText,
  yearNumber,
} from "./header-band";
import { labelKey, totalLabelKind, tokens, Vocabulary } from "./header-text";
import { Amount, footnoteMarker, isBlankRow, labelAt, readAmountColumn, textAt, valueAt } from "./reader";
import { ColumnRole, FigureColumn, LinesTable, RowGroups, SUMMED_ROLES, TableRow, tableName } from "./tables";
import { addsUp, groupRows, LabelledKind } from "./totals";
import { Concept, NOTE_LABELS, PLACEHOLDER_WORDS, TEXT_CONCEPTS } from "./vocabulary";
import { DeclaredRole, TEXT_ROLES } from "../settings/settings";

/** The columns a table may take: up to the nearest cells of other tables. */
export interface Span {
  from: number;
  to: number;
}

/** Where a table is: its header rows (or a block's caption row, or none) and the columns they name. */
export interface TablePlan {
  band: Band | null;
  left: number;
  right: number;
  span: Span;
  bodyTop: number;
}

export interface BuildContext {
  vocabulary: Vocabulary;
  /** The cells tables found so far hold. */
  claims: Claims;
}

/** Blank rows a table may have between its parts and still go on. */
const MAX_SEPARATOR_ROWS = 2;
/** Columns left of its header a table's labels (or a lone `Total`) may sit in. */
const MAX_LABEL_COLUMNS_LEFT = 2;
/** Of a column's body cells, the share that must look like references for it to be a Ref column. */
const REF_SHARE = 0.6;
const REF_LIKE = /^[A-Z]{1,6}[-/ .]?\d{1,4}(?:[-/.]\d{1,3})?[A-Z]?$/i;
const PLACEHOLDERS = new Set(PLACEHOLDER_WORDS);

const FIGURE_CONCEPTS: ReadonlySet<Concept> = new Set([
  "percent",
  "rate",
  "population",
  "children",
  "weekly-cost",
  "annual-cost",
  "monitoring",
  "saving",
  "budget",
  "figure",
  "total",
]);

/** Counts of a column's body cells by class. */
interface ColumnBody {
  figures: number;
  na: number;
  /** `tbc` and the like: a figure still to come. */
  placeholders: number;
  /** Total and sub-total labels (a column may hold nothing else: `Total` left of the labels). */
  totals: number;
  /** Whole numbers that could be years (`2016`), which a column of nothing else holds as labels. */
  yearNumbers: number;
  words: number;
  errors: number;
  refs: number;
  years: number;
}

type ColumnType = "figure" | "text" | "empty";

interface Column {
  col: number;
  header: ColumnHeader;
  type: ColumnType;
  body: ColumnBody;
}

/** Reads the table a plan points at; null when what is there is no table (no figures, no register). */
export function buildTable(
  sheet: SheetGrid,
  sheetIndex: number,
  plan: TablePlan,
  ctx: BuildContext,
): LinesTable | null {
  const band = plan.band ? { ...plan.band } : { top: plan.bodyTop, bottom: plan.bodyTop - 1 };
  let { left } = plan;
  let right = bandRight(sheet, band, plan.right, plan.span, ctx);
  let firstRows = firstSegment(sheet, plan, left, right, ctx);
  if (firstRows.length === 0) return null;
  const widened = labelsLeft(sheet, band, firstRows, left, plan.span, ctx);
  if (widened !== left) {
    left = widened;
    // The labels' own header may sit on a group heading's row above (`Workstream` beside `2016/17`).
    const above = band.top - 1;
    if (
      plan.band &&
      above >= 0 &&
      ctx.claims.spanFree(above, left, right) &&
      groupHeadingAbove(sheet, above, left, right, ctx.vocabulary)
    ) {
      band.top = above;
      right = bandRight(sheet, band, right, plan.span, ctx);
    }
    // Read again with the labels: a heading row holds nothing but its label.
    firstRows = firstSegment(sheet, plan, left, right, ctx);
    if (firstRows.length === 0) return null;
  }
  let columns = typeColumns(sheet, band, firstRows, left, right, ctx.vocabulary);
  const rows = readBody(sheet, firstRows, left, right, columns, ctx);
  // The total row, further down, may be the one that shows a column of labels left of the rest.
  const labelled = labelsLeft(sheet, band, rows, left, plan.span, ctx);
  if (labelled !== left || rows.length !== firstRows.length) {
    left = labelled;
    columns = typeColumns(sheet, band, rows, left, right, ctx.vocabulary);
  }
  const layout = decideLayout(sheet, columns, rows);
  if (!layout) return null;
  // Years down whose first year sits on the "header" row: that row is the first line, not a header.
  const labelHeader = layout.yearsDown ? columns.find((c) => c.col === layout.labelCols[0])?.header : undefined;
  if (plan.band && labelHeader?.year?.form === "financial" && plan.band.top === plan.band.bottom)
    return buildTable(sheet, sheetIndex, { ...plan, band: null, bodyTop: plan.band.top }, ctx);
  return assemble(sheet, sheetIndex, band, plan.band !== null, rows, layout);
}

/** A header's rows may name columns further right than the row that started it (a `%` over two header rows). */
function bandRight(sheet: SheetGrid, band: Band, right: number, span: Span, ctx: BuildContext): number {
  for (let r = band.top; r <= band.bottom; r++) {
    let c = right;
    while (c < span.to && ctx.claims.free(r, c + 1) && shownText(sheet, r, c + 1) !== null) c++;
    right = Math.max(right, c);
  }
  return right;
}

/** The rows under the header down to the first blank row; a blank row may sit between a header and its lines. */
function firstSegment(sheet: SheetGrid, plan: TablePlan, left: number, right: number, ctx: BuildContext): number[] {
  const { bodyTop } = plan;
  const skip = plan.band && isBlankRow(sheet, bodyTop, left, right) && !isBlankRow(sheet, bodyTop + 1, left, right);
  return bodySegment(sheet, skip ? bodyTop + 1 : bodyTop, left, right, ctx);
}

/** Labels (or a lone `Total`) may sit left of what the header names, under an empty header cell. */
function labelsLeft(
  sheet: SheetGrid,
  band: Band,
  rows: readonly number[],
  left: number,
  span: Span,
  ctx: BuildContext,
): number {
  for (let k = 0; k < MAX_LABEL_COLUMNS_LEFT; k++) {
    const c = left - 1;
    if (c < span.from || !columnIsFree(band, c, ctx) || !labelHeader(sheet, band, c, ctx.vocabulary)) break;
    const labels = rows.filter((r) => ctx.claims.free(r, c) && textAt(sheet, r, c) !== null);
    const totals = labels.filter((r) => totalLabelKind(textAt(sheet, r, c)!) !== null);
    if (2 * labels.length <= rows.length && totals.length === 0 && !consecutiveYears(sheet, rows, c)) break;
    left = c;
  }
  return left;
}

/** A column's header names no figures (it is empty, `Workstream`, `As at 31 March`): labels may sit under it. */
function labelHeader(sheet: SheetGrid, band: Band, col: number, vocabulary: Vocabulary): boolean {
  const header = columnHeader(sheet, band, col, vocabulary);
  return header.concept === null ? header.unit === null : !FIGURE_CONCEPTS.has(header.concept);
}

/** Rows from `top` down to the first blank row, a row of another table, notes or a new header. */
function bodySegment(sheet: SheetGrid, top: number, left: number, right: number, ctx: BuildContext): number[] {
  const rows: number[] = [];
  for (let r = top; r < sheet.values.length && goesOnBody(sheet, r, left, right, ctx, rows.length === 0); r++)
    rows.push(r);
  return rows;
}

/** Whether a row goes on a body (see bodySegment): a function of its own, called for each row of a long table. */
function goesOnBody(
  sheet: SheetGrid,
  row: number,
  left: number,
  right: number,
  ctx: BuildContext,
  first: boolean,
): boolean {
  if (!ctx.claims.spanFree(row, left, right)) return false;
  const content = rowContent(sheet, row, left, right);
  // Most rows of a long table hold a figure, which makes them neither notes nor a header.
  if (content !== "other") return content === "figure";
  return !isNotesRow(sheet, row, left, right) && (first || !isNewHeader(sheet, row, left, right, ctx.vocabulary));
}

/**
 * A row inside a body that heads a new table: every cell of it names something (a line of a
 * register may hold a word or two that name things; a header names nothing else).
 */
function isNewHeader(sheet: SheetGrid, row: number, left: number, right: number, vocabulary: Vocabulary): boolean {
  const signals = headerSignals(sheet, row, left, right, vocabulary);
  if (!isHeaderRow(signals)) return false;
  let filled = 0;
  for (let c = left; c <= right; c++) if (valueAt(sheet, row, c) !== null) filled++;
  return signals!.length === filled;
}

function columnIsFree(band: Band, col: number, ctx: BuildContext): boolean {
  for (let r = band.top; r <= band.bottom; r++) if (!ctx.claims.free(r, col)) return false;
  return true;
}

/**
 * What a row holds between `left` and `right`, in one look at its cells: nothing (isBlankRow), a
 * number other than a year (then it is neither notes nor a header: see isNotesRow,
 * headerSignals), or other things.
 */
function rowContent(sheet: SheetGrid, row: number, left: number, right: number): "blank" | "figure" | "other" {
  const cells = sheet.values[row];
  let blank = true;
  if (cells) {
    const end = Math.min(right, cells.length - 1);
    for (let c = left; c <= end; c++) {
      const v = cells[c];
      if (v === null || v === undefined) continue;
      if (typeof v === "number" && !yearNumber(v)) return "figure";
      if (blank && !(typeof v === "string" && v.trim() === "")) blank = false;
    }
  }
  return blank && isBlankRow(sheet, row, left, right) ? "blank" : "other";
}

/** `Note:`, `Sources:`: a word and a colon starting a line. */
const NOTE_WORD = /^\s*([A-Za-z]+)\s*:/;

/** A line of notes under a table: a footnote (`* …`, `¹ …`) or `Note:`, `Source:`, with no figures. */
function isNotesRow(sheet: SheetGrid, row: number, left: number, right: number): boolean {
  let first: string | null = null;
  for (let c = left; c <= right; c++) {
    const v = valueAt(sheet, row, c);
    if (v === null) continue;
    if (typeof v !== "string" || isFigure(classifyCell(sheet, row, c))) return false;
    if (first === null) first = v;
  }
  // The patterns last: most rows of a long table are ruled out by their figures.
  if (first === null) return false;
  const word = NOTE_WORD.exec(first);
  return footnoteMarker(first) !== null || (word !== null && NOTE_LABELS.includes(word[1].toLowerCase()));
}

/**
 * The whole body: the first segment, then each further segment after blank separator rows while
 * it goes on in the same columns, unless the rows so far end with a total that closes the table.
 */
function readBody(
  sheet: SheetGrid,
  firstRows: number[],
  left: number,
  right: number,
  columns: Column[],
  ctx: BuildContext,
): number[] {
  const rows = [...firstRows];
  for (let segment = nextSegment(sheet, rows, left, right, columns, ctx); segment;) {
    const last = rows.length - 1;
    // Rows that end with a total close the table, unless a total further down adds that one up
    // (a section's `Total Education` above the grand `Total`), or the rows below are one more
    // section ending in its own total (`Total Social care`, then `Total Prevention`).
    if (kindsOf(sheet, rows, left, columns).kinds[last] === "total") {
      const ahead = [...segment];
      for (
        let more = nextSegment(sheet, ahead, left, right, columns, ctx);
        more;
        more = nextSegment(sheet, ahead, left, right, columns, ctx)
      )
        ahead.push(...more);
      const together = kindsOf(sheet, [...rows, ...ahead], left, columns);
      const sections = together.labelled[last] === "total" && together.labelled[together.labelled.length - 1] !== null;
      if (together.kinds[last] !== "subtotal" && !sections) break;
      rows.push(...ahead);
    } else rows.push(...segment);
    segment = nextSegment(sheet, rows, left, right, columns, ctx);
  }
  return rows;
}

/** The rows after blank separator rows below `rows`, when they go on in the table's columns; else null. */
function nextSegment(
  sheet: SheetGrid,
  rows: readonly number[],
  left: number,
  right: number,
  columns: Column[],
  ctx: BuildContext,
): number[] | null {
  let next = rows[rows.length - 1] + 1;
  let blanks = 0;
  while (next < sheet.values.length && blanks <= MAX_SEPARATOR_ROWS && isBlankRow(sheet, next, left, right)) {
    next++;
    blanks++;
  }
  if (blanks === 0 || blanks > MAX_SEPARATOR_ROWS || next >= sheet.values.length) return null;
  if (!ctx.claims.spanFree(next, left, right) || isNotesRow(sheet, next, left, right) || !goesOn(sheet, next, columns))
    return null;
  const segment = bodySegment(sheet, next, left, right, ctx);
  return segment.length > 0 ? segment : null;
}

/**
 * A row after a blank that belongs to the table above: shaped like its lines (figures only in
 * its figure columns, no words there), or a heading (a label alone) over such a row.
 */
function goesOn(sheet: SheetGrid, row: number, columns: Column[]): boolean {
  const shapedLikeLine = (r: number, needFigures: boolean) => {
    let figures = false;
    for (const c of columns) {
      const cls = classifyCell(sheet, r, c.col);
      if (c.type === "figure") {
        if (cls === "word" && totalLabelKind(textAt(sheet, r, c.col) ?? "") === null) return false;
        figures ||= isFigure(cls);
      } else if (isFigure(cls)) return false;
    }
    return figures || !needFigures;
  };
  if (shapedLikeLine(row, true)) return true;
  return shapedLikeLine(row, false) && shapedLikeLine(row + 1, true);
}

function isFigure(c: CellClass): boolean {
  return c === "figure" || c === "text-figure" || c === "uncached";
}

/** What rows' labels say, and the kinds rows take once their totals are worked out (totals.ts): for deciding where a table ends. */
function kindsOf(
  sheet: SheetGrid,
  rows: number[],
  left: number,
  columns: Column[],
): { kinds: TableRow["kind"][]; labelled: LabelledKind[] } {
  const figureCols = columns.filter((c) => c.type === "figure");
  // Any column left of the figures may label a total, within the table or just left of it (a
  // lone `Total` further down, in a column the table has not taken yet).
  const labelCols: number[] = [];
  for (let c = Math.max(0, left - MAX_LABEL_COLUMNS_LEFT); c < (figureCols[0]?.col ?? left + 1); c++) labelCols.push(c);
  const summed = figureCols.filter((c) => c.header.concept !== "percent" && c.header.concept !== "rate");
  const amounts = summed.map((c) => readAmountColumn(sheet, rows, c.col, null));
  const tableRows: TableRow[] = rows.map((row, i) => ({
    row,
    kind: "line",
    label: null,
    labelCol: -1,
    figures: amounts.map((a) => a[i]),
  }));
  const labelled = rows.map((r) => labelledKind(sheet, r, labelCols.length > 0 ? labelCols : [left]));
  groupRows({
    rows: tableRows,
    labelled,
    summed: summed.map((_, k) => k),
    lineOnly: rows.map(() => false),
    ordered: [],
    runStarts: new Set(),
  });
  return { kinds: tableRows.map((t) => t.kind), labelled };
}

/** What a row's labels say: a total, a sub-total, or nothing (any label column may say it). */
function labelledKind(sheet: SheetGrid, row: number, labelCols: readonly number[]): LabelledKind {
  for (const c of labelCols) {
    const t = textAt(sheet, row, c);
    if (t === null) continue;
    const kind = totalLabelKind(t);
    if (kind) return kind;
  }
  return null;
}

/** Rows enough to tell what a column holds: a long table is typed from an even spread of its rows, its last included. */
const MAX_TYPED_ROWS = 1000;

function sampleRows(rows: readonly number[]): readonly number[] {
  if (rows.length <= MAX_TYPED_ROWS) return rows;
  const step = rows.length / MAX_TYPED_ROWS;
  const sample: number[] = [];
  for (let i = 0; i < MAX_TYPED_ROWS; i++) sample.push(rows[Math.floor(i * step)]);
  sample.push(rows[rows.length - 1]);
  return sample;
}

function typeColumns(
  sheet: SheetGrid,
  band: Band,
  rows: readonly number[],
  left: number,
  right: number,
  vocabulary: Vocabulary,
): Column[] {
  const columns: Column[] = [];
  const sample = sampleRows(rows);
  for (let c = left; c <= right; c++) {
    const body = columnBody(sheet, sample, c);
    const header = columnHeader(sheet, band, c, vocabulary);
    // Years typed as numbers down a column of nothing else are the lines' labels (2016, 2017, 2018).
    if (body.yearNumbers >= 2 && body.yearNumbers === body.figures && consecutiveYears(sheet, sample, c)) {
      body.years = body.yearNumbers;
      body.figures = 0;
      body.words += body.yearNumbers;
    }
    columns.push({ col: c, header, type: columnType(header, body), body });
  }
  return columns;
}

/** Counts of a column's body cells by class (a small function: its loop runs over up to a thousand rows). */
function columnBody(sheet: SheetGrid, sample: readonly number[], c: number): ColumnBody {
  const body: ColumnBody = {
    figures: 0,
    na: 0,
    placeholders: 0,
    totals: 0,
    yearNumbers: 0,
    words: 0,
    errors: 0,
    refs: 0,
    years: 0,
  };
  for (const r of sample) {
    const cls = classifyCell(sheet, r, c);
    // A formula never worked out may hold text or a figure: it says nothing of its column.
    if (cls === "uncached") continue;
    if (cls === "figure" && yearNumber(sheet.values[r]?.[c])) body.yearNumbers++;
    if (isFigure(cls)) body.figures++;
    else if (cls === "na") body.na++;
    else if (cls === "error") body.errors++;
    else if (cls === "word" || cls === "date") {
      const t = textAt(sheet, r, c);
      if (t !== null && totalLabelKind(t) !== null) {
        body.totals++;
        continue;
      }
      if (t !== null && PLACEHOLDERS.has(t.toLowerCase())) {
        body.placeholders++;
        continue;
      }
      body.words++;
      if (t !== null && t.length <= 14 && REF_LIKE.test(t)) body.refs++;
      if (t !== null && isYearLabel(t)) body.years++;
    }
  }
  return body;
}

/** The whole numbers of a column run on one year at a time (2016, 2017, 2018). */
function consecutiveYears(sheet: SheetGrid, rows: readonly number[], col: number): boolean {
  const numbers = rows.map((r) => sheet.values[r]?.[col]).filter((v): v is number => typeof v === "number");
  return numbersAreYears(numbers);
}

/** A line label that is a year and nothing else: `2024/25`, `Year 2`, `2025`. */
export function isYearLabel(text: string): boolean {
  // A year label starts with a digit, `Year`/`Yr` or `FY`.
  const first = text.charCodeAt(0) | 32;
  if (!((first >= 48 && first <= 57) || first === 121 || first === 102)) return false;
  const year = yearInText(text);
  return year !== null && year.form !== "invalid" && tokens(year.rest).length === 0;
}

/** Figures where the body holds at least as many figures (and markers, `tbc`s) as words; else what the header names. */
function columnType(header: ColumnHeader, body: ColumnBody): ColumnType {
  // References may be numbers (1, 2, 3): a Ref column holds them as labels, never as figures.
  if (header.concept === "ref") return "text";
  const figureLike = body.figures + body.na + body.errors + body.placeholders;
  if (body.figures > 0 && figureLike >= body.words) return "figure";
  if (body.words > 0 || (body.totals > 0 && body.figures === 0)) return "text";
  if (!header.named && figureLike === 0) return "empty";
  const figureHeader =
    (header.concept !== null && FIGURE_CONCEPTS.has(header.concept)) ||
    (header.concept === null && (header.year !== null || header.unit !== null));
  if (figureHeader) return "figure";
  if (header.concept !== null && TEXT_CONCEPTS.has(header.concept)) return "text";
  return figureLike > 0 ? "figure" : "empty";
}

/** The kind of a table and the role of each of its columns. */
interface Layout {
  kind: LinesTable["kind"];
  columns: Column[];
  figures: { column: Column; role: ColumnRole }[];
  labelCols: number[];
  textColumns: LinesTable["textColumns"];
  yearsDown: boolean;
}

function decideLayout(sheet: SheetGrid, columns: Column[], rows: readonly number[]): Layout | null {
  const figureCols = columns.filter((c) => c.type === "figure");
  const textCols = columns.filter((c) => c.type === "text");
  const firstFigure = figureCols.length > 0 ? figureCols[0].col : Infinity;
  const concept = (c: Column) => c.header.concept;
  const refCol =
    textCols.find((c) => concept(c) === "ref") ??
    textCols.find(
      (c, i) => i === 0 && textCols.length > 1 && c.body.refs >= REF_SHARE * c.body.words && c.body.words >= 2,
    );
  // Labels: the text columns left of the figures; else the text column the header calls a label.
  let labelCols = textCols.filter((c) => c.col < firstFigure && !isAttribute(c));
  if (labelCols.length === 0) {
    const named = textCols.find(
      (c) => concept(c) === "label" || concept(c) === "workstream" || concept(c) === "year-label",
    );
    const any = named ?? textCols.find((c) => !isAttribute(c));
    labelCols = any ? [any] : [];
  }
  const yearsAcross = figureCols.filter(
    (c) => c.header.year !== null && (concept(c) === null || concept(c) === "saving" || concept(c) === "year-label"),
  );
  const labelCol = labelCols.length > 0 ? labelCols[labelCols.length - 1] : null;
  const yearsDown = labelCol !== null && yearsAcross.length < 2 && labelCol.body.years >= 2;
  const has = (k: Concept) => figureCols.some((c) => concept(c) === k && c.header.year === null);

  let kind: LinesTable["kind"];
  if (
    refCol &&
    (labelCols.length > 0 || figureCols.length > 0) &&
    (labelCols.some((c) => c !== refCol) || figureCols.length > 0)
  )
    kind = "register";
  else if ((has("children") && has("population")) || (has("rate") && (has("children") || has("population"))))
    kind = "cla";
  else if (yearsAcross.length >= 2 || yearsDown) kind = "phasing";
  else if (labelCol && figureCols.some((c) => concept(c) === "saving")) kind = "workstream-summary";
  else if (figureCols.length > 0 && labelCol) kind = "figures";
  else return null;
  if (!rows.some((r) => figureCols.some((c) => isFigure(classifyCell(sheet, r, c.col)))) && kind === "figures")
    return null;

  const textColumns: LinesTable["textColumns"] = {};
  if (kind === "register") {
    textColumns.ref = refCol!.col;
    for (const c of textCols) {
      const k = concept(c);
      if ((k === "rag" || k === "eia" || k === "consultation" || k === "workstream") && textColumns[k] === undefined)
        textColumns[k] = c.col;
    }
    const description = textCols.find((c) => c !== refCol && !isAttribute(c));
    if (description) textColumns.description = description.col;
    // A register's lines are labelled by their description, and by their reference when they have no other.
    labelCols = textCols.filter((c) => c === refCol || (c.col < firstFigure && !isAttribute(c)));
  }
  return {
    kind,
    columns,
    figures: figureCols.map((column) => ({
      column,
      role: roleOf(kind, column, yearsAcross.includes(column), yearsDown),
    })),
    labelCols: labelCols.map((c) => c.col),
    textColumns,
    yearsDown: kind === "phasing" && yearsDown,
  };
}

/** Text columns that describe a line rather than name it (a register's Ref, RAG, EIA, consultation). */
function isAttribute(c: Column): boolean {
  const k = c.header.concept;
  return k === "ref" || k === "rag" || k === "eia" || k === "consultation";
}

function roleOf(kind: LinesTable["kind"], column: Column, yearAcross: boolean, yearsDown: boolean): ColumnRole {
  const k = column.header.concept;
  if (k === "percent") return "pct";
  if (yearAcross && (kind === "phasing" || kind === "register")) return "year";
  if (k === "total") return "total";
  switch (kind) {
    case "workstream-summary":
      return k === "budget" || k === "saving" ? k : "figure";
    case "register":
      // A register's saving is its amount; any other figure column (a note of 0s) is just figures.
      return k === "saving" || k === "budget" ? "amount" : "figure";
    case "cla":
      return k === "children" || k === "population" || k === "rate" || k === "weekly-cost" || k === "annual-cost"
        ? k
        : "figure";
    case "phasing":
      return yearsDown ? "amount" : "figure";
    default:
      return "figure";
  }
}

/** The table from its layout: rows, their kinds, units, groups, range. */
function assemble(
  sheet: SheetGrid,
  sheetIndex: number,
  band: Band,
  headed: boolean,
  rows: number[],
  layout: Layout,
): LinesTable {
  const used = [...layout.labelCols, ...layout.figures.map((f) => f.column.col), ...Object.values(layout.textColumns)];
  for (const c of layout.columns) if (c.type !== "empty" || c.header.named) used.push(c.col);
  const left = Math.min(...used);
  const right = Math.max(...used);
  const top = headed ? band.top : rows[0];
  const titleUnit = titleUnitAbove(sheet, top, right);
  const columns: FigureColumn[] = layout.figures.map(({ column, role }) => {
    const h = column.header;
    const formatUnit = role === "pct" ? null : bodyFormatUnit(sheet, rows, column.col);
    const foreignUnit = h.foreignUnit ?? (typeof formatUnit === "string" && formatUnit !== "£" ? formatUnit : null);
    const unit: Unit | null =
      role === "pct" || foreignUnit
        ? null
        : (h.unit ?? titleUnit ?? (formatUnit === "£" ? "£" : null) ?? textAmountUnit(sheet, rows, column.col));
    return {
      role,
      concept: h.concept,
      col: column.col,
      headerRow: !headed ? top : h.year && role === "year" ? h.yearRow : h.row,
      header: h.text,
      unit,
      year: h.year?.year ?? null,
      yearForm: h.year?.form ?? null,
      yearText: h.year?.text ?? null,
      foreignUnit,
      signed: h.signed,
    };
  });
  const amounts = columns.map((c) => readAmountColumn(sheet, rows, c.col, c.unit));
  const refCol = layout.textColumns.ref;
  const { rows: tableRows, labelled, lineOnly } = readLines(sheet, layout, amounts, rows);
  const doubtful = markHeadings(sheet, tableRows, labelled, layout, refCol);
  const summed = columns
    .map((c, k) => ({ c, k }))
    .filter(({ c }) => SUMMED_ROLES.has(c.role))
    .map(({ k }) => k);
  const ordered = columns
    .map((c, k) => ({ c, k }))
    .filter(({ c }) => c.role === "year")
    .map(({ k }) => k);
  const { groups, misaligned } = groupRows({
    rows: tableRows,
    labelled,
    summed,
    lineOnly,
    ordered,
    runStarts: runStarts(tableRows),
  });
  settleDoubtfulHeadings(doubtful, tableRows, groups, summed);
  const bottom = rows[rows.length - 1];
  const range: CellRange = { top, left, bottom, right };
  return {
    kind: layout.kind,
    sheet,
    sheetIndex,
    range,
    name: tableName(layout.kind, range),
    headerRow: headed ? band.bottom : top - 1,
    columns,
    rows: tableRows,
    footnotes: footnotesUnder(sheet, bottom, left, right),
    textColumns: layout.textColumns,
    yearsDown: layout.yearsDown,
    groups,
    misaligned,
  };
}

/** A table's rows as read, with what each one's label says and whether it can only be a line. */
interface Lines {
  rows: TableRow[];
  labelled: LabelledKind[];
  lineOnly: boolean[];
}

/**
 * Reads a table's rows. A small function of its own: V8 compiles a function whose loop runs long
 * (a long register's rows) whole, so the loop is kept out of assemble.
 */
function readLines(sheet: SheetGrid, layout: Layout, amounts: readonly Amount[][], rows: readonly number[]): Lines {
  const lines: Lines = {
    rows: new Array(rows.length),
    labelled: new Array(rows.length),
    lineOnly: new Array(rows.length),
  };
  for (let i = 0; i < rows.length; i++) readLine(sheet, layout, amounts, rows, i, lines);
  return lines;
}

/** Reads row `i` of a table into `lines`. */
function readLine(
  sheet: SheetGrid,
  layout: Layout,
  amounts: readonly Amount[][],
  rows: readonly number[],
  i: number,
  lines: Lines,
): void {
  const row = rows[i];
  const refCol = layout.textColumns.ref;
  let label: string | null = null;
  let labelCol = layout.labelCols.length > 0 ? layout.labelCols[layout.labelCols.length - 1] : -1;
  // The rightmost label; a register's reference only when the line has no other label.
  for (const c of layout.labelCols) {
    const t = labelAt(sheet, row, c);
    if (t !== null && (c !== refCol || label === null)) {
      label = t;
      labelCol = c;
    }
  }
  const figures: Amount[] = new Array(amounts.length);
  for (let k = 0; k < amounts.length; k++) figures[k] = amounts[k][i];
  lines.rows[i] = { row, kind: "line", label, labelCol, figures };
  // A register's Ref column decides: `Total` there is a total; a reference makes a line even
  // when its description begins "Total transport review".
  const ref = refCol === undefined ? null : valueAt(sheet, row, refCol);
  if (ref !== null) lines.labelled[i] = typeof ref === "string" ? totalLabelKind(ref.trim()) : null;
  else lines.labelled[i] = labelledKind(sheet, row, layout.labelCols);
  // A register line with a reference, or a year of a years-down table, is a line whatever it adds up to.
  lines.lineOnly[i] = ref !== null || (layout.yearsDown && label !== null && isYearLabel(label));
}

/**
 * Rows with a label and no figure at all, followed by lines: section headings, not lines with
 * their figures missing. A heading is plain when its label ends in a colon, when it follows a
 * blank row or a total, when a later total names it, when there are several, or in a register
 * (whose lines have references). A lone one among lines is "doubtful": returned, for the totals
 * to decide (see settleDoubtfulHeadings).
 */
function markHeadings(
  sheet: SheetGrid,
  rows: TableRow[],
  labelled: LabelledKind[],
  layout: Layout,
  refCol: number | undefined,
): TableRow[] {
  const candidates: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (labelled[i] !== null || row.label === null || !allBlank(row.figures)) continue;
    if (refCol !== undefined && isReference(valueAt(sheet, row.row, refCol))) continue;
    const next = rows[i + 1];
    if (next && labelled[i + 1] === null && !allBlank(next.figures)) candidates.push(i);
  }
  const totalLabels = rows.filter((_, i) => labelled[i] !== null).map((r) => labelKey(r.label ?? ""));
  const doubtful: TableRow[] = [];
  for (const i of candidates) {
    const row = rows[i];
    const previous = rows[i - 1];
    const key = labelKey(row.label!);
    const plain =
      layout.kind === "register" ||
      candidates.length >= 2 ||
      row.label!.trimEnd().endsWith(":") ||
      (previous !== undefined && (previous.row < row.row - 1 || labelled[i - 1] !== null)) ||
      (key !== "" && totalLabels.some((t) => t.endsWith(key)));
    row.kind = "heading";
    if (!plain) doubtful.push(row);
  }
  return doubtful;
}

/** A loop, not `every`: asked of every line of a long table. */
function allBlank(figures: readonly Amount[]): boolean {
  for (const a of figures) if (a.kind !== "blank") return false;
  return true;
}

/** Lines that start a run: labelled in another column than the row above, or after a blank or a heading. */
function runStarts(rows: readonly TableRow[]): Set<TableRow> {
  const starts = new Set<TableRow>();
  for (let i = 1; i < rows.length; i++) {
    const previous = rows[i - 1];
    if (rows[i].labelCol !== previous.labelCol || rows[i].row > previous.row + 1 || previous.kind === "heading")
      starts.add(rows[i]);
  }
  return starts;
}

/** A register's reference: `EEI030`, `S19`, a number; not a heading's words in the Ref column. */
function isReference(value: unknown): boolean {
  return typeof value === "number" || (typeof value === "string" && REF_LIKE.test(value.trim()));
}

/**
 * A doubtful heading stays one when a total below it adds up without it; when no total does, it
 * is a line whose figures are missing (Rotherham's `Adult Care` line, blank, with a total that
 * needs its 122.096). With no total below, only the first row of a table may be a heading.
 */
function settleDoubtfulHeadings(
  doubtful: TableRow[],
  rows: readonly TableRow[],
  groups: RowGroups,
  summed: readonly number[],
): void {
  for (const row of doubtful) {
    const below = groups.totals.filter((g) => g.row.row > row.row);
    // With no total to ask, a label alone over the first lines heads them; one among lines lacks its figures.
    if (below.length === 0 ? row !== rows[0] : !below.some((g) => addsUp(g, summed))) row.kind = "line";
  }
}

/** A currency shown by the number formats of a column's figures (`£#,##0`), if they agree on one. */
function bodyFormatUnit(sheet: SheetGrid, rows: readonly number[], col: number): Unit | string | null {
  let found: Unit | string | null = null;
  for (const r of rows) {
    const code = sheet.numberFormats[r]?.[col];
    // Most figures of a long table are General: ruled out before any call.
    if (!code || code === "General" || typeof sheet.values[r]?.[col] !== "number") continue;
    const unit = unitOfNumberFormat(code);
    if (unit === null) continue;
    if (found !== null && found !== unit) return null;
    found = unit;
  }
  return found;
}

/** The unit amounts typed as text carry (`£408m`), when every one names the same. */
function textAmountUnit(sheet: SheetGrid, rows: readonly number[], col: number): Unit | null {
  let found: Unit | null = null;
  for (const r of rows) {
    const t = textAt(sheet, r, col);
    const unit = t === null ? null : (parseAmountText(t)?.unit ?? null);
    if (unit === null) continue;
    if (found !== null && found !== unit) return null;
    found = unit;
  }
  return found;
}

/** A unit stated in a title just above the table: `Savings by workstream (£000)`, `All figures £m`. */
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

/** A table the user declared (SPEC §8): its range, its kind and the role of each column, by index. */
export interface DeclaredLayout {
  range: CellRange;
  kind: LinesTable["kind"];
  columns: ReadonlyMap<number, DeclaredRole>;
  unit: Unit | null;
}

/** Declared roles that name a concept of the vocabulary; the rest keep what their header says. */
const ROLE_CONCEPT: Partial<Record<DeclaredRole, Concept>> = {
  budget: "budget",
  saving: "saving",
  percent: "percent",
  total: "total",
  children: "children",
  population: "population",
  rate: "rate",
  "weekly-cost": "weekly-cost",
  "annual-cost": "annual-cost",
};

/**
 * Reads a declared table as a found one is read, its layout taken from the declaration rather
 * than guessed: the rows at its top with no figure in a declared figure column are its header;
 * columns it does not declare are not read. Null when its body holds no figure at all.
 */
export function buildDeclaredTable(
  sheet: SheetGrid,
  sheetIndex: number,
  declared: DeclaredLayout,
  vocabulary: Vocabulary,
): LinesTable | null {
  const { range, kind } = declared;
  const roleOf = (c: number) => declared.columns.get(c);
  const isText = (role: DeclaredRole) => TEXT_ROLES.has(role);
  const figureCols = [...declared.columns].filter(([, role]) => !isText(role)).map(([c]) => c);
  let bodyTop = range.top;
  while (bodyTop <= range.bottom && !figureCols.some((c) => isFigure(classifyCell(sheet, bodyTop, c)))) bodyTop++;
  if (bodyTop > range.bottom) return null;
  const band: Band = { top: range.top, bottom: bodyTop - 1 };
  const rows: number[] = [];
  for (let r = bodyTop; r <= range.bottom; r++) if (!isBlankRow(sheet, r, range.left, range.right)) rows.push(r);
  const columns = typeColumns(sheet, band, rows, range.left, range.right, vocabulary);
  const figures: Layout["figures"] = [];
  const textColumns: LinesTable["textColumns"] = {};
  const labelCols: number[] = [];
  for (const column of columns) {
    const role = roleOf(column.col);
    if (role === undefined) {
      column.type = "empty";
      continue;
    }
    column.type = isText(role) ? "text" : "figure";
    if (role === "label") labelCols.push(column.col);
    else if (isText(role)) textColumns[role as Exclude<keyof LinesTable["textColumns"], "description">] = column.col;
    if (isText(role)) continue;
    const h = column.header;
    h.concept = ROLE_CONCEPT[role] ?? (role.startsWith("year:") ? null : h.concept);
    if (role.startsWith("year:")) {
      const text = role.slice("year:".length);
      h.year = { form: "financial", year: Number(text.slice(0, 4)), text, rest: "" };
    }
    figures.push({ column, role: declaredColumnRole(kind, role) });
    if (declared.unit && MONEY_DECLARED.has(role.startsWith("year:") ? "year" : role)) h.unit = declared.unit;
  }
  if (labelCols.length === 0) {
    const named = textColumns.workstream ?? textColumns.ref;
    if (named !== undefined) labelCols.push(named);
  }
  if (kind === "register" && labelCols.length > 0) textColumns.description = labelCols[0];
  if (kind === "register" && textColumns.ref !== undefined && !labelCols.includes(textColumns.ref))
    labelCols.unshift(textColumns.ref);
  const layout: Layout = { kind, columns, figures, labelCols, textColumns, yearsDown: false };
  const table = assemble(sheet, sheetIndex, band, band.bottom >= band.top, rows, layout);
  return { ...table, range, name: tableName(kind, range), headerRow: bodyTop - 1 };
}

const MONEY_DECLARED: ReadonlySet<string> = new Set([
  "budget",
  "saving",
  "year",
  "total",
  "weekly-cost",
  "annual-cost",
  "figure",
]);

/** The role a declared column plays in the rules, as roleOf gives a found one. */
function declaredColumnRole(kind: LinesTable["kind"], role: DeclaredRole): ColumnRole {
  if (role === "percent") return "pct";
  if (role.startsWith("year:")) return "year";
  if (kind === "register" && (role === "saving" || role === "budget")) return "amount";
  return role as ColumnRole;
}
