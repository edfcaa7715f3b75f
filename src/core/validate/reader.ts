/**
 * Reading a sheet's cells the way the validator needs them: as amounts with their shown
 * precision and footnote markers, as text, as blanks. Cheap checks first: a register of 50,000
 * lines passes through here once.
 */
import { isNotApplicable, parseAmountText, splitFootnoteMarkers } from "../amount";
import { Decimal, decimalFromNumber, decimalsTyped } from "../decimal";
import { CellError, isCellError, parseErrorCode } from "../excel-errors";
import { CellValue, SheetGrid } from "../grid";
import { convertUnit, parseUnit, Unit, UNIT_DIGITS } from "../units";

/** How a cell reads as an amount. */
export type AmountKind =
  | "number" // a number (typed or a formula's cached result)
  | "text" // an amount typed as text (`2,800**`, `£4.462m`): parsed, and flagged
  | "na" // a not-applicable marker (`NA`, `n/a`, `-`): zero, never an error by itself
  | "blank" // nothing at all
  | "error" // `#DIV/0!` and friends
  | "word" // other text: not an amount
  | "unknown"; // a formula whose result was never stored: a figure nobody can read

export interface Amount {
  row: number;
  col: number;
  kind: AmountKind;
  /** The figure as a double (0 unless number/text); exact figures come from `exactValue`. */
  value: number;
  /** The exact figure when a double cannot carry it (text amounts, percent-formatted cells). */
  exact: Decimal | null;
  /** Decimals shown: the number format's, else the most typed in the column. */
  decimals: number;
  /** Footnote markers typed with the figure or carried by its number format. */
  markers: string[] | null;
  /** Computed by a formula (as opposed to typed in). */
  formula: boolean;
  /** The text as typed, for text, words and NA markers. */
  text: string | null;
}

/** The figure of an amount as a Decimal (0 for blanks, NA markers, words and errors). */
export function exactValue(amount: Amount): Decimal {
  if (amount.exact) return amount.exact;
  amount.exact = decimalFromNumber(amount.value);
  return amount.exact;
}

/** Has a figure to compare (a number, or an amount typed as text). */
export function hasFigure(amount: Amount): boolean {
  return amount.kind === "number" || amount.kind === "text";
}

interface FormatInfo {
  /** Decimals the format shows (negative when it shows thousands of the stored figure), or null for General. */
  decimals: number | null;
  /** The format multiplies by 100 (`0.0%`). */
  percent: boolean;
  /** Footnote markers written into the format as literals: `#,##0"*"`. */
  markers: string[] | null;
}

const GENERAL: FormatInfo = { decimals: null, percent: false, markers: null };
const formatCache = new Map<string, FormatInfo>();

/** What a number format code shows: decimals, percent, literal footnote markers. */
function formatInfo(code: string | null | undefined): FormatInfo {
  if (!code || code === "General") return GENERAL;
  let info = formatCache.get(code);
  if (!info) {
    info = parseFormat(code);
    formatCache.set(code, info);
  }
  return info;
}

function parseFormat(code: string): FormatInfo {
  // The first section formats positive numbers; literals are quoted or backslash-escaped.
  const section = code.split(";")[0];
  const markers: string[] = [];
  for (const m of section.matchAll(/"([^"]*)"|\\(.)/g)) {
    const literal = (m[1] ?? m[2]).trim();
    if (literal !== "" && isMarkerText(literal)) markers.push(literal);
  }
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(bare)) return { decimals: null, percent: false, markers: markers.length ? markers : null };
  const point = /\.([0#?]*)/.exec(bare);
  // Commas after the last digit placeholder scale by a thousand each: `#,##0,` shows £ as £000.
  const scaling = /[0#?](,+)[^0#?]*$/.exec(bare);
  const decimals = (point ? point[1].length : 0) - (scaling ? 3 * scaling[1].length : 0);
  return { decimals, percent: bare.includes("%"), markers: markers.length ? markers : null };
}

const MARKER_ONLY = /^(?:\*+|[†‡§¶]+|[¹²³⁰⁴⁵⁶⁷⁸⁹]+)$/u;
/** A footnote line starts with its marker: `* The majority…`, `¹ This will be…`, `**Savings…`. */
const LEADING_MARKER = /^(\*+|[†‡§¶]+|[¹²³⁰⁴⁵⁶⁷⁸⁹]+)/u;

function isMarkerText(text: string): boolean {
  return MARKER_ONLY.test(text);
}

/** The marker a footnote line defines, or null when the text is not a footnote. */
export function footnoteMarker(text: string): string | null {
  const m = LEADING_MARKER.exec(text.trimStart());
  return m ? m[1] : null;
}

const MARKER_END = new Set(["*", "†", "‡", "§", "¶", "¹", "²", "³", "⁰", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]);

/** Footnote markers typed at the end of a label (`School Improvement Services*`). */
export function labelMarkers(text: string): string[] | null {
  if (!MARKER_END.has(text.charAt(text.length - 1))) return null;
  const { markers } = splitFootnoteMarkers(text);
  return markers.length ? markers : null;
}

/** The value of a cell, with `""` and whitespace-only text read as empty. */
export function valueAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const v = sheet.values[row]?.[col];
  if (v === undefined || v === null) return null;
  if (typeof v === "string" && v.trim() === "") return null;
  return v;
}

/** The trimmed text of a cell, or null when it holds no text. */
export function textAt(sheet: SheetGrid, row: number, col: number): string | null {
  const v = sheet.values[row]?.[col];
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t === "" ? null : t;
}

/** A line's label: its trimmed text, or a number as text (a year, a numeric reference); else null. */
export function labelAt(sheet: SheetGrid, row: number, col: number): string | null {
  const v = sheet.values[row]?.[col];
  return typeof v === "number" ? String(v) : textAt(sheet, row, col);
}

/** The error a cell shows (a stored error value, or error text handed over by a host). */
export function errorAt(value: CellValue): CellError["error"] | null {
  if (isCellError(value)) return value.error;
  if (typeof value === "string" && value.charCodeAt(0) === 35 /* # */) return parseErrorCode(value);
  return null;
}

/** No value in columns left..right of a row, and no formula (whose result may not have been stored). */
export function isBlankRow(sheet: SheetGrid, row: number, left: number, right: number): boolean {
  const cells = sheet.values[row];
  if (cells) {
    const end = Math.min(right, cells.length - 1);
    for (let c = left; c <= end; c++) {
      const v = cells[c];
      if (v === null || v === undefined) continue;
      if (typeof v === "string" && v.trim() === "") continue;
      return false;
    }
  }
  const formulas = sheet.formulas[row];
  if (formulas) for (let c = left; c <= Math.min(right, formulas.length - 1); c++) if (formulas[c]) return false;
  return true;
}

/**
 * The decimals a double shows in General format (typed figures as typed, up to 10 significant
 * digits), without building a Decimal for the common cases: whole numbers, and up to six decimals.
 */
export function typedDecimals(value: number): number {
  if (Number.isInteger(value)) return 0;
  let scale = 1;
  for (let k = 1; k <= 6; k++) {
    scale *= 10;
    const scaled = Math.round(value * scale);
    if (scaled / scale === value && Math.abs(scaled) < 1e15) return k;
  }
  // General format shows at most 10 significant digits: a formula's 25.0796129210605 shows as
  // 25.07961292, and the digits beyond are binary arithmetic, not figures anyone sees or typed.
  const whole = Math.abs(value) < 1 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
  return Math.max(0, Math.min(decimalsTyped(value), GENERAL_DIGITS - whole));
}

const GENERAL_DIGITS = 10;

/**
 * Reads the cells of one column of a table as amounts in the column's unit. Shown precision
 * needs the whole column (General format shows the most decimals typed in the column), so a
 * column is read in one go.
 */
export function readAmountColumn(sheet: SheetGrid, rows: readonly number[], col: number, unit: Unit | null): Amount[] {
  const amounts: Amount[] = new Array(rows.length);
  let typed = 0;
  const general: Amount[] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = readAmount(sheet, rows[i], col, unit);
    amounts[i] = a;
    if (Number.isNaN(a.decimals)) {
      a.decimals = typedDecimals(a.value);
      general.push(a);
      if (a.decimals > typed) typed = a.decimals;
    } else if (a.kind === "text" && a.decimals > typed) {
      typed = a.decimals;
    }
  }
  for (const a of general) a.decimals = typed;
  return amounts;
}

/** The decimals a figure shown with `decimals` in `from` has in `to` (a figure in £m shows three more in £000; negative: tens, hundreds…). */
export function decimalsInUnit(decimals: number, from: Unit, to: Unit): number {
  return decimals + UNIT_DIGITS[to] - UNIT_DIGITS[from];
}

/** A cell with no figure to compare: a blank, an NA marker, an error or words. */
function noFigure(row: number, col: number, kind: AmountKind, formula: boolean, text: string | null): Amount {
  return { row, col, kind, value: 0, exact: null, decimals: 0, markers: null, formula, text };
}

/**
 * One cell as an amount. A number in General format comes back with decimals NaN: its column
 * decides (see readAmountColumn).
 */
export function readAmount(sheet: SheetGrid, row: number, col: number, unit: Unit | null): Amount {
  const v = sheet.values[row]?.[col];
  const formula = !!sheet.formulas[row]?.[col];
  if (typeof v === "number") {
    const fmt = formatInfo(sheet.numberFormats[row]?.[col]);
    if (fmt.percent) {
      // Stored 0.251 under `0.0%` states 25.1 (%).
      const exact = decimalFromNumber(v).times(100);
      return {
        row,
        col,
        kind: "number",
        value: exact.toNumber(),
        exact,
        decimals: fmt.decimals ?? 0,
        markers: fmt.markers,
        formula,
        text: null,
      };
    }
    return {
      row,
      col,
      kind: "number",
      value: v,
      exact: null,
      decimals: fmt.decimals ?? NaN,
      markers: fmt.markers,
      formula,
      text: null,
    };
  }
  if (v === null || v === undefined || v === "" || typeof v === "boolean")
    return noFigure(row, col, formula && (v === null || v === undefined) ? "unknown" : "blank", formula, null);
  if (typeof v !== "string") return noFigure(row, col, isCellError(v) ? "error" : "blank", formula, null);
  const text = v.trim();
  if (text === "") return noFigure(row, col, "blank", formula, null);
  if (isNotApplicable(text)) return noFigure(row, col, "na", formula, text);
  if (text.charCodeAt(0) === 35 && parseErrorCode(text)) return noFigure(row, col, "error", formula, text);
  // A percentage typed as text (`92.4%`) is its figure, in a % column or any other.
  const parsed =
    parseUnit(text) === null ? parseAmountText(text.endsWith("%") ? text.slice(0, -1).trimEnd() : text) : null;
  if (!parsed) return noFigure(row, col, "word", formula, text);
  let exact = parsed.value;
  let decimals = parsed.decimals;
  // `£4.462m` in a £000 column is 4,462; a bare `£` decorates the column's own unit.
  if (unit && parsed.unit && parsed.unit !== "£" && parsed.unit !== unit) {
    exact = convertUnit(exact, parsed.unit, unit);
    decimals = decimalsInUnit(decimals, parsed.unit, unit);
  }
  return {
    row,
    col,
    kind: "text",
    value: exact.toNumber(),
    exact,
    decimals,
    markers: parsed.markers.length ? parsed.markers : null,
    formula,
    text,
  };
}
