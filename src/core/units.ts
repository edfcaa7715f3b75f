import { Decimal } from "./decimal";

/** The money units of the savings template. */
export type Unit = "£" | "£000" | "£m";
export const UNITS: readonly Unit[] = ["£", "£000", "£m"];

const POUNDS_PER_UNIT: Record<Unit, Decimal> = {
  "£": new Decimal(1),
  "£000": new Decimal(1000),
  "£m": new Decimal(1000000),
};

/** Converts an amount between £, £000 and £m, exactly. */
export function convertUnit(value: Decimal, from: Unit, to: Unit): Decimal {
  if (from === to) return value;
  return value.times(POUNDS_PER_UNIT[from]).dividedBy(POUNDS_PER_UNIT[to]);
}

/**
 * Reads a unit as people write it: `£000`, `£'000`, `£k`, `000s`, `£m`, `£M`, `£ million`, `£`,
 * `pounds`. Returns null for anything else.
 */
export function parseUnit(text: string): Unit | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s()[\]']/g, "")
    .replace(/^gbp/, "£");
  if (t === "£" || t === "pounds" || t === "£s") return "£";
  if (
    t === "£000" ||
    t === "£000s" ||
    t === "£k" ||
    t === "000" ||
    t === "000s" ||
    t === "£thousand" ||
    t === "£thousands"
  )
    return "£000";
  if (t === "£m" || t === "£mn" || t === "£million" || t === "£millions" || t === "m") return "£m";
  return null;
}

/** Finds a unit stated inside header text: `Total Budget £000`, `Savings (£m)`. */
export function unitInText(text: string): Unit | null {
  // A £ followed by a figure (`£161.4m`) is an amount, not a unit.
  const match = /£\s*'?\s*(000s?|k\b|m(?:illions?|n)?\b)?(?![\s\d.,])/i.exec(text);
  if (!match) return null;
  return parseUnit("£" + (match[1] ?? ""));
}
