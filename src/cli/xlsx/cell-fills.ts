/**
 * Cell fills between styles.xml and the annotation record: the colour the record keeps of a fill
 * ("#RRGGBB", what the task pane can restore), the solid fills annotating sets, and the exact
 * prior fill the command line keeps beside it (`priorFillDetail`) so that clearing gives back the
 * very cell format the cell had.
 */
import { StylesPart } from "./styles-part";
import { escapeAttribute } from "./xml";

/** Excel's default palette, for fills given by `indexed` colour (64 is the system foreground). */
const INDEXED_COLOURS = [
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "800000",
  "008000",
  "000080",
  "808000",
  "800080",
  "008080",
  "C0C0C0",
  "808080",
  "9999FF",
  "993366",
  "FFFFCC",
  "CCFFFF",
  "660066",
  "FF8080",
  "0066CC",
  "CCCCFF",
  "000080",
  "FF00FF",
  "FFFF00",
  "00FFFF",
  "800080",
  "800000",
  "008080",
  "0000FF",
  "00CCFF",
  "CCFFFF",
  "CCFFCC",
  "FFFF99",
  "99CCFF",
  "FF99CC",
  "CC99FF",
  "FFCC99",
  "3366FF",
  "33CCCC",
  "99CC00",
  "FFCC00",
  "FF9900",
  "FF6600",
  "666699",
  "969696",
  "003366",
  "339966",
  "003300",
  "333300",
  "993300",
  "993366",
  "333399",
  "333333",
];

/** A solid fill of "#RRGGBB", as Excel writes one. */
export function solidFill(hex: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${escapeAttribute(hex.slice(1).toUpperCase())}"/><bgColor indexed="64"/></patternFill></fill>`;
}

export const NO_FILL = '<fill><patternFill patternType="none"/></fill>';

/**
 * The colour a fill shows, "#RRGGBB", or null for none. Patterns and gradients give their main
 * colour; theme colours (which need the theme part to resolve) give null.
 */
export function fillColour(fill: string): string | null {
  const pattern = /<patternFill\b[^>]*?patternType\s*=\s*["']([^"']*)["']/.exec(fill)?.[1];
  const isPattern = fill.includes("<patternFill");
  if (isPattern && (pattern === undefined || pattern === "none")) return null;
  const colour = /<(?:fgColor|color)\b([^>]*)\/?>/.exec(fill)?.[1] ?? "";
  const rgb = /\brgb\s*=\s*["']([0-9A-Fa-f]{8})["']/.exec(colour)?.[1];
  if (rgb) return "#" + rgb.slice(2).toUpperCase();
  const indexed = /\bindexed\s*=\s*["'](\d+)["']/.exec(colour)?.[1];
  const palette = indexed === undefined ? undefined : INDEXED_COLOURS[Number(indexed)];
  return palette ? "#" + palette : null;
}

/** What the command line records of a cell's format before annotating, in `priorFillDetail`. */
export interface PriorFormat {
  /** The cell format index it wore, or null when it had no cell element (annotating added one). */
  xf: number | null;
  /** That format's fill, exactly. */
  fill: string;
  /** The format a cell without an element inherits (its row's or column's): given back when it gains content. */
  inherited?: number;
  /** Its element had no `s` attribute. */
  bare?: true;
}

const DETAIL_KEY = "xlsx";

export function encodePriorFormat(prior: PriorFormat): string {
  return JSON.stringify({ [DETAIL_KEY]: prior });
}

/** The prior format in a record's detail, or null for a detail the task pane or an older version wrote. */
export function decodePriorFormat(detail: string | undefined): PriorFormat | null {
  if (detail === undefined || !detail.startsWith(`{"${DETAIL_KEY}":`)) return null;
  try {
    const prior = (JSON.parse(detail) as Record<string, unknown>)[DETAIL_KEY] as PriorFormat;
    const validIndex = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
    if ((prior.xf !== null && !validIndex(prior.xf)) || typeof prior.fill !== "string") return null;
    if (prior.inherited !== undefined && !validIndex(prior.inherited)) return null;
    if (prior.bare !== undefined && prior.bare !== true) return null;
    return prior;
  } catch {
    return null;
  }
}

/**
 * The cell format to give back to a cell annotating marked, which wears format `current` now:
 * exactly its old format when nothing but our fill changed since, else `current` with the prior
 * fill put back (the user's later changes of font or number format are kept).
 */
export function restoredFormat(
  styles: StylesPart,
  current: number,
  markFill: string,
  priorFill: string | null,
  detail: string | undefined,
): number {
  const prior = decodePriorFormat(detail);
  const priorXf = prior?.xf ?? prior?.inherited;
  if (
    priorXf !== undefined &&
    styles.has("cellXfs", priorXf) &&
    styles.lookupFill(priorXf, solidFill(markFill)) === current
  )
    return priorXf;
  return styles.withFill(current, prior?.fill ?? (priorFill === null ? NO_FILL : solidFill(priorFill)));
}
