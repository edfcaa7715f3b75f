/**
 * How far rounding reaches (SPEC §5), in one place. A shown figure stands for any value within
 * half a unit of its last shown digit. A sum of n parts may miss its stated total by its reach:
 * the smaller of the hard bound (every part's and the total's half-unit leaning the same way)
 * and four standard deviations of independent roundings, so that a long register cannot hide an
 * overtyped total behind 150 half-units. A percentage or rate is a rounding difference when some
 * values within the bounds of its figures give the stated figure at its own precision. Beyond
 * the reach it is a mismatch.
 */
import { Decimal, formatPlain, roundHalfAway } from "../decimal";
import { Amount, exactValue, hasFigure } from "./reader";

export type Outcome = "equal" | "rounding" | "mismatch";

const halfUnits = new Map<number, Decimal>();

/** Half a unit of the last shown digit: 0.05 at one decimal, 0.5 for whole figures. */
export function halfUnit(decimals: number): Decimal {
  let h = halfUnits.get(decimals);
  if (!h) {
    h = new Decimal(5).times(new Decimal(10).pow(-decimals - 1));
    halfUnits.set(decimals, h);
  }
  return h;
}

/** A stated figure and the one its parts give, when they differ. */
export interface SumDifference {
  outcome: "rounding" | "mismatch";
  stated: Decimal;
  computed: Decimal;
  /** How far rounding of the parts and the total reaches (see roundingReach). */
  tolerance: Reach;
  parts: number;
}

/**
 * How far rounding reaches: a difference up to `limit` is rounding. Where the hard bound is the
 * limit, the limit itself is out of reach: shown figures stand for half-open intervals, so a
 * part shown as 6 (5.5 to just under 6.5) can never make a total shown as 7.
 */
export interface Reach {
  limit: Decimal;
  inclusive: boolean;
}

/** Decides between equal, rounding and mismatch for two figures and the rounding allowed. */
export function classify(stated: Decimal, computed: Decimal, reach: Reach): Outcome {
  const gap = stated.minus(computed).abs();
  if (gap.isZero()) return "equal";
  return (reach.inclusive ? gap.lte(reach.limit) : gap.lt(reach.limit)) ? "rounding" : "mismatch";
}

/**
 * Compares a stated total with the sum of its parts (blanks and NA markers count as zero).
 * Returns null when they agree exactly, or when a figure cannot be read at all. Whole figures and figures of a few decimals are summed
 * as scaled integers (exact below 2^53), so a long column costs no Decimal unless it disagrees.
 */
export function checkSum(parts: readonly Amount[], stated: Amount): SumDifference | null {
  // A formula whose result was never stored cannot be added up: coverage counts it unchecked.
  if (stated.kind === "unknown" || parts.some((p) => p.kind === "unknown")) return null;
  if (wholeSum(parts) === stated.value && stated.exact === null) return null;
  if (sumsExactly(parts, stated)) return null;
  const computed = sumOf(parts);
  const tolerance = roundingReach(shownDecimals(parts, stated));
  const statedValue = exactValue(stated);
  const outcome = classify(statedValue, computed, tolerance);
  if (outcome === "equal" || sameWhenShown(statedValue, computed, shownPlaces(parts, stated))) return null;
  return { outcome, stated: statedValue, computed, tolerance, parts: parts.filter(hasFigure).length };
}

/** The finest precision a total (when given) and its parts are shown at; at least 0 without a total. */
export function shownPlaces(parts: readonly Amount[], stated?: Amount): number {
  let places = stated ? stated.decimals : 0;
  for (const p of parts) if (hasFigure(p) && p.decimals > places) places = p.decimals;
  return places;
}

/**
 * Two figures that print the same at the finest shown precision: what is left between them is
 * binary arithmetic in the stored values (a SUM of formula results), not a difference on paper.
 */
export function sameWhenShown(a: Decimal, b: Decimal, places: number): boolean {
  const p = Math.max(0, places);
  return roundHalfAway(a, p).eq(roundHalfAway(b, p));
}

/** The sum of the figures of some amounts, exactly. */
export function sumOf(parts: readonly Amount[]): Decimal {
  const fast = scaledSum(parts);
  if (fast) return new Decimal(fast.sum).times(new Decimal(10).pow(-fast.scale));
  let sum = new Decimal(0);
  for (const p of parts) if (hasFigure(p)) sum = sum.plus(exactValue(p));
  return sum;
}

/** The decimals every figure of a sum is shown at: its parts' (those with a figure) and, when given, the total's. */
export function shownDecimals(parts: readonly Amount[], stated?: Amount): number[] {
  const decimals: number[] = [];
  for (const p of parts) if (hasFigure(p)) decimals.push(p.decimals);
  if (stated) decimals.push(stated.decimals);
  return decimals;
}

/** A reach for messages: to two decimals past the figures' own, never rounded up (2.5, 20.03). */
export function formatReach(reach: Reach, places: number): string {
  return formatPlain(reach.limit.toDecimalPlaces(Math.max(0, places) + 2, Decimal.ROUND_DOWN));
}

const FOUR = new Decimal(4);
const TWELVE = new Decimal(12);

/**
 * How far independent roundings of figures shown at these decimals can move a sum: the smaller
 * of the hard bound (the sum of their half-units) and 4σ, where one rounding to a unit u is
 * uniform over ±u/2 (variance u²/12), so σ = √(Σ u²/12). Four whole parts and their total reach
 * 2.5 (4σ is 2.58); 300 whole lines and their total reach 20.03, not 150.5.
 */
export function roundingReach(decimals: readonly number[]): Reach {
  const counts = new Map<number, number>();
  for (const d of decimals) counts.set(d, (counts.get(d) ?? 0) + 1);
  let hard = new Decimal(0);
  let variance = new Decimal(0);
  for (const [d, count] of counts) {
    const half = halfUnit(d);
    hard = hard.plus(half.times(count));
    variance = variance.plus(half.times(2).pow(2).times(count).dividedBy(TWELVE));
  }
  const fourSigma = FOUR.times(variance.sqrt());
  return fourSigma.lt(hard) ? { limit: fourSigma, inclusive: true } : { limit: hard, inclusive: false };
}

/**
 * The sum of whole figures (most £000 and £ tables), exact as a double while every partial sum
 * is a safe integer; NaN when a figure is not whole or is held as a Decimal. Allocates nothing.
 */
function wholeSum(parts: readonly Amount[]): number {
  let sum = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind !== "number" && p.kind !== "text") continue;
    if (p.exact !== null || !Number.isInteger(p.value)) return NaN;
    sum += p.value;
    if (!Number.isSafeInteger(sum)) return NaN;
  }
  return sum;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** The double as an integer times 10^-scale, when it is exactly such a decimal of up to 6 places. */
export function scaledValue(value: number): { int: number; scale: number } | null {
  for (let k = 0; k < POW10.length; k++) {
    const int = Math.round(value * POW10[k]);
    if (int / POW10[k] === value) return Number.isSafeInteger(int) && Math.abs(int) < 1e15 ? { int, scale: k } : null;
  }
  return null;
}

/** Sum of figures as a safe integer at a common scale; null when it cannot be done exactly. */
function scaledSum(parts: readonly Amount[]): { sum: number; scale: number } | null {
  let sum = 0;
  let scale = 0;
  for (const p of parts) {
    if (!hasFigure(p)) continue;
    if (p.exact) return null;
    const s = scaledValue(p.value);
    if (!s) return null;
    let int = s.int;
    if (s.scale > scale) {
      sum *= POW10[s.scale - scale];
      scale = s.scale;
    } else if (s.scale < scale) {
      int *= POW10[scale - s.scale];
    }
    sum += int;
    if (!Number.isSafeInteger(sum)) return null;
  }
  return { sum, scale };
}

function sumsExactly(parts: readonly Amount[], stated: Amount): boolean {
  if (stated.exact) return false;
  const total = scaledValue(stated.value);
  const sum = scaledSum(parts);
  if (!total || !sum) return false;
  const scale = Math.max(total.scale, sum.scale);
  const a = total.int * POW10[scale - total.scale];
  const b = sum.sum * POW10[scale - sum.scale];
  return Number.isSafeInteger(a) && Number.isSafeInteger(b) && a === b;
}

/** A figure as shown: its value and the decimals it is shown with. */
export interface Shown {
  value: Decimal;
  decimals: number;
}

export interface RatioDifference {
  outcome: "rounding" | "mismatch";
  /** The stated figure as shown. */
  stated: Decimal;
  /** numerator / denominator × scale at the stated figure's precision. */
  computed: Decimal;
}

/**
 * Checks a stated ratio (a % of budget with scale 100, a rate per 10,000 with scale 10,000)
 * against its figures. Null when they agree at the stated figure's precision, or when the
 * denominator is zero (nothing to compare).
 */
export function checkRatio(
  numerator: Shown,
  denominator: Shown,
  stated: Shown,
  scale: Decimal,
): RatioDifference | null {
  if (denominator.value.isZero()) return null;
  const places = Math.max(0, stated.decimals);
  const shown = roundHalfAway(stated.value, places);
  const computed = roundHalfAway(numerator.value.dividedBy(denominator.value).times(scale), places);
  if (computed.eq(shown)) return null;
  const hn = halfUnit(numerator.decimals);
  const hd = halfUnit(denominator.decimals);
  const dLow = denominator.value.minus(hd);
  const dHigh = denominator.value.plus(hd);
  // A denominator that could be zero allows any ratio.
  if (dLow.lte(0) && dHigh.gte(0)) return { outcome: "rounding", stated: shown, computed };
  const nLow = numerator.value.minus(hn);
  const nHigh = numerator.value.plus(hn);
  const corners = [nLow.dividedBy(dLow), nLow.dividedBy(dHigh), nHigh.dividedBy(dLow), nHigh.dividedBy(dHigh)].map(
    (r) => r.times(scale),
  );
  const low = Decimal.min(...corners);
  const high = Decimal.max(...corners);
  // The figures' bounds are half-open ([v - h, v + h) for a positive v), so the ratio never
  // reaches its corners: a highest ratio of exactly 35.5 means 35.4999…, which shows as 35, not 36.
  const hs = halfUnit(places);
  const reachable = high.gt(shown.minus(hs)) && low.lt(shown.plus(hs));
  return { outcome: reachable ? "rounding" : "mismatch", stated: shown, computed };
}
