/**
 * The report sheet: written from the core's plan as one array, laid out and set up for printing
 * as the plan says, and shown on request.
 */
/* global Excel */
import { REPORT_SHEET } from "../../core/annotation/names";
import { reportLinkFormula, ReportLayout, ReportSheet } from "../../core/annotation/plan";
import {
  columnPoints,
  excelApiSupported,
  excelText,
  PATH_BYTES,
  RequestBudget,
  sheetNames,
  TEXT_FORMAT,
} from "./request";

const POINTS_PER_INCH = 72;

/**
 * The report, with its links, written as one array and laid out as the plan says; text cells are
 * formatted as text first, so that Excel never reads a message as a formula, date or number. Its
 * page setup needs ExcelApi 1.9: older Excel gets the report without it.
 */
export async function writeReport(report: ReportSheet, budget: RequestBudget): Promise<void> {
  const { rows, links, layout } = report;
  const cols = layout.columnWidths.length;
  const cells = rows.map((row) => Array.from({ length: cols }, (_, c) => excelText(row?.[c])));
  for (const link of links) cells[link.row][link.col] = reportLinkFormula(link.sheet, link.cell);
  const linked = new Set(links.map((l) => `${l.row},${l.col}`));
  const formats = cells.map((row, r) =>
    row.map((v, c) => (typeof v === "string" && !linked.has(`${r},${c}`) ? TEXT_FORMAT : "General")),
  );
  const heights = heightRuns(layout.rowHeights);
  const operations = 20 + cols + layout.spreads.length * 4 + layout.wrapColumns.length + heights.length;
  await budget.add(JSON.stringify(cells).length + JSON.stringify(formats).length + PATH_BYTES * operations);
  const sheet = budget.context.workbook.worksheets.add(report.name);
  const range = sheet.getRangeByIndexes(0, 0, cells.length, cols);
  range.numberFormat = formats;
  range.formulas = cells;
  range.format.verticalAlignment = "Top";
  layout.columnWidths.forEach((width, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnPoints(width);
  });
  const body = rows.length - layout.headerRow - 1;
  for (const c of layout.wrapColumns) sheet.getRangeByIndexes(layout.headerRow + 1, c, body, 1).format.wrapText = true;
  for (const { row, col } of layout.spreads) {
    const spread = sheet.getRangeByIndexes(row, col, 1, cols - col);
    spread.merge(false);
    spread.format.wrapText = true;
    spread.format.horizontalAlignment = "Left";
  }
  for (const { row, count, height } of heights) sheet.getRangeByIndexes(row, 0, count, 1).format.rowHeight = height;
  const title = sheet.getRange("A1").format.font;
  title.bold = true;
  title.size = layout.titleSize;
  sheet.getRangeByIndexes(layout.headerRow, 0, 1, cols).format.font.bold = true;
  if (excelApiSupported("1.9")) setUpPrinting(sheet, layout.print);
}

/** Landscape A4, one page wide, the table's header on every page: ExcelApi 1.9's page layout. */
function setUpPrinting(sheet: Excel.Worksheet, print: ReportLayout["print"]): void {
  const page = sheet.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = print.paper;
  page.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: print.pagesTall };
  const { margins } = print;
  page.leftMargin = margins.left * POINTS_PER_INCH;
  page.rightMargin = margins.right * POINTS_PER_INCH;
  page.topMargin = margins.top * POINTS_PER_INCH;
  page.bottomMargin = margins.bottom * POINTS_PER_INCH;
  page.headerMargin = margins.header * POINTS_PER_INCH;
  page.footerMargin = margins.footer * POINTS_PER_INCH;
  page.headersFooters.defaultForAllPages.centerFooter = print.footer;
  page.setPrintArea(print.area);
  page.setPrintTitleRows(print.titleRows);
}

/** Runs of rows of one set height, so that a long report sets them in few operations. */
function heightRuns(heights: (number | null)[]): { row: number; count: number; height: number }[] {
  const runs: { row: number; count: number; height: number }[] = [];
  heights.forEach((height, row) => {
    if (height === null) return;
    const last = runs[runs.length - 1];
    if (last && last.height === height && last.row + last.count === row) last.count++;
    else runs.push({ row, count: 1, height });
  });
  return runs;
}

/** Shows the report sheet that marking wrote. */
export async function showReportSheet(): Promise<void> {
  await Excel.run(async (context) => {
    const existing = await sheetNames(context);
    if (!existing.has(REPORT_SHEET))
      throw new Error(`There is no "${REPORT_SHEET}" sheet yet: mark the workbook first.`);
    const sheet = context.workbook.worksheets.getItem(REPORT_SHEET);
    sheet.activate();
    sheet.getRange("A1").select();
    await context.sync();
  });
}
