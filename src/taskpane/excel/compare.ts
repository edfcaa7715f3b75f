/**
 * Comparing in the pane (SPEC §9): the draft kept in the annotation record when the pane last
 * marked the workbook, read back so that the open workbook can be compared with it.
 */
/* global Excel */
import { RECORD_SHEET } from "../../core/annotation/names";
import { Draft } from "../../core/compare/draft";
import { loadRecord } from "./record";
import { RequestBudget, sheetNames, Sheets } from "./request";

/** Why there is no draft to compare with. */
export type NoMarkedDraft = "not-marked" | "no-snapshot";

/**
 * The draft the record keeps (two syncs), or why there is none: the workbook carries no marks, or
 * it was marked by the command line or before the pane kept drafts.
 */
export async function loadMarkedDraft(): Promise<Draft | NoMarkedDraft> {
  return Excel.run(async (context) => {
    if (!(await sheetNames(context)).has(RECORD_SHEET)) return "not-marked";
    const { record } = await loadRecord(new RequestBudget(context), new Sheets(context));
    return isDraft(record.draft) ? record.draft : "no-snapshot";
  });
}

/** The record's draft has the shape compareDrafts reads (a record edited by hand may not). */
function isDraft(value: unknown): value is Draft {
  const d = value as Draft | undefined;
  return (
    typeof d === "object" &&
    d !== null &&
    typeof d.verdict === "string" &&
    typeof d.counts === "object" &&
    Array.isArray(d.findings) &&
    Array.isArray(d.tables) &&
    d.tables.every((t) => Array.isArray(t.columns) && Array.isArray(t.lines))
  );
}
