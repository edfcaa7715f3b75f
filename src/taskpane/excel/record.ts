/**
 * The annotation record sheet (very hidden): read back for clearing and re-marking, written
 * before the marks.
 */
import { RECORD_SHEET } from "../../core/annotation/names";
import { AnnotationRecord, decodeRecord, encodeRecord } from "../../core/annotation/record";
import { cellValue } from "./read";
import { PATH_BYTES, RequestBudget, Sheets, TEXT_FORMAT } from "./request";

/**
 * Reads the record sheet (one sync, with whatever else is queued); the caller knows it exists.
 * Also says how many rows of it are used, for rewriting it in place.
 */
export async function loadRecord(
  budget: RequestBudget,
  sheets: Sheets,
): Promise<{ record: AnnotationRecord; rows: number }> {
  const used = sheets.get(RECORD_SHEET).getUsedRange(true).load("values");
  await budget.sync();
  return { record: decodeRecord(used.values.map((row) => row.map(cellValue))), rows: used.values.length };
}

export async function writeRecord(record: AnnotationRecord, budget: RequestBudget): Promise<void> {
  const rows = encodeRecord(record);
  await budget.add(rows.reduce((n, [text]) => n + text.length, 0) + PATH_BYTES * 6);
  const sheet = budget.context.workbook.worksheets.add(RECORD_SHEET);
  const range = sheet.getRangeByIndexes(0, 0, rows.length, 1);
  range.numberFormat = rows.map(() => [TEXT_FORMAT]);
  range.values = rows;
  sheet.visibility = "VeryHidden";
}
