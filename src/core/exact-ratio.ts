/**
 * Exact `numerator / denominator × 10^power`, rounded half away from zero, in plain JavaScript
 * numbers: the fast path of SAVINGS.PCT and CLA.RATE. Both figures are read as Excel reads them (15
 * significant digits, as decimalFromNumber does) and turned into scaled integers; while every
 * integer stays below 2^53 the arithmetic is exact, so the answer is the Decimal path's to the last
 * bit. Anything else returns undefined and goes through Decimal.
 */

const POW10 = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
  1e22,
];
/** Decimals a figure may have for the fast path; more go through Decimal. */
const MAX_SCALE = 6;
const SAFE = Number.MAX_SAFE_INTEGER;

/** Decimals k such that `value` is the double nearest to an integer below 10^15 times 10^-k, else -1. */
function scaleOf(value: number): number {
  for (let k = 0; k <= MAX_SCALE; k++) {
    const scaled = Math.round(value * POW10[k]);
    // scaled / 10^k is correctly rounded, so equality means `value` is that decimal as Excel reads it.
    if (scaled / POW10[k] === value) return Math.abs(scaled) < 1e15 ? k : -1;
  }
  return -1;
}

/**
 * `numerator / denominator × 10^power` rounded half away from zero to `places` decimals (unrounded
 * when null), or undefined when the figures are outside the exact fast path. `denominator` must be
 * positive and finite; callers check their own arguments first.
 */
export function exactRatio(
  numerator: number,
  denominator: number,
  power: number,
  places: number | null,
): number | undefined {
  const kn = scaleOf(numerator);
  const kd = scaleOf(denominator);
  if (kn < 0 || kd < 0) return undefined;
  const shift = kd + power + (places ?? 0);
  if (shift > 22) return undefined;
  // numerator / denominator × 10^(power + places) = (n·10^kd·10^(power+places)) / (d·10^kn), n and d the scaled integers.
  const top = Math.round(numerator * POW10[kn]) * POW10[shift];
  const bottom = Math.round(denominator * POW10[kd]) * POW10[kn];
  if (Math.abs(top) + bottom >= SAFE) return undefined;
  // One division of two exact integers is correctly rounded: what Decimal's toNumber gives too.
  if (places === null) return top / bottom + 0;
  const size = Math.abs(top);
  let quotient = Math.floor(size / bottom);
  let remainder = size - quotient * bottom;
  if (remainder < 0) {
    quotient -= 1;
    remainder += bottom;
  } else if (remainder >= bottom) {
    quotient += 1;
    remainder -= bottom;
  }
  if (2 * remainder >= bottom) quotient += 1;
  const result = quotient / POW10[places];
  return top < 0 && quotient !== 0 ? -result : result;
}
