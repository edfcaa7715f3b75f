/**
 * JSON kept in a very hidden sheet as labelled chunks down column A (the annotation record, the
 * settings): a cell holds at most 32,767 characters, and a label starting with a letter keeps
 * Excel from taking the text for a number, a date or a formula.
 */
import { CellValue } from "../grid";

/** Cells of such a sheet hold at most this many characters (Excel allows 32,767). */
const CHUNK_CHARS = 29_900;

/** `json` as rows of column A: `<label> 1/2 {...`, `<label> 2/2 ...}`. */
export function encodeChunks(label: string, json: string): string[][] {
  const chunks: string[] = [];
  for (let i = 0; i < json.length;) {
    let end = Math.min(i + CHUNK_CHARS, json.length);
    // Never split a surrogate pair: half a character is not valid text in a cell.
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end--;
    chunks.push(json.slice(i, end));
    i = end;
  }
  return chunks.map((chunk, i) => [`${label} ${i + 1}/${chunks.length} ${chunk}`]);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The text the chunks of `sheet` hold, joined; throws an Error saying what is wrong when they are damaged. */
export function joinChunks(label: string, sheet: string, values: CellValue[][]): string {
  const pattern = new RegExp(`^${label} (\\d+)/(\\d+) `);
  const cells = values.map((row) => row?.[0]).filter((v) => v !== null && v !== undefined && v !== "");
  if (cells.length === 0) throw new Error(`The ${sheet} sheet is empty.`);
  let json = "";
  cells.forEach((cell, i) => {
    const match = typeof cell === "string" ? pattern.exec(cell) : null;
    if (!match || Number(match[1]) !== i + 1 || Number(match[2]) !== cells.length)
      throw new Error(`The ${sheet} sheet is damaged: part ${i + 1} of ${cells.length} is missing or out of order.`);
    json += (cell as string).slice(match[0].length);
  });
  return json;
}
