/**
 * The file host's reader: an .xlsx (checked by guard.ts first) into the core's WorkbookGrid.
 * Values as Excel stores them (a formula's cached result, rich text as plain text, dates as serial
 * numbers, error values as CellError), formulas with their leading `=`, number formats, hidden rows
 * and columns, merged areas. The add-in's own sheets (report, record) are left out.
 *
 * One pass over each sheet's stored cells; the grid's row arrays are filled in place.
 */
import ExcelJS from "exceljs";
import { isAddinSheet } from "../../core/annotation/names";
import { CellError, parseErrorCode } from "../../core/excel-errors";
import { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../core/grid";
import { UsageError } from "../command";
import { readXlsxSafely } from "./guard";

const T = ExcelJS.ValueType;
const MS_PER_DAY = 86400000;
/** Excel's serial number of 1970-01-01 (1900 date system); the 1904 system starts 1,462 days later. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_OFFSET = 1462;

/** A workbook read once: exceljs's model (to annotate) and the core's grids of the same file. */
export interface WorkbookFile {
  path: string;
  book: ExcelJS.Workbook;
  grid: WorkbookGrid;
}

/** Reads `path` into grids. Unreadable or hostile files throw UsageError with a one-line reason. */
export async function readWorkbookGrid(path: string): Promise<WorkbookGrid> {
  return (await readWorkbookFile(path)).grid;
}

/** Reads `path` once, for both validating and annotating. Throws as readWorkbookGrid does. */
export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  const book = await loadWorkbook(path);
  return { path, book, grid: workbookToGrid(book) };
}

/** The exceljs workbook of `path`, after the guard's checks. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const { bytes } = readXlsxSafely(path);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's own typing of load() predates Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`${path} could not be read as an .xlsx workbook (${reason})`);
  }
  return workbook;
}

export function workbookToGrid(workbook: ExcelJS.Workbook): WorkbookGrid {
  const date1904 = Boolean(workbook.properties?.date1904);
  const sheets: SheetGrid[] = [];
  for (const worksheet of workbook.worksheets) {
    if (!isAddinSheet(worksheet.name)) sheets.push(sheetToGrid(worksheet, date1904));
  }
  return { sheets };
}

function sheetToGrid(worksheet: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  // Merged areas, grown from their top-left cell as the cells merged into it come by.
  const merges = new Map<string, CellRange>();
  const toSerial = (date: Date) => date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);

  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.add(r);
    const rowValues: CellValue[] = [];
    let rowFormulas: (string | null)[] | null = null;
    let rowFormats: (string | null)[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const type = cell.type;
      if (type === T.Merge) {
        const master = cell.master;
        const key = master.address;
        const top = Number(master.row) - 1;
        const left = Number(master.col) - 1;
        const range = merges.get(key) ?? { top, left, bottom: top, right: left };
        if (r > range.bottom) range.bottom = r;
        if (c > range.right) range.right = c;
        merges.set(key, range);
        return; // the merged-into cells of an area are empty, as Excel reports them
      }
      const format = cell.numFmt;
      if (format && format !== "General") (rowFormats ??= [])[c] = format;
      if (type === T.Formula) {
        const formula = cell.formula;
        if (formula) (rowFormulas ??= [])[c] = "=" + formula;
        rowValues[c] = plainValue(cell.result, toSerial);
      } else {
        rowValues[c] = plainValue(cell.value, toSerial);
      }
    });
    for (let c = 0; c < rowValues.length; c++) if (rowValues[c] === undefined) rowValues[c] = null;
    values[r] = rowValues;
    if (rowFormulas) formulas[r] = rowFormulas;
    if (rowFormats) numberFormats[r] = rowFormats;
  });
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];
  worksheet.columns?.forEach((column, index) => {
    if (column.hidden) hiddenColumns.add(index);
  });
  return {
    name: worksheet.name,
    values,
    formulas,
    numberFormats,
    hiddenRows,
    hiddenColumns,
    merges: [...merges.values()],
  };
}

/** exceljs's value of a cell (or a formula's result) as the core's CellValue. */
function plainValue(value: unknown, toSerial: (date: Date) => number): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "number":
    case "string":
    case "boolean":
      return value;
    default:
      break;
  }
  if (value instanceof Date) return toSerial(value);
  const v = value as {
    richText?: { text: string }[];
    text?: unknown;
    error?: string;
    formula?: string;
    result?: unknown;
  };
  if (v.richText) return v.richText.map((run) => run.text).join("");
  if (typeof v.error === "string") {
    const code = parseErrorCode(v.error);
    return code ? ({ error: code } satisfies CellError) : v.error;
  }
  if ("result" in v) return plainValue(v.result, toSerial); // a formula value inside a result
  if (v.text !== undefined) return plainValue(v.text, toSerial); // a hyperlink shows its text
  return null;
}
