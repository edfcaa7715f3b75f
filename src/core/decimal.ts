import DecimalJs from "decimal.js";

/**
 * The one Decimal constructor of the project. ROUND_HALF_UP in decimal.js rounds ties away from
 * zero, which is what Excel's ROUND does; 40 significant digits keep sums of thousands of £000
 * figures and the quotients of percentages exact well past anything a sheet shows.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

/**
 * A cell's number as Excel means it: Excel keeps 15 significant digits, so a stored double such
 * as 0.30000000000000004 is the 0.3 the user sees and typed.
 */
export function decimalFromNumber(value: number): Decimal {
  return new Decimal(value.toPrecision(15));
}

/** Half away from zero at `places` decimals (Excel's ROUND). */
export function roundHalfAway(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Plain decimal text without grouping, exponent or trailing zeros: 17908800, 30.132, -32. */
export function formatPlain(value: Decimal): string {
  const text = value.toFixed();
  return text === "-0" ? "0" : text;
}

/** Back to a JavaScript number for a host (Excel cells hold doubles). */
export function toNumber(value: Decimal): number {
  const n = value.toNumber();
  return Object.is(n, -0) ? 0 : n;
}

/** Number of decimals a number was typed with (General format shows what was typed). */
export function decimalsTyped(value: number): number {
  return Math.max(0, decimalFromNumber(value).decimalPlaces());
}
