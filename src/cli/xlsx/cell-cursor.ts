/**
 * Where each `<row>` and `<c>` of a streamed sheet is: its `r` attribute when it has one, else
 * the one after the previous (the schema makes `r` optional; some writers leave it out).
 */
import { columnNumber } from "./shared-formula";

export class CellCursor {
  /** 0-based row of the current `<row>`. */
  row = -1;
  /** 0-based column of the current `<c>`. */
  col = -1;

  enterRow(r: string | undefined): number {
    const n = r === undefined ? NaN : Number(r);
    this.row = Number.isInteger(n) && n >= 1 ? n - 1 : this.row + 1;
    this.col = -1;
    return this.row;
  }

  enterCell(r: string | undefined): number {
    const at = r === undefined ? null : cellIndex(r);
    if (at) {
      // A cell's own reference wins over its row's (Excel trusts the cell's).
      this.row = at.row;
      this.col = at.col;
    } else this.col++;
    return this.col;
  }
}

/** 0-based row and column of an A1 reference (`B12`, `$B$12`); null for anything else. Fast: called per cell. */
export function cellIndex(ref: string): { row: number; col: number } | null {
  let i = 0;
  if (ref.charCodeAt(i) === 36) i++; // $
  const lettersStart = i;
  while (i < ref.length && isLetter(ref.charCodeAt(i))) i++;
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3) return null;
  const col = columnNumber(ref.slice(lettersStart, i)) - 1;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsStart = i;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (i === digitsStart || row < 1) return null;
  return { row: row - 1, col };
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
