import { Decimal } from "./decimal";
import { Unit } from "./units";

/** Footnote markers people type after a figure: `2,800**`, `1,368*`, `3.2 ¹`, `4.0†`. */
export const FOOTNOTE_MARKER = /(\*+|[†‡§¶]+|[¹²³⁰⁴⁵⁶⁷⁸⁹]+)$/u;

/** Text that means "not applicable": counts as zero and is never an error by itself. */
const NOT_APPLICABLE = new Set(["na", "n/a", "n.a.", "-", "–", "—", "nil", "none", ""]);

export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.has(text.trim().toLowerCase());
}

export interface ParsedAmount {
  /** The figure in `unit` (or as written when the text names no unit). */
  value: Decimal;
  /** The unit the text names (`£4.462m` names £m), null when it names none. */
  unit: Unit | null;
  /** Decimals the figure was written with: its shown precision. */
  decimals: number;
  /** Footnote markers typed with the figure, e.g. `**`. */
  markers: string[];
}

const SCALE_SUFFIX: Record<string, { unit: Unit; factor: number }> = {
  k: { unit: "£000", factor: 1 },
  m: { unit: "£m", factor: 1 },
  mn: { unit: "£m", factor: 1 },
  million: { unit: "£m", factor: 1 },
  bn: { unit: "£m", factor: 1000 },
  billion: { unit: "£m", factor: 1000 },
};

/**
 * Reads an amount written as text: `£4.462m`, `£189k`, `£30.1m`, `2,800**`, `3.2 ¹`, `(1,250)`,
 * `-£1.5m`, `1,368*`, `£750K`. Returns null when the text is not an amount (words, NA markers,
 * dates). Grouping commas must sit every three digits, so `1,2` is not read as 12.
 */
export function parseAmountText(text: string): ParsedAmount | null {
  let t = text.normalize("NFC").trim();
  const markers: string[] = [];
  for (let m = FOOTNOTE_MARKER.exec(t); m; m = FOOTNOTE_MARKER.exec(t)) {
    markers.unshift(m[1]);
    t = t.slice(0, m.index).trim();
  }
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(t);
  if (bracketed) {
    negative = true;
    t = bracketed[1].trim();
  }
  const sign = /^([-−–+])\s*/.exec(t);
  if (sign) {
    if (negative && sign[1] !== "+") return null;
    negative = sign[1] !== "+";
    t = t.slice(sign[0].length);
  }
  const hasPound = t.startsWith("£");
  if (hasPound) t = t.slice(1).trim();
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?\s*([a-z]*)$/i.exec(t);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  const suffix = match[3].toLowerCase();
  let unit: Unit | null = hasPound ? "£" : null;
  let factor = 1;
  if (suffix !== "") {
    const scale = SCALE_SUFFIX[suffix];
    if (!scale) return null;
    unit = scale.unit;
    factor = scale.factor;
  }
  const digits = (match[1] ?? "0").replace(/,/g, "") + (match[2] !== undefined ? "." + match[2] : "");
  let value = new Decimal(digits).times(factor);
  if (negative) value = value.negated();
  return { value, unit, decimals: match[2]?.length ?? 0, markers };
}
