import { Decimal } from "./decimal";
import { Unit } from "./units";

/** Kinds of footnote marker people type after a figure: `2,800**`, `1,368*`, `3.2 ¹`, `4.0†`. */
const MARKER_KINDS = ["*", "†‡§¶", "¹²³⁰⁴⁵⁶⁷⁸⁹"];

/**
 * The footnote markers typed at the end of `text` and the text before them (trimmed): `2,800 **`
 * gives `2,800` and `["**"]`, `1,368*†` gives `1,368` and `["*", "†"]`. One scan from the end.
 */
export function splitFootnoteMarkers(text: string): { rest: string; markers: string[] } {
  const markers: string[] = [];
  let end = text.length;
  for (;;) {
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    const kind = end > 0 ? MARKER_KIND_OF.get(text.charCodeAt(end - 1)) : undefined;
    if (kind === undefined) break;
    let start = end - 1;
    while (start > 0 && MARKER_KIND_OF.get(text.charCodeAt(start - 1)) === kind) start--;
    markers.push(text.slice(start, end));
    end = start;
  }
  return { rest: text.slice(0, end), markers: markers.reverse() };
}

/** Each marker character's kind (its index in MARKER_KINDS), by character code. */
const MARKER_KIND_OF = new Map<number, number>();
MARKER_KINDS.forEach((kind, i) => {
  for (let k = 0; k < kind.length; k++) MARKER_KIND_OF.set(kind.charCodeAt(k), i);
});

/** White space as String.prototype.trim removes it. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

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
  const split = splitFootnoteMarkers(text.normalize("NFC").trim());
  const markers = split.markers;
  let t = split.rest;
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
  if (hasPound) t = t.slice(1).replace(/^\s+/, "");
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
