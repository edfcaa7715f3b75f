/**
 * The blank savings template inserted as a new sheet.
 */
/* global Excel */
import { financialYearOfDate } from "../../core/financial-year";
import { gridSize } from "../../core/grid";
import { templateWorkbook, TEMPLATE_SHEET } from "../../core/template";
import { columnPoints, excelText, sheetNames, TEXT_FORMAT } from "./request";

/**
 * Adds the blank savings template (src/core/template.ts, financial years from the current one) as
 * a new sheet, "Savings template" or "Savings template (2)"…, and shows it. Touches no other sheet.
 */
export async function insertTemplate(today: Date = new Date()): Promise<string> {
  const template = templateWorkbook(financialYearOfDate(today.getFullYear(), today.getMonth() + 1)).sheets[0];
  return Excel.run(async (context) => {
    const existing = new Set([...(await sheetNames(context))].map((n) => n.toLowerCase()));
    let name = TEMPLATE_SHEET;
    for (let n = 2; existing.has(name.toLowerCase()); n++) name = `${TEMPLATE_SHEET} (${n})`;

    const { rows, cols } = gridSize(template);
    const formulas = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => template.formulas[r]?.[c] ?? excelText(template.values[r]?.[c])),
    );
    // Text that Excel could take for a date, number or formula ("2025/26") is formatted as text first.
    const formats = formulas.map((row, r) =>
      row.map(
        (v, c) =>
          template.numberFormats[r]?.[c] ??
          (typeof v === "string" && /^[=+\-@\d]/.test(v) && !template.formulas[r]?.[c] ? TEXT_FORMAT : "General"),
      ),
    );
    const sheet = context.workbook.worksheets.add(name);
    const range = sheet.getRangeByIndexes(0, 0, rows, cols);
    range.numberFormat = formats;
    range.formulas = formulas;
    template.columnWidths.forEach(
      (width, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnPoints(width)),
    );
    sheet.getRange("A1").format.font.bold = true;
    sheet.activate();
    await context.sync();
    return name;
  });
}
