/**
 * Header rows (SPEC §4): a row whose cells name what columns hold (concepts, years, units) and
 * hold no figures starts a table. Headers may span two or three rows (years on one, words or
 * units below, a group heading merged across columns above); each column's header is read from
 * every row of that band, with a merged cell counting for every column it covers.
 */
import { CellRange, SheetGrid } from "../grid";
import { YearInText } from "../financial-year";
import { classifyCell } from "./cell-class";
import { valueAt } from "./reader";
import { HeaderMeaning, isHeaderSignal, readHeader, Vocabulary } from "./header-text";
import { parseUnit, Unit } from "../units";
import { Concept } from "./vocabulary";

/** A cell of a header row that names something. */
export interface HeaderSignal {
  col: number;
  meaning: HeaderMeaning;
}

/** Rows of a header, top to bottom. */
export interface Band {
  top: number;
  bottom: number;
}

/** A column's header as all rows of the band say it. */
export interface ColumnHeader {
  col: number;
  /** The band's texts in this column, joined: `2023/24 Gross Expenditure £m`. */
  text: string;
  concept: Concept | null;
  unit: Unit | null;
  foreignUnit: string | null;
  year: YearInText | null;
  /** The band row whose cell names the year. */
  yearRow: number;
  signed: boolean;
  /** The band row whose cell says the most (its concept, else its year): findings about the header go there. */
  row: number;
  /** Whether any band row has text over this column. */
  named: boolean;
}

/** A whole number that may be a calendar year in a header (`2024` typed as a number). */
export function yearNumber(v: unknown): boolean {
  return typeof v === "number" && Number.isInteger(v) && v >= 1990 && v <= 2100;
}

/**
 * Whether the numbers of a row are the calendar years of a header: two or more, each the one
 * before plus one. A single 2015 among text is a figure (a saving of 2,015).
 */
export function numbersAreYears(numbers: readonly number[]): boolean {
  if (numbers.length < 2) return false;
  for (let i = 0; i < numbers.length; i++) {
    if (!yearNumber(numbers[i]) || (i > 0 && numbers[i] !== numbers[i - 1] + 1)) return false;
  }
  return true;
}

/**
 * The header signals of row `row` between columns `from` and `to`, or null when the row holds
 * figures (a header holds words, years and units only).
 */
export function headerSignals(
  sheet: SheetGrid,
  row: number,
  from: number,
  to: number,
  vocabulary: Vocabulary,
): HeaderSignal[] | null {
  const cells = sheet.values[row];
  if (!cells) return [];
  const signals: HeaderSignal[] = [];
  const last = Math.min(to, cells.length - 1);
  // Most rows asked about are lines of figures: those are told apart before any text is read.
  for (let c = from; c <= last; c++) {
    const v = cells[c];
    if (
      (typeof v === "number" && !yearNumber(v)) ||
      (typeof v === "string" && classifyCell(sheet, row, c) === "text-figure")
    )
      return null;
  }
  const numbers: number[] = [];
  for (let c = from; c <= last; c++) {
    const v = cells[c];
    if (v === null || v === undefined) continue;
    if (typeof v === "number") {
      numbers.push(v);
      signals.push({ col: c, meaning: readHeader(String(v), vocabulary) });
      continue;
    }
    if (typeof v !== "string" || v.trim() === "") continue;
    const cls = classifyCell(sheet, row, c);
    if (cls === "text-figure") return null;
    const meaning = readHeader(v, vocabulary);
    if (isHeaderSignal(meaning) || v.trim() === "%") signals.push({ col: c, meaning });
  }
  return numbers.length === 0 || numbersAreYears(numbers) ? signals : null;
}

/** A row that heads a table: two cells or more that name things, one of them more than a unit. */
export function isHeaderRow(signals: readonly HeaderSignal[] | null): boolean {
  if (!signals || signals.length < 2) return false;
  return signals.some((s) => s.meaning.concept !== null || s.meaning.year !== null);
}

/** The merged area whose top-left cell is (row, col), if any. */
function mergeAt(sheet: SheetGrid, row: number, col: number): CellRange | undefined {
  for (const m of sheet.merges) if (m.top === row && m.left === col) return m;
  return undefined;
}

/** The merged area covering (row, col), if any. */
function mergeCovering(sheet: SheetGrid, row: number, col: number): CellRange | undefined {
  for (const m of sheet.merges) if (m.top <= row && row <= m.bottom && m.left <= col && col <= m.right) return m;
  return undefined;
}

/** The text shown at (row, col): its own, or a merged area's that covers it. */
export function shownText(sheet: SheetGrid, row: number, col: number): string | null {
  const own = sheet.values[row]?.[col];
  if (typeof own === "string" && own.trim() !== "") return own.trim();
  if (typeof own === "number" && yearNumber(own)) return String(own);
  if (own !== null && own !== undefined && own !== "") return null;
  const m = sheet.merges.length > 0 ? mergeCovering(sheet, row, col) : undefined;
  if (!m || (m.top === row && m.left === col)) return null;
  const v = sheet.values[m.top]?.[m.left];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

/** A row of units alone (`£000`, `%`). */
function isUnitsRow(sheet: SheetGrid, row: number, left: number, right: number): boolean {
  let units = 0;
  for (let c = left; c <= right; c++) {
    const v = valueAt(sheet, row, c);
    if (v === null) continue;
    if (typeof v !== "string" || (parseUnit(v) === null && v.trim() !== "%")) return false;
    units++;
  }
  return units > 0;
}

/** A row under a header that continues it: words naming things, or units, and no figures. */
function continuesHeader(sheet: SheetGrid, row: number, left: number, right: number, vocabulary: Vocabulary): boolean {
  const signals = headerSignals(sheet, row, left, right, vocabulary);
  if (signals === null) return false;
  let filled = 0;
  let units = 0;
  for (let c = left; c <= right; c++) {
    // Cells a merged area above covers are not this row's own.
    const v = valueAt(sheet, row, c);
    if (v === null) continue;
    filled++;
    if (typeof v === "string" && (parseUnit(v) !== null || v.trim() === "%")) units++;
  }
  if (filled === 0) return false;
  // A row of units, or a row of two or more cells most of which name things (a line's label may
  // name one: `Workstream 1`; a register's first line names nothing).
  if (units === filled || (signals.length >= 2 && 2 * signals.length >= filled + (filled > 2 ? 1 : 0))) return true;
  // Or names over columns of figures only (`Youth offending | Safeguarding` under `Workstream`),
  // none over the labels, where a heading would sit.
  if (valueAt(sheet, row, left) !== null) return false;
  let body = row + 1;
  while (body < row + 3 && isUnitsRow(sheet, body, left, right)) body++;
  for (let c = left + 1; c <= right; c++) {
    if (valueAt(sheet, row, c) === null) continue;
    const below = classifyCell(sheet, body, c);
    if (below !== "figure" && below !== "text-figure" && below !== "na") return false;
  }
  return true;
}

/**
 * A group heading above a header row: a cell merged across two or more of the table's columns,
 * or words within the table's columns that reach over its figure columns (`2016/17`, `Medium
 * term plan`), where a title is one cell at the left.
 */
export function groupHeadingAbove(
  sheet: SheetGrid,
  row: number,
  left: number,
  right: number,
  vocabulary: Vocabulary,
): boolean {
  if (row < 0) return false;
  let merged = false;
  for (let c = left; c <= right; c++) {
    const v = sheet.values[row]?.[c];
    if (typeof v === "number" && !yearNumber(v)) return false;
    const m = sheet.merges.length > 0 ? mergeAt(sheet, row, c) : undefined;
    if (m && m.right > m.left && m.left >= left - 1 && m.right <= right + 1) merged = true;
  }
  if (merged) return true;
  // A cell merged down into the header row (`Workstream` over three header rows) starts the band here.
  if (sheet.merges.some((m) => m.top === row && m.bottom > row && m.left >= left && m.left <= right)) return true;
  // Words within the table's columns, over its figure columns too: a title starts at the left
  // and stands alone (or reaches further left).
  for (let c = 0; c < left; c++) if (valueAt(sheet, row, c) !== null) return false;
  if (headerSignals(sheet, row, left, right, vocabulary) === null) return false;
  let cells = 0;
  for (let c = left; c <= right; c++) if (valueAt(sheet, row, c) !== null) cells++;
  // One cell at the left is a title, unless it heads the labels' column, empty in the row below
  // (`As at 31 March` over the years of a two-row header).
  return cells > 1 || (cells === 1 && (valueAt(sheet, row, left) === null || valueAt(sheet, row + 1, left) === null));
}

/**
 * The header band of a table headed at `row` across columns left..right: up to two more rows
 * below (years then words, words then units), which may reach further right than the first (a
 * year over a group of columns), and a group heading above. `free` says whether a row is not
 * another table's; the band never reaches past column `to`.
 */
export function headerBand(
  sheet: SheetGrid,
  row: number,
  left: number,
  right: number,
  to: number,
  vocabulary: Vocabulary,
  free: (row: number) => boolean,
): Band & { right: number } {
  let bottom = row;
  let reach = right;
  while (bottom < row + 2 && free(bottom + 1)) {
    let wider = reach;
    while (wider < to && valueAt(sheet, bottom + 1, wider + 1) !== null) wider++;
    if (!continuesHeader(sheet, bottom + 1, left, wider, vocabulary)) break;
    bottom++;
    reach = wider;
  }
  const top = free(row - 1) && groupHeadingAbove(sheet, row - 1, left, reach, vocabulary) ? row - 1 : row;
  return { top, bottom, right: reach };
}

/** What the rows of a band say about one column, read top to bottom (lower rows say more). */
export function columnHeader(sheet: SheetGrid, band: Band, col: number, vocabulary: Vocabulary): ColumnHeader {
  const texts: string[] = [];
  const header: ColumnHeader = {
    col,
    text: "",
    concept: null,
    unit: null,
    foreignUnit: null,
    year: null,
    yearRow: band.bottom,
    signed: false,
    row: band.bottom,
    named: false,
  };
  let said = false;
  for (let r = band.top; r <= band.bottom; r++) {
    const text = shownText(sheet, r, col);
    if (text === null) continue;
    // Units rows say the unit; the header's words are what messages quote.
    if (!texts.includes(text) && parseUnit(text) === null && text !== "%") texts.push(text);
    header.named = true;
    const m = readHeader(text, vocabulary);
    // A units row says units: its `%` makes a column a percentage only when nothing above named it.
    if (text === "%" && header.concept !== null) continue;
    if (m.concept !== null && m.concept !== "total") {
      header.concept = m.concept;
      header.row = r;
      said = true;
    } else if (m.concept === "total" && header.concept === null) {
      header.concept = "total";
      header.row = r;
      said = true;
    }
    if (m.year) {
      header.year = m.year;
      header.yearRow = r;
      if (!said) header.row = r;
    }
    header.unit = m.unit ?? parseUnit(text) ?? header.unit;
    header.foreignUnit = m.foreignUnit ?? header.foreignUnit;
    header.signed ||= m.signed;
  }
  header.text = texts.join(" ");
  return header;
}
