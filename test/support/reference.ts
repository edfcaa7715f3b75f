/**
 * An independent reference for the property tests: exact ratios in BigInt, rounded half away from
 * zero. Figures are given as scaled integers (value = units / 10^scale), so nothing passes through
 * binary floating point or decimal.js.
 */
export interface Scaled {
  units: bigint;
  scale: number;
}

const TEN = BigInt(10);

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** numerator / denominator × 10^power rounded half away from zero at `places` decimals, as plain decimal text. */
export function referenceRatio(numerator: Scaled, denominator: Scaled, power: number, places: number): string {
  const top = numerator.units * pow10(denominator.scale + power + places);
  const bottom = denominator.units * pow10(numerator.scale);
  let quotient = top / bottom;
  const remainder = top % bottom;
  const abs = (x: bigint) => (x < BigInt(0) ? -x : x);
  if (BigInt(2) * abs(remainder) >= abs(bottom))
    quotient += top < BigInt(0) !== bottom < BigInt(0) ? BigInt(-1) : BigInt(1);
  return plain(quotient, places);
}

/** units / 10^scale as plain decimal text without trailing zeros: 251, 1 → "25.1". */
export function plain(units: bigint, scale: number): string {
  const negative = units < BigInt(0);
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== "0" ? `-${text}` : text;
}

/** The JavaScript number a scaled figure is when typed into a cell. */
export function asNumber(value: Scaled): number {
  return Number(plain(value.units, value.scale));
}
