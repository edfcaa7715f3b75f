/**
 * `savings-check template <out.xlsx>`: writes the blank savings template of src/core/template.ts
 * (the same one the task pane inserts) as a new workbook. Never overwrites an existing file.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import { financialYearOfDate, formatFinancialYear } from "../core/financial-year";
import { templateWorkbook, TemplateSheet } from "../core/template";
import { Command, EXIT_OK, UsageError } from "./command";

export const templateCommand: Command = {
  usage: "template <out.xlsx>",
  summary: "write a blank savings template to fill in (never overwrites a file)",
  async run(args, output) {
    if (args.length !== 1 || args[0].startsWith("--")) throw new UsageError("usage: savings-check template <out.xlsx>");
    const [path] = args;
    const today = new Date();
    const firstYear = financialYearOfDate(today.getFullYear(), today.getMonth() + 1);
    const workbook = new ExcelJS.Workbook();
    for (const sheet of templateWorkbook(firstYear).sheets) addSheet(workbook, sheet);
    // Excel computes the formulas when it opens the file.
    workbook.calcProperties.fullCalcOnLoad = true;
    const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    try {
      writeFileSync(path, bytes, { flag: "wx" }); // wx: fail rather than replace an existing file
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === "EEXIST"
          ? `${path} already exists: the template never overwrites a file`
          : `cannot write ${path} (${code ?? "unknown error"})`,
      );
    }
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
