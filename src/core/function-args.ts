/**
 * The arguments of every custom function, as data (HyperFormula keeps its function signatures the
 * same way), and the one routine that turns what Excel hands a function into a checked value.
 *
 * Excel passes numbers, text, booleans, null (an omitted argument, or an empty cell on the web), 0
 * (an empty cell on desktop), error values, data types (objects), and 2-D arrays (ranges). Whatever
 * arrives, the result is either a checked value or a FunctionError whose message names the argument.
 */
import { isNotApplicable, parseAmountText } from "./amount";
import { Decimal, decimalFromNumber } from "./decimal";
import { EXCEL_ERROR_CODES, FunctionError, isCellError } from "./excel-errors";
import { dateFromExcelSerial, parseFinancialYear } from "./financial-year";
import { MESSAGES } from "./messages";
import { Unit, parseUnit } from "./units";

/** The functions work in the template's three units (SPEC §3); £bn is read from tables only. */
const FUNCTION_UNITS: ReadonlySet<Unit> = new Set<Unit>(["£", "£000", "£m"]);

/**
 * What an argument holds. amount: money (any sign unless `min`); count: children or population;
 * rate: per 10,000; decimals: places to round to; weeks: weeks of a year; years: a whole number of
 * years; text: an amount written as text; unit: £, £000 or £m; date: a date; fy: a financial-year
 * label; range: a block of amounts to add up.
 */
export type ArgKind =
  "amount" | "count" | "rate" | "decimals" | "weeks" | "years" | "text" | "unit" | "date" | "fy" | "range";

export interface ArgSpec {
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
  /** What an omitted optional argument means; without one, omitted stays null ("not given"). */
  readonly default?: number | Unit;
  /** A tighter lower bound than the kind's own (a budget is never negative). */
  readonly min?: number;
}

/** Largest figure accepted: Excel keeps 15 significant digits, and no council budget comes near. */
const MAX_MAGNITUDE = 1e15;
/** Excel's last date, 31 December 9999. */
const MAX_DATE_SERIAL = 2958465;

interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly whole?: boolean;
}

const NUMBER_RULES: Partial<Record<ArgKind, NumberRule>> = {
  amount: { min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE },
  count: { min: 0, max: MAX_MAGNITUDE },
  rate: { min: 0, max: 10000 },
  decimals: { min: 0, max: 15, whole: true },
  weeks: { min: 1, max: 53 },
  years: { min: -200, max: 200, whole: true },
};

/** Kinds whose argument may be a range, giving one result per cell. */
const RANGE_KINDS: ReadonlySet<ArgKind> = new Set<ArgKind>(["amount", "count", "rate", "text"]);

export function acceptsRange(spec: ArgSpec): boolean {
  return RANGE_KINDS.has(spec.kind);
}

/** Arguments Excel hands over as a 2-D range (any[][] in the JSDoc): the per-cell kinds and a range to add up. */
export function passedAsRange(spec: ArgSpec): boolean {
  return acceptsRange(spec) || spec.kind === "range";
}

const DECIMALS: ArgSpec = { name: "decimals", kind: "decimals", optional: true };
const WEEKS: ArgSpec = { name: "weeks", kind: "weeks", optional: true, default: 52 };

/** Every function of SPEC §3 with its arguments in order. */
export const FUNCTION_ARGS = {
  "SAVINGS.PCT": [{ name: "budget", kind: "amount", min: 0 }, { name: "saving", kind: "amount" }, DECIMALS],
  "SAVINGS.TOTAL": [{ name: "range", kind: "range" }],
  "SAVINGS.GAP": [
    { name: "target", kind: "amount" },
    { name: "proposals", kind: "amount" },
  ],
  "SAVINGS.PARSE": [
    { name: "text", kind: "text" },
    { name: "unit", kind: "unit", optional: true, default: "£" },
  ],
  "SAVINGS.CONVERT": [
    { name: "value", kind: "amount" },
    { name: "from", kind: "unit" },
    { name: "to", kind: "unit" },
  ],
  "SAVINGS.PHASE": [
    { name: "full_year", kind: "amount" },
    { name: "start", kind: "date" },
    { name: "fy", kind: "fy", optional: true },
  ],
  "SAVINGS.FY": [{ name: "date", kind: "date" }],
  "SAVINGS.FYNEXT": [
    { name: "fy", kind: "fy" },
    { name: "n", kind: "years", optional: true, default: 1 },
  ],
  "CLA.RATE": [{ name: "children", kind: "count" }, { name: "population", kind: "count" }, DECIMALS],
  "CLA.CHILDREN": [
    { name: "rate", kind: "rate" },
    { name: "population", kind: "count" },
  ],
  "CLA.REDUCTION": [
    { name: "children", kind: "count" },
    { name: "target_rate", kind: "rate" },
    { name: "population", kind: "count" },
  ],
  "CLA.COST": [{ name: "weekly_cost", kind: "amount", min: 0 }, { name: "children", kind: "count" }, WEEKS],
  "CLA.SAVING": [{ name: "children_fewer", kind: "count" }, { name: "weekly_cost", kind: "amount", min: 0 }, WEEKS],
} as const satisfies Record<string, readonly ArgSpec[]>;

export type FunctionId = keyof typeof FUNCTION_ARGS;
export const FUNCTION_IDS = Object.keys(FUNCTION_ARGS) as FunctionId[];

/** A calendar date (month 1-12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** An amount read from text, with the unit the text names (null when it names none). */
export interface TextAmount {
  value: Decimal;
  unit: Unit | null;
}

/** A checked argument: what each kind becomes. */
export type ArgValue = Decimal | number | Unit | CalendarDate | TextAmount | Decimal[] | null;

/** An Excel data type as a custom function receives it: an object with a `type` (Entity, FormattedNumber…). */
interface DataType {
  type: string;
  text?: unknown;
  basicValue?: unknown;
}

function isDataType(value: unknown): value is DataType {
  return typeof value === "object" && value !== null && typeof (value as DataType).type === "string";
}

/**
 * An error value arriving as an argument: CustomFunctions.Error ({code}), a grid CellError ({error})
 * or an error data type ({type: "Error", basicValue: "#N/A"}).
 */
function errorCodeOf(value: unknown): string | null {
  if (isCellError(value)) return value.error;
  if (typeof value !== "object" || value === null) return null;
  const { code, type, basicValue } = value as { code?: unknown; type?: unknown; basicValue?: unknown };
  const found = code !== undefined ? code : type === "Error" ? basicValue : null;
  return typeof found === "string" && (EXCEL_ERROR_CODES as readonly string[]).includes(found) ? found : null;
}

const PASSED_ON = new Set(["#VALUE!", "#DIV/0!", "#NUM!", "#N/A"]);

/** An error in an argument is passed on, as Excel does (`=1/0+1` shows #DIV/0!). */
function passOn(label: string, code: string): FunctionError {
  const shown = PASSED_ON.has(code) ? (code as FunctionError["code"]) : "#VALUE!";
  return new FunctionError(shown, MESSAGES.errorValue(label, code));
}

/** A cell's value as it is, once an error value is passed on and a data type refused (it has no one figure). */
function plainCell(value: unknown, label: string): unknown {
  const code = errorCodeOf(value);
  if (code) throw passOn(label, code);
  if (isDataType(value)) {
    const shown = [value.text, value.basicValue].find((v) => typeof v === "string" || typeof v === "number");
    throw new FunctionError("#VALUE!", MESSAGES.dataType(label, value.type, shown));
  }
  return value;
}

/** A single value from what may be a 1×1 range; larger ranges are an error. */
function single(raw: unknown, label: string): unknown {
  if (!Array.isArray(raw)) return raw;
  if (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return raw[0][0];
  throw new FunctionError("#VALUE!", MESSAGES.notSingleValue(label, raw));
}

const TEXT_LIKE: ReadonlySet<ArgKind> = new Set<ArgKind>(["unit", "fy", "date"]);

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * A number argument as a Decimal. Empty counts as 0 (Excel's empty cell); text amounts such as
 * `2,800**` are read; text naming a unit is refused (mixing £m into £000 is how totals go wrong).
 */
function toDecimal(raw: unknown, label: string, naAsZero: boolean): Decimal {
  if (isEmpty(raw)) return new Decimal(0);
  if (typeof raw === "number") {
    // Excel passes only finite numbers; the size limits are checkBounds's, per kind.
    if (!Number.isFinite(raw)) throw new FunctionError("#NUM!", MESSAGES.tooLarge(label, "1e15", String(raw)));
    return decimalFromNumber(raw);
  }
  if (typeof raw === "string") {
    if (isNotApplicable(raw)) {
      if (naAsZero) return new Decimal(0);
      throw new FunctionError("#N/A", MESSAGES.notApplicable(label, raw.trim()));
    }
    const parsed = parseAmountText(raw);
    if (!parsed) throw new FunctionError("#VALUE!", MESSAGES.notNumber(label, raw));
    if (parsed.unit) throw new FunctionError("#VALUE!", MESSAGES.amountWithUnit(label, raw.trim()));
    return parsed.value;
  }
  throw new FunctionError("#VALUE!", MESSAGES.notNumber(label, raw));
}

function checkBounds(value: Decimal, rule: NumberRule, spec: ArgSpec, label: string): void {
  const shown = value.toString();
  const min = spec.min ?? rule.min;
  if (rule.max < MAX_MAGNITUDE) {
    // A small-range kind (decimals, weeks, a rate, years) says its own range, even for 1e308.
    if (value.lessThan(min) || value.greaterThan(rule.max)) {
      // Desktop Excel passes an empty cell as 0: where 0 is out of range, say how to get the default.
      const message =
        value.isZero() && spec.default !== undefined
          ? MESSAGES.zeroOutOfRange(label, String(min), String(rule.max), String(spec.default))
          : MESSAGES.outOfRange(label, String(min), String(rule.max), shown);
      throw new FunctionError("#NUM!", message);
    }
    if (rule.whole && !value.isInteger()) throw new FunctionError("#NUM!", MESSAGES.notWhole(label, shown));
    return;
  }
  if (value.abs().greaterThan(MAX_MAGNITUDE)) throw new FunctionError("#NUM!", MESSAGES.tooLarge(label, "1e15", shown));
  if (min === 0 && value.isNegative() && !value.isZero())
    throw new FunctionError("#NUM!", MESSAGES.negative(label, shown));
}

/** Reads `2017-10-01`, `01/10/2017` or `1/10/2017` (day first, as in England). */
function dateFromText(text: string): CalendarDate | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (year === undefined) return null;
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const exists =
    check.getUTCFullYear() === date.year && check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day;
  return exists && date.year >= 1900 ? date : null;
}

function toDate(raw: unknown, label: string): CalendarDate {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw < 1 || raw > MAX_DATE_SERIAL) {
      throw new FunctionError("#NUM!", MESSAGES.outOfRange(label, "1", String(MAX_DATE_SERIAL), String(raw)));
    }
    return dateFromExcelSerial(raw);
  }
  const date = typeof raw === "string" ? dateFromText(raw) : null;
  if (!date) throw new FunctionError("#VALUE!", MESSAGES.notDate(label, raw));
  return date;
}

/** An amount written as text (or a plain number, or empty or NA as zero) with the unit it names. */
function textAmount(value: unknown, label: string): TextAmount {
  if (isEmpty(value)) return { value: new Decimal(0), unit: null };
  if (typeof value === "number") return { value: toDecimal(value, label, true), unit: null };
  if (typeof value !== "string") throw new FunctionError("#VALUE!", MESSAGES.notAmountText(label, value));
  if (isNotApplicable(value)) return { value: new Decimal(0), unit: null };
  const parsed = parseAmountText(value);
  if (!parsed) throw new FunctionError("#VALUE!", MESSAGES.notAmountText(label, value));
  return { value: parsed.value, unit: parsed.unit };
}

/** Checks one argument (a single value; ranges are split into cells by `evaluate`). */
function coerceArg(raw: unknown, spec: ArgSpec, label: string = spec.name): ArgValue {
  if (spec.kind === "range") return amountsInRange(raw, spec);
  let value = plainCell(single(raw, label), label);
  const rule = NUMBER_RULES[spec.kind];
  // Desktop Excel passes an empty cell as 0, the web as null. A unit, a date or a financial year is
  // never a number 0, so there 0 is an empty cell on both. A number argument takes 0 as 0: an empty
  // optional number (decimals, n, weeks) is left out on the web but 0 on desktop (README).
  if (value === 0 && TEXT_LIKE.has(spec.kind)) value = null;
  if (TEXT_LIKE.has(spec.kind) && isEmpty(value)) value = null;
  if (spec.optional && isEmpty(value)) return spec.default === undefined ? null : coerceArg(spec.default, spec, label);
  if (rule) {
    // An integer kind takes its number as is: decimals and years are small whole numbers.
    const decimal = toDecimal(value, label, false);
    checkBounds(decimal, rule, spec, label);
    return spec.kind === "decimals" || spec.kind === "years" ? decimal.toNumber() : decimal;
  }
  switch (spec.kind) {
    case "unit": {
      const unit = typeof value === "string" ? parseUnit(value) : null;
      if (!unit || !FUNCTION_UNITS.has(unit)) throw new FunctionError("#VALUE!", MESSAGES.notUnit(label, value));
      return unit;
    }
    case "fy": {
      const year = typeof value === "string" ? parseFinancialYear(value) : null;
      if (year === null) throw new FunctionError("#VALUE!", MESSAGES.notFinancialYear(label, value));
      return year;
    }
    case "date":
      return toDate(value, label);
    case "text": {
      const amount = textAmount(value, label);
      checkBounds(amount.value, NUMBER_RULES.amount as NumberRule, spec, label);
      return amount;
    }
  }
  throw new Error(`no coercion for kind ${spec.kind}`);
}

/** The amounts of a range to add up: empty cells and NA count as zero, text amounts are read. */
function amountsInRange(raw: unknown, spec: ArgSpec): Decimal[] {
  const grid = asGrid(raw);
  const wide = grid[0].length > 1;
  const amounts: Decimal[] = [];
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      const label = `${spec.name} (row ${r + 1}${wide ? `, column ${c + 1}` : ""})`;
      const amount = toDecimal(plainCell(cell, label), label, true);
      checkBounds(amount, NUMBER_RULES.amount as NumberRule, spec, label);
      amounts.push(amount);
    }),
  );
  return amounts;
}

function asGrid(raw: unknown): unknown[][] {
  if (Array.isArray(raw) && raw.length > 0 && Array.isArray(raw[0]) && raw[0].length > 0) return raw as unknown[][];
  return [[raw]];
}

/**
 * Exact plain-number arithmetic for one cell from its first three raw arguments, or undefined when
 * the cell needs the checked Decimal path (text, errors, out-of-range figures).
 */
export type FastPath = (a: unknown, b: unknown, c: unknown) => number | undefined;

/** One result per cell: a value, or the error of that cell. */
export type Cells<T> = (T | FunctionError)[][];

const sizeOf = (grid: unknown[][]) => `${grid.length}×${grid[0].length}`;

/**
 * Evaluates a function over its arguments. Range arguments give one result per cell, as Excel's own
 * array arithmetic does: the result is as tall as the tallest range and as wide as the widest, a
 * single value, row or column is spread across it, and a cell beyond a shorter range is #N/A. An
 * error in one cell is that cell's result; an error in a single-value argument throws. `fast`, when
 * given, may answer a cell from the raw values alone (exact plain-number arithmetic); `undefined`
 * sends the cell through the checked Decimal path.
 */
export function evaluate<T>(
  id: FunctionId,
  raw: readonly unknown[],
  compute: (args: ArgValue[]) => T,
  fast?: FastPath,
): Cells<T | number> {
  const specs: readonly ArgSpec[] = FUNCTION_ARGS[id];
  const grids: (unknown[][] | null)[] = specs.map((spec, i) => (acceptsRange(spec) ? asGrid(raw[i]) : null));
  let rows = 1;
  let cols = 1;
  for (const grid of grids) {
    if (!grid) continue;
    rows = Math.max(rows, grid.length);
    cols = Math.max(cols, grid[0].length);
  }
  const cellRaw: unknown[] = specs.map((_, i) => raw[i]);
  let values: ArgValue[] | null = null;
  const out: Cells<T | number> = [];
  for (let r = 0; r < rows; r++) {
    const row: (T | number | FunctionError)[] = [];
    for (let c = 0; c < cols; c++) {
      let short = -1; // a range that ends before this cell
      for (let i = 0; i < specs.length && short < 0; i++) {
        const grid = grids[i];
        if (!grid) continue;
        const gr = grid.length === 1 ? 0 : r;
        const gc = grid[0].length === 1 ? 0 : c;
        if (gr < grid.length && gc < grid[0].length) cellRaw[i] = grid[gr][gc];
        else short = i;
      }
      if (short >= 0) {
        const name = specs[short].name;
        row.push(
          new FunctionError("#N/A", MESSAGES.beyondRange(name, sizeOf(grids[short] as unknown[][]), r + 1, c + 1)),
        );
        continue;
      }
      const quick = fast?.(cellRaw[0], cellRaw[1], cellRaw[2]);
      if (quick !== undefined) {
        row.push(quick);
        continue;
      }
      // Single-value arguments are checked once, outside the per-cell catch: their error is the call's.
      values ??= specs.map((spec, i) => (grids[i] ? null : coerceArg(raw[i], spec)));
      try {
        for (let i = 0; i < specs.length; i++) if (grids[i]) values[i] = coerceArg(cellRaw[i], specs[i]);
        row.push(compute(values));
      } catch (error) {
        if (!(error instanceof FunctionError)) throw error;
        row.push(error);
      }
    }
    out.push(row);
  }
  return out;
}
