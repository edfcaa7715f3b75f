import { Decimal } from "./decimal";

/** The money units councils state: pounds, thousands, millions, billions. */
export type Unit = "£" | "£000" | "£m" | "£bn";
export const UNITS: readonly Unit[] = ["£", "£000", "£m", "£bn"];

/** Powers of ten of a pound in each unit. */
export const UNIT_DIGITS: Record<Unit, number> = { "£": 0, "£000": 3, "£m": 6, "£bn": 9 };

/** Converts an amount between £, £000, £m and £bn, exactly. */
export function convertUnit(value: Decimal, from: Unit, to: Unit): Decimal {
  if (from === to) return value;
  return value.times(new Decimal(10).pow(UNIT_DIGITS[from] - UNIT_DIGITS[to]));
}

/** What follows the pound sign (or GBP), lower case and without spaces or quotes, for each unit. */
const SCALE_WORDS: Record<string, Unit> = {
  "": "£",
  s: "£",
  "000": "£000",
  "000s": "£000",
  k: "£000",
  thousand: "£000",
  thousands: "£000",
  m: "£m",
  ms: "£m",
  mn: "£m",
  million: "£m",
  millions: "£m",
  bn: "£bn",
  billion: "£bn",
  billions: "£bn",
};

/**
 * Reads a unit as people write it in a cell of its own: `£000`, `£'000`, `£k`, `000s`, `£m`, `£M`,
 * `£ms`, `£ million`, `£bn`, `£`, `GBP`, `GBP'000`, `(£ thousands)`, `pounds`. Null for anything else.
 */
export function parseUnit(text: string): Unit | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s()[\]'’]/g, "")
    .replace(/^gbp/, "£");
  if (t === "pounds") return "£";
  if (t === "000" || t === "000s") return "£000";
  if (t === "m") return "£m";
  if (!t.startsWith("£")) return null;
  return SCALE_WORDS[t.slice(1)] ?? null;
}

/**
 * A unit inside header text: `Total Budget £000`, `Savings (£m)`, `£ thousands`, `(GBP)`,
 * `GBP'000`. A pound sign followed by a figure (`£161.4m`) is an amount, not a unit.
 */
const UNIT_IN_TEXT =
  /(£|\bgbp)\s*['’]?\s*(000s|000|k|ms|mn|millions|million|m|bn|billions|billion|thousands|thousand)?(?![\w.,]|\s*\d)/i;

/** The unit stated inside header text, or null. */
export function unitInText(text: string): Unit | null {
  const match = UNIT_IN_TEXT.exec(text);
  if (!match) return null;
  return SCALE_WORDS[(match[2] ?? "").toLowerCase()] ?? null;
}

/** The unit stated in header text, and the text with it taken out (so that words are read alone). */
export function takeUnit(text: string): { unit: Unit | null; rest: string } {
  const match = UNIT_IN_TEXT.exec(text);
  if (!match) return { unit: null, rest: text };
  return {
    unit: SCALE_WORDS[(match[2] ?? "").toLowerCase()] ?? null,
    rest: text.slice(0, match.index) + " " + text.slice(match.index + match[0].length),
  };
}

/** A money unit other than pounds: `$000`, `€m`, `USD`, `EUR 000`. */
const FOREIGN_UNIT =
  /(?:[$€¥]|\b(?:usd|eur|jpy|chf)\b)\s*['’]?\s*(?:000s?|k|ms?|mn|millions?|bn|billions?)?(?![\w.,]|\s*\d)/i;

/** The text of a unit in another currency stated in header text (`$000`, `€m`), or null. */
export function foreignUnitInText(text: string): string | null {
  const match = FOREIGN_UNIT.exec(text);
  return match ? match[0].trim() : null;
}

/**
 * The money unit a number format shows: `£#,##0`, `"£"#,##0.0`, `[$£-809]#,##0` show pounds (a
 * scaled format such as `£#,##0,"k"` still stores pounds: its scaling is the format's decimals).
 * A format showing `$` or `€` gives that currency's sign, to be reported; null for none.
 */
export function unitOfNumberFormat(code: string | null | undefined): Unit | string | null {
  if (!code || code === "General") return null;
  if (code.includes("£")) return "£";
  // `[$€-x-euro2]` names a currency before its locale; `[$-409]` and `[$-F800]` are locales alone.
  const bracketed = /\[\$([^\]-]+)/.exec(code);
  if (bracketed) return bracketed[1];
  const foreign = /[$€¥]/.exec(code.replace(/\[[^\]]*\]|"[^"]*"/g, ""));
  return foreign ? foreign[0] : null;
}
