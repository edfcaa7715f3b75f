/**
 * Annotating and clearing an exceljs workbook in memory (SPEC §6): the core plans, this applies.
 * Only notes, fills and the two add-in sheets are touched; values and formulas never are.
 * annotate.ts wraps these for files; tests run them on workbooks in memory.
 */
import ExcelJS from "exceljs";
import { RECORD_SHEET, REPORT_SHEET } from "../../core/annotation/names";
import { ExistingMarks, markKey, planAnnotation, REPORT_LINK_COLUMN, ReportSheet } from "../../core/annotation/plan";
import { AnnotationRecord, ClearPlan, decodeRecord, encodeRecord, planClear } from "../../core/annotation/record";
import { CellValue, WorkbookGrid } from "../../core/grid";
import { isCellError } from "../../core/excel-errors";
import { ValidationResult } from "../../core/validate";
import { UsageError } from "../command";

/** Annotates `book` in place from the findings of `grid` (the same workbook read as grids); returns the record written. */
export function annotateBook(
  book: ExcelJS.Workbook,
  grid: WorkbookGrid,
  result: ValidationResult,
  checkedAt: Date,
): AnnotationRecord {
  const record = readRecord(book);
  if (!record && book.getWorksheet(REPORT_SHEET))
    throw new UsageError(
      `the workbook already has a sheet named '${REPORT_SHEET}' that savings-check did not add: rename it first`,
    );
  // The finding cells, and the cells of an earlier annotation, which is cleared first.
  const existing: ExistingMarks = { ...readMarks(book, [...result.findings, ...(record?.cells ?? [])]), record };
  const plan = planAnnotation(grid, result, existing, checkedAt);
  if (plan.clear) applyClear(book, plan.clear);
  for (const mark of plan.cells) {
    const cell = book.getWorksheet(mark.sheet)?.getCell(mark.cell);
    if (!cell) continue;
    setFill(cell, mark.fill, undefined);
    if (mark.note !== null) cell.note = mark.note;
  }
  writeReport(book.addWorksheet(plan.report.name), plan.report);
  const recordSheet = book.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
  encodeRecord(plan.record).forEach(([text], i) => (recordSheet.getCell(i + 1, 1).value = text));
  keepNotesOfEmptyCells(book);
  return plan.record;
}

/** Removes exactly what annotating added; resolves to the number of cells restored, or null when `book` has no record. */
export function clearBook(book: ExcelJS.Workbook): number | null {
  const record = readRecord(book);
  if (!record) return null;
  applyClear(book, planClear(record, readMarks(book, record.cells)));
  keepNotesOfEmptyCells(book);
  return record.cells.length;
}

/** The record on the very hidden sheet, or null when there is none; a damaged record is a UsageError. */
export function readRecord(book: ExcelJS.Workbook): AnnotationRecord | null {
  const sheet = book.getWorksheet(RECORD_SHEET);
  if (!sheet) return null;
  const values: CellValue[][] = [];
  sheet.eachRow((row, n) => {
    const value = row.getCell(1).value;
    values[n - 1] = [typeof value === "string" ? value : null];
  });
  try {
    return decodeRecord(values);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The notes and fills `cells` hold now, with the exact fill where a solid colour would not give it back. */
function readMarks(book: ExcelJS.Workbook, cells: { sheet: string; cell: string }[]) {
  const marks = {
    notes: new Map<string, string>(),
    fills: new Map<string, string | null>(),
    fillDetails: new Map<string, string>(),
  };
  for (const { sheet, cell: address } of cells) {
    const cell = book.getWorksheet(sheet)?.getCell(address);
    if (!cell) continue;
    const key = markKey(sheet, address);
    const note = noteText(cell);
    // Any note the user has, even an empty one, is theirs to keep.
    if (note !== null) marks.notes.set(key, note || " ");
    const { fill, detail } = describeFill(cell.fill);
    marks.fills.set(key, fill);
    if (detail !== undefined) marks.fillDetails.set(key, detail);
  }
  return marks;
}

function applyClear(book: ExcelJS.Workbook, plan: ClearPlan): void {
  for (const { sheet, cell } of plan.notesToDelete) {
    const target = book.getWorksheet(sheet)?.getCell(cell);
    if (target) deleteNote(target);
  }
  for (const { sheet, cell, fill, detail } of plan.fills) {
    const target = book.getWorksheet(sheet)?.getCell(cell);
    if (target) setFill(target, fill, detail);
  }
  for (const name of plan.sheetsToDelete) {
    const sheet = book.getWorksheet(name);
    if (sheet) book.removeWorksheet(sheet.id);
  }
}

/**
 * exceljs has no public way to remove a note: its own row operations reset `_comment`, and a
 * loaded cell also keeps the note in its value's model, which the writer reads.
 */
function deleteNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}

/**
 * exceljs writes no cell element for a cell with neither a value nor a style of its own, and
 * reads a note only onto a cell element, so a user's note on such a cell (Excel writes those
 * cells) would be lost when the copy is read again, e.g. to clear it (exceljs issue #1146).
 * Excel's default protection (locked) gives the cell a style that changes nothing the user sees.
 */
function keepNotesOfEmptyCells(book: ExcelJS.Workbook): void {
  for (const sheet of book.worksheets) {
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Null && cell.note !== undefined && !cell.style.protection)
          cell.style = { ...cell.style, protection: { locked: true } };
      }),
    );
  }
}

function noteText(cell: ExcelJS.Cell): string | null {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + hex.slice(1).toUpperCase() } };
}

/**
 * A fill as the record keeps it: "#RRGGBB" (the pane can restore it) when it has a colour, plus
 * exceljs's exact JSON whenever a plain solid fill of that colour would not give it back
 * (patterns, gradients, theme colours). An explicit "none" pattern is no fill, as Excel shows it.
 */
function describeFill(fill: ExcelJS.Fill | undefined): { fill: string | null; detail?: string } {
  if (!fill || (fill.type === "pattern" && fill.pattern === "none")) return { fill: null };
  const argb = fill.type === "pattern" ? fill.fgColor?.argb : undefined;
  const hex = typeof argb === "string" && /^[0-9A-F]{8}$/i.test(argb) ? "#" + argb.slice(2).toUpperCase() : null;
  const exact = hex !== null && JSON.stringify(solidFill(hex)) === JSON.stringify(fill);
  return exact ? { fill: hex } : { fill: hex, detail: JSON.stringify(fill) };
}

/**
 * Sets one cell's fill. exceljs shares one style object among cells loaded with the same style,
 * so the cell gets a style object of its own rather than a change to the shared one.
 */
function setFill(cell: ExcelJS.Cell, fill: string | null, detail: string | undefined): void {
  const style = { ...cell.style };
  if (detail !== undefined) style.fill = JSON.parse(detail) as ExcelJS.Fill;
  else if (fill !== null) style.fill = solidFill(fill);
  else delete style.fill;
  cell.style = style;
}

function writeReport(sheet: ExcelJS.Worksheet, report: ReportSheet): void {
  report.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = isCellError(value) ? value.error : value;
    }),
  );
  for (const link of report.links) {
    const cell = sheet.getCell(link.row + 1, link.col + 1);
    const target = `#'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
    // A HYPERLINK formula links inside the workbook in every spreadsheet program, with no relationship part.
    cell.value = { formula: `HYPERLINK("${target.replace(/"/g, '""')}","${link.cell}")`, result: link.cell };
    cell.font = { color: { argb: "FF0563C1" }, underline: true };
  }
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getColumn(1).width = 22;
  sheet.getColumn(REPORT_LINK_COLUMN + 2).width = 80;
}
