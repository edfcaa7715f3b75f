/* global CustomFunctions */
/**
 * The custom functions, as Excel shows them in formula autocomplete. Each checks its arguments
 * against the table in src/core/function-args.ts, computes in src/core (Decimal, rounding half away
 * from zero) and turns a FunctionError into a CustomFunctions.Error, thrown so that its message
 * shows. Amount and count arguments take ranges and then return one result per cell, with an error
 * in a cell as that cell's result. `savings-check eval` runs these same functions in Node.
 *
 * webpack builds this file and the core it imports for ECMAScript 2016 (tsconfig.functions.json),
 * the JavaScript-only runtime of the oldest Excel that installs the add-in: no newer built-ins here.
 *
 * The webpack build appends CustomFunctions.associate() for each @customfunction id; nothing here
 * touches CustomFunctions until a function runs, so Node can load this file with a small stand-in.
 */
import { claChildren, claCost, claRate, claRateOfNumbers, claReduction, claSaving } from "../core/cla";
import { Decimal, toNumber } from "../core/decimal";
import { FunctionError } from "../core/excel-errors";
import { MESSAGES } from "../core/messages";
import { ArgValue, CalendarDate, Cells, FastPath, FunctionId, TextAmount, evaluate } from "../core/function-args";
import {
  savingsConvert,
  savingsFy,
  savingsFyNext,
  savingsGap,
  savingsParse,
  savingsPct,
  savingsPctOfNumbers,
  savingsPhase,
  savingsTotal,
} from "../core/savings";
import { Unit } from "../core/units";

const ERROR_CODES = {
  "#VALUE!": "invalidValue",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
  "#N/A": "notAvailable",
} as const;

/** What Excel shows for an error: its code, and the message (Excel displays it for #VALUE! and #N/A). */
function excelError(error: unknown): CustomFunctions.Error {
  if (error instanceof FunctionError) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[ERROR_CODES[error.code]], error.message);
  }
  // Not expected: still an Excel error with a message, never an exception the user cannot read.
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `internal error: ${message}`);
}

/** A result as the number a cell holds; beyond what a double holds is #NUM!, as in Excel. */
function cellNumber(value: Decimal): number {
  const n = toNumber(value);
  if (!Number.isFinite(n)) throw new FunctionError("#NUM!", MESSAGES.resultTooLarge());
  return n;
}

/** A function with range arguments: one result per cell; a single error of a single-cell call is thrown. */
function perCell(
  id: FunctionId,
  args: unknown[],
  compute: (values: ArgValue[]) => Decimal,
  fast?: FastPath,
): number[][] {
  // A one-cell call of plain numbers (most calls) skips the per-cell machinery.
  if (fast) {
    const quick = fast(onlyCell(args[0]), onlyCell(args[1]), args[2]);
    if (quick !== undefined) return [[quick]];
  }
  let cells: Cells<number>;
  try {
    cells = evaluate(id, args, (values) => cellNumber(compute(values)), fast);
  } catch (error) {
    throw excelError(error);
  }
  if (cells.length === 1 && cells[0].length === 1 && cells[0][0] instanceof FunctionError)
    throw excelError(cells[0][0]);
  // Excel shows an error object inside a returned array as that cell's error.
  return cells.map((row) =>
    row.map((cell) => (cell instanceof FunctionError ? (excelError(cell) as unknown as number) : cell)),
  );
}

/** A function with single-value arguments only: its one result, or its error thrown. */
function oneValue<T>(id: FunctionId, args: unknown[], compute: (values: ArgValue[]) => T): T {
  try {
    const only = evaluate(id, args, compute)[0][0];
    if (only instanceof FunctionError) throw only;
    return only as T;
  } catch (error) {
    throw excelError(error);
  }
}

/** The value of a 1×1 range (Excel passes a single cell to a range argument that way); else the argument itself. */
function onlyCell(arg: unknown): unknown {
  return Array.isArray(arg) && arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1 ? arg[0][0] : arg;
}

/**
 * Saving as a percentage of budget, exact, rounded half away from zero like ROUND. Give ranges to get one percentage per row.
 * @customfunction SAVINGS.PCT
 * @param budget Budget, a cell or a range (e.g. B5:B11). Must not be zero or negative.
 * @param saving Saving, a cell or a range: the size of budget, or one row or column spread across it.
 * @param [decimals] Decimals to round to, 0 to 15 (e.g. 1 gives 25.1). Omit for the unrounded percentage.
 * @returns Saving / budget × 100.
 */
export function savingsPctFunction(budget: any[][], saving: any[][], decimals?: any): number[][] {
  return perCell(
    "SAVINGS.PCT",
    [budget, saving, decimals],
    ([b, s, d]) => savingsPct(b as Decimal, s as Decimal, d as number | null),
    savingsPctOfNumbers,
  );
}

/**
 * Exact total of a range that also reads amounts typed as text (2,800**, (1,250)); NA, n/a, - and blanks are 0. SUM skips text.
 * @customfunction SAVINGS.TOTAL
 * @param range The amounts to add up, e.g. C5:C11.
 * @returns The exact total.
 */
export function savingsTotalFunction(range: any[][]): number {
  return oneValue("SAVINGS.TOTAL", [range], ([amounts]) => cellNumber(savingsTotal(amounts as Decimal[])));
}

/**
 * Savings target minus proposals: positive is a shortfall, negative is a margin.
 * @customfunction SAVINGS.GAP
 * @param target Savings target, a cell or a range.
 * @param proposals Total of the savings proposals, a cell or a range.
 * @returns Target - proposals.
 */
export function savingsGapFunction(target: any[][], proposals: any[][]): number[][] {
  return perCell("SAVINGS.GAP", [target, proposals], ([t, p]) => savingsGap(t as Decimal, p as Decimal));
}

/**
 * Reads an amount written as text (£4.462m, £189k, 2,800**, (1,250)) as a number in the unit you give. NA and blanks are 0.
 * @customfunction SAVINGS.PARSE
 * @param text The amount as text, a cell or a range.
 * @param [unit] Unit of the result: "£" (default), "£000" or "£m".
 * @returns The amount in the unit.
 */
export function savingsParseFunction(text: any[][], unit?: any): number[][] {
  return perCell("SAVINGS.PARSE", [text, unit], ([t, u]) => savingsParse(t as TextAmount, u as Unit));
}

/**
 * Converts an amount between £, £000 and £m, exactly.
 * @customfunction SAVINGS.CONVERT
 * @param value The amount, a cell or a range.
 * @param from Unit of the amount: "£", "£000" or "£m".
 * @param to Unit wanted: "£", "£000" or "£m".
 * @returns The amount in the new unit.
 */
export function savingsConvertFunction(value: any[][], from: any, to: any): number[][] {
  return perCell("SAVINGS.CONVERT", [value, from, to], ([v, f, t]) =>
    savingsConvert(v as Decimal, f as Unit, t as Unit),
  );
}

/**
 * Part-year effect of a saving starting within a financial year: full year × months left (counting the start's month) / 12.
 * @customfunction SAVINGS.PHASE
 * @param full_year Full-year saving, a cell or a range.
 * @param start Date the saving starts (a date cell, or text such as 2017-10-01).
 * @param [fy] Financial year, e.g. "2017/18". Omit for the year the start date falls in.
 * @returns The saving in that financial year.
 */
export function savingsPhaseFunction(full_year: any[][], start: any, fy?: any): number[][] {
  return perCell("SAVINGS.PHASE", [full_year, start, fy], ([f, s, y]) =>
    savingsPhase(f as Decimal, s as CalendarDate, y as number | null),
  );
}

/**
 * Financial-year label of a date: 1 April 2017 to 31 March 2018 is 2017/18.
 * @customfunction SAVINGS.FY
 * @param date A date cell, or text such as 2017-10-01.
 * @returns The label, e.g. 2017/18.
 */
export function savingsFyFunction(date: any): string {
  return oneValue("SAVINGS.FY", [date], ([d]) => savingsFy(d as CalendarDate));
}

/**
 * The financial-year label n years on: SAVINGS.FYNEXT("2015/16") is 2016/17.
 * @customfunction SAVINGS.FYNEXT
 * @param fy A financial year: 2015/16, 2015-16, 2015/2016, 15/16 or FY2015/16.
 * @param [n] Years on, default 1; negative goes back.
 * @returns The label in 2016/17 form.
 */
export function savingsFyNextFunction(fy: any, n?: any): string {
  return oneValue("SAVINGS.FYNEXT", [fy, n], ([y, k]) => savingsFyNext(y as number, k as number));
}

/**
 * Children looked after per 10,000 children aged under 18, exact, rounded half away from zero.
 * @customfunction CLA.RATE
 * @param children Number of children looked after, a cell or a range.
 * @param population Child population aged 0-17, a cell or a range. Must not be zero.
 * @param [decimals] Decimals to round to, 0 to 15. Omit for the unrounded rate.
 * @returns Children / population × 10,000.
 */
export function claRateFunction(children: any[][], population: any[][], decimals?: any): number[][] {
  return perCell(
    "CLA.RATE",
    [children, population, decimals],
    ([c, p, d]) => claRate(c as Decimal, p as Decimal, d as number | null),
    claRateOfNumbers,
  );
}

/**
 * Number of children looked after that a rate per 10,000 implies.
 * @customfunction CLA.CHILDREN
 * @param rate Rate per 10,000 children, a cell or a range.
 * @param population Child population aged 0-17, a cell or a range.
 * @returns Rate × population / 10,000.
 */
export function claChildrenFunction(rate: any[][], population: any[][]): number[][] {
  return perCell("CLA.CHILDREN", [rate, population], ([r, p]) => claChildren(r as Decimal, p as Decimal));
}

/**
 * Reduction in children looked after needed to reach a target rate per 10,000 (negative: already below the target).
 * @customfunction CLA.REDUCTION
 * @param children Number of children looked after now, a cell or a range.
 * @param target_rate Target rate per 10,000 children, a cell or a range.
 * @param population Child population aged 0-17, a cell or a range.
 * @returns Children - target_rate × population / 10,000.
 */
export function claReductionFunction(children: any[][], target_rate: any[][], population: any[][]): number[][] {
  return perCell("CLA.REDUCTION", [children, target_rate, population], ([c, t, p]) =>
    claReduction(c as Decimal, t as Decimal, p as Decimal),
  );
}

/**
 * Annual cost of placements: weekly cost × children × weeks.
 * @customfunction CLA.COST
 * @param weekly_cost Weekly cost of one placement, a cell or a range.
 * @param children Number of children, a cell or a range.
 * @param [weeks] Weeks in the year, 1 to 53; leave it out for 52.
 * @returns The annual cost.
 */
export function claCostFunction(weekly_cost: any[][], children: any[][], weeks?: any): number[][] {
  return perCell("CLA.COST", [weekly_cost, children, weeks], ([w, c, k]) =>
    claCost(w as Decimal, c as Decimal, k as Decimal),
  );
}

/**
 * Annual saving from fewer children in care: children fewer × weekly cost × weeks.
 * @customfunction CLA.SAVING
 * @param children_fewer How many fewer children are looked after, a cell or a range.
 * @param weekly_cost Weekly cost of one placement, a cell or a range.
 * @param [weeks] Weeks in the year, 1 to 53; leave it out for 52.
 * @returns The annual saving.
 */
export function claSavingFunction(children_fewer: any[][], weekly_cost: any[][], weeks?: any): number[][] {
  return perCell("CLA.SAVING", [children_fewer, weekly_cost, weeks], ([c, w, k]) =>
    claSaving(c as Decimal, w as Decimal, k as Decimal),
  );
}

/** The functions by id, for `savings-check eval` and the tests (the add-in registers them by JSDoc). */
export const FUNCTIONS: Record<FunctionId, (...args: any[]) => number | string | number[][]> = {
  "SAVINGS.PCT": savingsPctFunction,
  "SAVINGS.TOTAL": savingsTotalFunction,
  "SAVINGS.GAP": savingsGapFunction,
  "SAVINGS.PARSE": savingsParseFunction,
  "SAVINGS.CONVERT": savingsConvertFunction,
  "SAVINGS.PHASE": savingsPhaseFunction,
  "SAVINGS.FY": savingsFyFunction,
  "SAVINGS.FYNEXT": savingsFyNextFunction,
  "CLA.RATE": claRateFunction,
  "CLA.CHILDREN": claChildrenFunction,
  "CLA.REDUCTION": claReductionFunction,
  "CLA.COST": claCostFunction,
  "CLA.SAVING": claSavingFunction,
};
