/**
 * The report sheet: written from the core's plan as one array, and shown on request.
 */
/* global Excel */
import { REPORT_SHEET } from "../../core/annotation/names";
import { ReportLink, reportLinkFormula, REPORT_TABLE_HEADER } from "../../core/annotation/plan";
import { CellValue } from "../../core/grid";
import { excelText, PATH_BYTES, RequestBudget, sheetNames, TEXT_FORMAT } from "./request";

/** The report, with its links, written as one array; text cells are formatted as text first, so that Excel never reads a message as a formula, date or number. */
export async function writeReport(
  name: string,
  rows: CellValue[][],
  links: ReportLink[],
  budget: RequestBudget,
): Promise<void> {
  const cols = rows.reduce((most, r) => Math.max(most, r.length), 1); // no spread: a report may have 100,000 rows
  const cells = rows.map((row) => Array.from({ length: cols }, (_, c) => excelText(row?.[c])));
  for (const link of links) cells[link.row][link.col] = reportLinkFormula(link.sheet, link.cell);
  const linked = new Set(links.map((l) => `${l.row},${l.col}`));
  const formats = cells.map((row, r) =>
    row.map((v, c) => (typeof v === "string" && !linked.has(`${r},${c}`) ? TEXT_FORMAT : "General")),
  );
  await budget.add(JSON.stringify(cells).length + JSON.stringify(formats).length + PATH_BYTES * 8);
  const sheet = budget.context.workbook.worksheets.add(name);
  const range = sheet.getRangeByIndexes(0, 0, cells.length, cols);
  range.numberFormat = formats;
  range.formulas = cells;
  sheet.getRange("A1").format.font.bold = true;
  const header = rows.indexOf(REPORT_TABLE_HEADER);
  if (header >= 0) sheet.getRangeByIndexes(header, 0, 1, REPORT_TABLE_HEADER.length).format.font.bold = true;
  range.format.autofitColumns();
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
