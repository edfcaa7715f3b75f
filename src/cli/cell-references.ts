/** Sheets and cells as the command line prints them, the way Excel writes them in a reference. */
import { plural } from "../core/findings";

/** `Summary` or `'Table 1'`. */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Cells listed in a message: shown at most this many, then "and N more". */
const LISTED = 10;

/** "2 marked cells ('Table 1'!C4, Notes!B2)", the first ten named. */
export function describeMarks(cells: readonly { sheet: string; cell: string }[]): string {
  const named = cells.slice(0, LISTED).map((c) => `${sheetReference(c.sheet)}!${c.cell}`);
  const more = cells.length > LISTED ? `, and ${cells.length - LISTED} more` : "";
  return `${plural(cells.length, "marked cell")} (${named.join(", ")}${more})`;
}
