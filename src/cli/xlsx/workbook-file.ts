/**
 * The file host's reader: an .xlsx (checked by guard.ts first) into the core's WorkbookGrid, its
 * sheets found as Excel finds them (workbook part and relationships, any part names, tab order).
 * The add-in's own sheets (report, record) and sheets without cells (chart sheets) are left out.
 */
import { isAddinSheet } from "../../core/annotation/names";
import { WorkbookGrid } from "../../core/grid";
import { UsageError } from "../command";
import { isDateFormat } from "./number-formats";
import { readSharedStrings } from "./shared-strings";
import { readSheet, SheetContext } from "./sheet-reader";
import { StylesPart } from "./styles-part";
import { readWorkbookPart, WorkbookPart, WorkbookSheet } from "./workbook-part";
import { XlsxPackage } from "./zip-package";

/** A workbook's package with the parts every sheet shares, read once; sheets are read on demand. */
export interface WorkbookPackage {
  path: string;
  pkg: XlsxPackage;
  workbook: WorkbookPart;
  styles: StylesPart;
  /** What a sheet is read with. */
  context: SheetContext;
}

/** A workbook read once: its package and parts (to annotate) and the core's grids of the same file. */
export interface WorkbookFile extends WorkbookPackage {
  grid: WorkbookGrid;
}

/** Reads `path` into grids. Unreadable or hostile files throw UsageError with a one-line reason. */
export function readWorkbookGrid(path: string): WorkbookGrid {
  return readWorkbookFile(path).grid;
}

/** Reads `path` once, for both validating and annotating. Throws as readWorkbookGrid does. */
export function readWorkbookFile(path: string): WorkbookFile {
  const opened = openWorkbook(path);
  return { ...opened, grid: gridOf(opened) };
}

/**
 * The grids of an .xlsx held in memory (the pane's Compare with a file…), read as readWorkbookGrid
 * reads a file: the same checks, the same reader. `name` names it in messages.
 */
export function readWorkbookBytes(bytes: Uint8Array, name: string): WorkbookGrid {
  return gridOf(openPackage(XlsxPackage.fromBytes(bytes, name), name));
}

function gridOf(opened: WorkbookPackage): WorkbookGrid {
  return {
    sheets: checkedSheets(opened.workbook, opened.path).map((sheet) =>
      readSheet(opened.context, sheet.name, sheet.part!),
    ),
  };
}

/** Opens `path` (after the guard's checks) and reads its workbook part, shared strings and styles. */
export function openWorkbook(path: string): WorkbookPackage {
  return openPackage(XlsxPackage.open(path), path);
}

function openPackage(pkg: XlsxPackage, path: string): WorkbookPackage {
  const workbook = readWorkbookPart(pkg);
  const styles = StylesPart.read(pkg, workbook.stylesPart);
  const formats = styles.numberFormats();
  const context = {
    pkg,
    sharedStrings: readSharedStrings(pkg, workbook.sharedStringsPart),
    formats,
    dateFormats: formats.map((code) => code !== null && isDateFormat(code)),
    date1904: workbook.date1904,
  };
  return { path, pkg, workbook, styles, context };
}

/** The worksheets to check, in tab order; a sheet whose part is missing makes the file damaged. */
function checkedSheets(workbook: WorkbookPart, path: string): WorkbookSheet[] {
  return workbook.sheets.filter((sheet) => {
    if (sheet.kind !== "worksheet" || isAddinSheet(sheet.name)) return false;
    if (sheet.part === null) throw new UsageError(`${path} is damaged: the part of sheet '${sheet.name}' is missing`);
    return true;
  });
}
