/**
 * `savings-check template <out.xlsx> [--force]`: writes the blank savings template of
 * src/core/template.ts (the same one the task pane inserts) as a new workbook, made from nothing
 * by exceljs. An existing file is replaced only with --force.
 */
import ExcelJS from "exceljs";
import { financialYearOfDate, formatFinancialYear } from "../core/financial-year";
import { templateWorkbook, TemplateSheet } from "../core/template";
import { Command, EXIT_OK, UsageError } from "./command";
import { checkOutputPath, FORCE_OPTION, writeFileSafely } from "./xlsx/safe-write";

const USAGE = `template <out.xlsx> [${FORCE_OPTION}]`;

export const templateCommand: Command = {
  usage: USAGE,
  summary: `write a blank savings template to fill in (replaces a file only with ${FORCE_OPTION})`,
  async run(args, output) {
    const force = args.includes(FORCE_OPTION);
    const files = args.filter((a) => a !== FORCE_OPTION);
    if (files.length !== 1 || files[0].startsWith("--")) throw new UsageError(`usage: savings-check ${USAGE}`);
    const [path] = files;
    checkOutputPath(null, path, force);
    const today = new Date();
    const firstYear = financialYearOfDate(today.getFullYear(), today.getMonth() + 1);
    const workbook = new ExcelJS.Workbook();
    for (const sheet of templateWorkbook(firstYear).sheets) addSheet(workbook, sheet);
    // Excel computes the formulas when it opens the file.
    workbook.calcProperties.fullCalcOnLoad = true;
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    writeFileSafely(path, (write) => write(bytes));
    output.out(`Wrote the savings template (financial years from ${formatFinancialYear(firstYear)}) to ${path}`);
    return EXIT_OK;
  },
};

function addSheet(workbook: ExcelJS.Workbook, sheet: TemplateSheet): void {
  const worksheet = workbook.addWorksheet(sheet.name);
  sheet.columnWidths.forEach((width, i) => (worksheet.getColumn(i + 1).width = width));
  sheet.values.forEach((row, r) => {
    for (let c = 0; c < Math.max(row.length, sheet.formulas[r]?.length ?? 0); c++) {
      const formula = sheet.formulas[r]?.[c];
      const value = row[c] ?? null;
      const format = sheet.numberFormats[r]?.[c];
      if (!formula && value === null && !format) continue;
      const cell = worksheet.getCell(r + 1, c + 1);
      cell.value = formula
        ? { formula: formula.slice(1), result: (value ?? "") as number | string }
        : (value as ExcelJS.CellValue);
      if (format) cell.numFmt = format;
    }
  });
  worksheet.getRow(1).font = { bold: true, size: 14 };
}
