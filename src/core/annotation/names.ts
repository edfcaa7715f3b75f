/**
 * Names and colours the add-in writes into a workbook. Both hosts (task pane and command line)
 * use these, so a workbook annotated by one can be read and cleared by the other.
 */
import { Severity } from "../findings";

/** The report sheet listing every finding with a link to its cell. */
export const REPORT_SHEET = "Savings check";
/** What the report's title calls a workbook whose name the host cannot read. */
export const UNNAMED_WORKBOOK = "this workbook";
/** The sheet `compare --annotate` adds: every change since the earlier draft, with a link to its cell. */
export const CHANGES_SHEET = "Changes since draft";
/** The very hidden sheet holding the record of what annotating added and what was there before. */
export const RECORD_SHEET = "SavingsCheckRecord";
/** The very hidden sheet holding the workbook's settings (SPEC §8): declared tables, rules, accepted findings. */
export const SETTINGS_SHEET = "SavingsCheckSettings";
/** Every note the add-in writes starts with this, so a reader can tell them from their own. */
export const NOTE_PREFIX = "Savings check: ";

/** Light fills that keep the figures readable: red for errors, amber for warnings, blue for info. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: "#F8CBAD",
  warning: "#FFE699",
  info: "#BDD7EE",
};
/** Cells changed since the earlier draft: lilac, unlike any finding's fill. */
export const CHANGE_FILL = "#D9D2E9";

/** The most characters Excel holds in a cell or a note. */
export const EXCEL_CELL_CHARS = 32_767;

/** Text cut to fit a cell or note, ending in a visible "…" when it was cut (never half a character). */
export function fitCell(text: string): string {
  if (text.length <= EXCEL_CELL_CHARS) return text;
  let end = EXCEL_CELL_CHARS - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + "…";
}

/** The add-in's own sheets: never validated, never fingerprinted. */
export function isAddinSheet(name: string): boolean {
  return name === REPORT_SHEET || name === RECORD_SHEET || name === SETTINGS_SHEET || name === CHANGES_SHEET;
}

/** Key of a cell in the maps hosts fill with what they read: `Sheet!A1` (the cell part never holds a `!`). */
export function markKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** Two "#RRGGBB" fills (or null for none) are the same colour, whatever the letter case. */
export function sameFill(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? null)?.toUpperCase() === (b ?? null)?.toUpperCase();
}
