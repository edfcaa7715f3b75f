/** The savings arithmetic of SPEC §3, in Decimal: what SAVINGS.* compute once their arguments are checked. */
import { Decimal, roundHalfAway } from "./decimal";
import { FunctionError } from "./excel-errors";
import { exactRatio } from "./exact-ratio";
import { CalendarDate, TextAmount } from "./function-args";
import { financialYearOfDate, formatFinancialYear, monthsRemainingInYear } from "./financial-year";
import { MESSAGES } from "./messages";
import { Unit, convertUnit } from "./units";

/** Saving as a percentage of budget, rounded half away from zero when `decimals` is given. */
export function savingsPct(budget: Decimal, saving: Decimal, decimals: number | null): Decimal {
  if (budget.isZero()) throw new FunctionError("#DIV/0!", MESSAGES.zero("budget"));
  const pct = saving.times(100).dividedBy(budget);
  return decimals === null ? pct : roundHalfAway(pct, decimals);
}

/**
 * SAVINGS.PCT on plain numbers without Decimal, exactly; undefined when any argument needs the
 * checked path (text, a zero or negative budget, a bad `decimals`, figures beyond the fast path).
 */
export function savingsPctOfNumbers(budget: unknown, saving: unknown, decimals: unknown): number | undefined {
  if (typeof budget !== "number" || typeof saving !== "number" || !(budget > 0 && budget <= 1e15)) return undefined;
  const places = plainDecimals(decimals);
  return places === undefined ? undefined : exactRatio(saving, budget, 2, places);
}

/** A `decimals` argument usable as is: null when omitted, a whole number 0-15, else undefined. */
export function plainDecimals(decimals: unknown): number | null | undefined {
  if (decimals === null || decimals === undefined) return null;
  return typeof decimals === "number" && Number.isInteger(decimals) && decimals >= 0 && decimals <= 15
    ? decimals
    : undefined;
}

/** Exact sum (Excel's SUM in binary floating point can drift on thousands of £000 figures). */
export function savingsTotal(amounts: readonly Decimal[]): Decimal {
  return amounts.reduce((sum, amount) => sum.plus(amount), new Decimal(0));
}

/** Target minus proposals: positive is a shortfall, negative a margin. */
export function savingsGap(target: Decimal, proposals: Decimal): Decimal {
  return target.minus(proposals);
}

/** An amount read from text in `unit`: `£4.462m` in £ is 4462000; a figure naming no unit is taken as it is. */
export function savingsParse(amount: TextAmount, unit: Unit): Decimal {
  return amount.unit ? convertUnit(amount.value, amount.unit, unit) : amount.value;
}

export function savingsConvert(value: Decimal, from: Unit, to: Unit): Decimal {
  return convertUnit(value, from, to);
}

/**
 * Part-year effect of a saving that starts on `start`, in financial year `fy` (the start's own year
 * when null): the full-year saving × months left / 12, counting the month the start falls in. A
 * saving that started before the year counts in full; one that starts after it, not at all.
 */
export function savingsPhase(fullYear: Decimal, start: CalendarDate, fy: number | null): Decimal {
  const startYear = financialYearOfDate(start.year, start.month);
  const year = fy ?? startYear;
  const months = startYear < year ? 12 : startYear > year ? 0 : monthsRemainingInYear(start.month);
  return fullYear.times(months).dividedBy(12);
}

/** The first and last financial years wholly within Excel's dates (1 January 1900 to 31 December 9999). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9998;

/** The label of the year starting in `startYear`, the same years for SAVINGS.FY and SAVINGS.FYNEXT. */
function yearLabel(startYear: number): string {
  if (startYear < FIRST_YEAR || startYear > LAST_YEAR) {
    const [first, last] = [FIRST_YEAR, LAST_YEAR].map(formatFinancialYear);
    throw new FunctionError("#NUM!", MESSAGES.yearOutOfRange(first, last, String(startYear)));
  }
  return formatFinancialYear(startYear);
}

/** The financial-year label (`2017/18`) of a date. */
export function savingsFy(date: CalendarDate): string {
  return yearLabel(financialYearOfDate(date.year, date.month));
}

/** The label `n` years on from the financial year starting in `startYear` (n may be negative). */
export function savingsFyNext(startYear: number, n: number): string {
  return yearLabel(startYear + n);
}
