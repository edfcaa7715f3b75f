/**
 * Marking: the core's annotation plan applied to the open workbook (notes, fills, the report
 * sheet and the record).
 */
/* global Excel */
import { RECORD_SHEET, REPORT_SHEET, UNNAMED_WORKBOOK } from "../../core/annotation/names";
import { CellMark, markKey, planAnnotation } from "../../core/annotation/plan";
import { AnnotationRecord } from "../../core/annotation/record";
import { Draft } from "../../core/compare/draft";
import { WorkbookGrid } from "../../core/grid";
import { ValidationResult } from "../../core/validate";
import { CellState, loadCellStates, marksOf, noteOf, queueFills } from "./cell-state";
import { queueClear } from "./clear";
import { loadRecord, writeRecord } from "./record";
import { writeReport } from "./report";
import { excelApiSupported, notesSupported, PATH_BYTES, RequestBudget, Sheets } from "./request";

export interface MarkResult {
  /** False when this Excel has no notes (ExcelApi 1.18): cells were filled and listed in the report only. */
  notesWritten: boolean;
  reportSheet: string;
  /** Cells marked. */
  marked: number;
}

/**
 * Annotates the cells of the findings (SPEC §6): the core's plan, applied in two syncs (one to
 * read the cells' notes and fills, one to write) for any number of findings on a workbook not
 * marked before; marking again first reads the earlier record (two more syncs) so that clearing
 * still restores what the user had. `draft`, when given, is kept in the record for comparing later.
 */
export async function markFindings(
  workbook: WorkbookGrid,
  result: ValidationResult,
  checkedAt: Date,
  draft?: Draft,
): Promise<MarkResult> {
  const withNotes = notesSupported();
  return Excel.run(async (context) => {
    const sheets = new Sheets(context);
    const budget = new RequestBudget(context);
    const worksheets = context.workbook.worksheets.load("items/name");
    // The report's title names the workbook (ExcelApi 1.7), read with the cells.
    const named = excelApiSupported("1.7") ? context.workbook.load("name") : null;
    const current = await loadCellStates(sheets, result.findings, withNotes, budget);
    try {
      await budget.sync();
    } catch (error) {
      if ((error as { code?: string }).code !== "ItemNotFound") throw error;
      throw new Error(
        "A sheet with findings was renamed or deleted since the check. Check the workbook again, then mark.",
      );
    }

    const existing = new Set(worksheets.items.map((s) => s.name));
    let record: AnnotationRecord | null = null;
    let previous = new Map<string, CellState>();
    if (existing.has(RECORD_SHEET)) {
      const { record: earlier } = await loadRecord(budget, sheets);
      // Cells on sheets deleted since are left out: there is nothing there to clear.
      record = { ...earlier, cells: earlier.cells.filter((c) => existing.has(c.sheet)) };
      previous = await loadCellStates(sheets, record.cells, withNotes, budget);
      await budget.sync();
    } else if (existing.has(REPORT_SHEET)) {
      throw new Error(
        `A sheet named "${REPORT_SHEET}" is already in the workbook. Rename or delete it, then mark again.`,
      );
    }

    // The recorded cells are read too, so that plan.clear keeps what the user changed on any of them.
    const plan = planAnnotation(
      workbook,
      result,
      { ...marksOf(previous, current), record },
      checkedAt,
      named?.name || UNNAMED_WORKBOOK,
    );

    const cleared = plan.clear ? await queueClear(sheets, plan.clear, previous, existing, budget) : new Set<string>();
    // A note still on the cell (the user's, or ours that they edited) is never overwritten.
    const notesToAdd = plan.cells.filter((mark): mark is CellMark & { note: string } => {
      const key = markKey(mark.sheet, mark.cell);
      return withNotes && mark.note !== null && (noteOf(current.get(key)!) === "" || cleared.has(key));
    });
    const written = new Set(notesToAdd.map((mark) => markKey(mark.sheet, mark.cell)));
    await writeReport(plan.report, budget);
    // The record goes before the marks: should a very large marking fail between its syncs, clearing still
    // finds every mark (and leaves alone what does not match the record).
    await writeRecord(
      {
        ...plan.record,
        cells: plan.record.cells.map((c) => (written.has(markKey(c.sheet, c.cell)) ? c : { ...c, note: null })),
        ...(draft ? { draft } : {}),
      },
      budget,
    );
    await queueFills(sheets, plan.cells, budget);
    for (const mark of notesToAdd) {
      await budget.add(PATH_BYTES * 2 + mark.note.length);
      sheets.get(mark.sheet).notes.add(mark.cell, mark.note);
    }
    await budget.sync();
    return { notesWritten: withNotes, reportSheet: plan.report.name, marked: plan.cells.length };
  });
}
