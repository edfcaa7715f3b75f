/**
 * The task pane's bridge to Excel (Office.js), one file per job: read, mark, clear, report,
 * navigate, template. No React here.
 *
 * Every job batches its work: a constant number of context.sync() calls, plus (reading) one per
 * row chunk. Excel on the web caps a request or a response at 5 MB, so reads go in row chunks and
 * writes sync early only when a batch would pass that size (from about 6,000 findings on).
 * Nothing here writes a value or a formula into the user's sheets: only notes and fills there;
 * values and formulas go into sheets the add-in adds (report, record, template).
 */
export { clearMarks, ClearResult } from "./clear";
export { loadMarkedDraft, NoMarkedDraft } from "./compare";
export { markFindings, MarkResult } from "./mark";
export { selectCell } from "./navigate";
export { CELL_BYTES, readWorkbook, ReadOptions } from "./read";
export { showReportSheet } from "./report";
export { notesSupported, SYNC_BUDGET_BYTES } from "./request";
export { loadSettings, saveSettings, selectedRange } from "./settings";
export { insertTemplate } from "./template";
