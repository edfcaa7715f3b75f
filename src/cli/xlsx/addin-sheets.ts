/**
 * The two sheets annotating adds, as worksheet parts: the report (every finding with a link to its
 * cell) and the record (the annotation record's JSON in labelled chunks down column A). Their text
 * is written as inline strings, so that the workbook's shared string table stays untouched.
 */
import { REPORT_LINK_COLUMN, reportLinkFormula, REPORT_TABLE_HEADER, ReportSheet } from "../../core/annotation/plan";
import { isCellError } from "../../core/excel-errors";
import { CellValue, toA1 } from "../../core/grid";
import { OFFICE_RELATIONSHIPS } from "./relationships";
import { StylesPart } from "./styles-part";
import { escapeText, xstringText } from "./xml";

const WORKSHEET_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_RELATIONSHIPS}">`;
/** Column widths of the report, in characters: the first column holds the labels, the fifth the messages. */
const REPORT_WIDTHS: [number, number][] = [
  [1, 22],
  [REPORT_LINK_COLUMN + 2, 80],
];

/** The report sheet's part, its title, table header and links styled with formats added to `styles`. */
export function reportSheetXml(report: ReportSheet, styles: StylesPart): string {
  const title = styles.withFont({ b: "<b/>", sz: '<sz val="14"/>' });
  const header = styles.withFont({ b: "<b/>" });
  const link = styles.withFont({ u: "<u/>", color: '<color rgb="FF0563C1"/>' });
  const links = new Map(report.links.map((l) => [`${l.row},${l.col}`, l]));
  const headerRow = report.rows.findIndex(
    (row) => row.length === REPORT_TABLE_HEADER.length && row.every((v, i) => v === REPORT_TABLE_HEADER[i]),
  );
  const rows = report.rows.map((row, r) => {
    const style = r === 0 ? title : r === headerRow ? header : null;
    const cells = row.map((value, c) => {
      const target = links.get(`${r},${c}`);
      if (!target) return cellXml(r, c, value, style);
      const formula = reportLinkFormula(target.sheet, target.cell).slice(1); // the file stores it without its "="
      return `<c r="${toA1(r, c)}" s="${link}" t="str"><f>${xstringText(formula)}</f><v>${xstringText(target.cell)}</v></c>`;
    });
    return `<row r="${r + 1}">${cells.join("")}</row>`;
  });
  const cols = REPORT_WIDTHS.map(
    ([col, width]) => `<col min="${col}" max="${col}" width="${width}" customWidth="1"/>`,
  ).join("");
  return `${WORKSHEET_OPEN}<cols>${cols}</cols><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** The record sheet's part: each chunk of encodeRecord in column A. */
export function recordSheetXml(chunks: string[][]): string {
  const rows = chunks.map(([text], r) => `<row r="${r + 1}">${cellXml(r, 0, text, null)}</row>`);
  return `${WORKSHEET_OPEN}<sheetData>${rows.join("")}</sheetData></worksheet>`;
}

function cellXml(row: number, col: number, value: CellValue | undefined, style: number | null): string {
  if (value === null || value === undefined) return "";
  const s = style === null ? "" : ` s="${style}"`;
  const r = toA1(row, col);
  if (typeof value === "number") return `<c r="${r}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (isCellError(value)) return `<c r="${r}"${s} t="e"><v>${escapeText(value.error)}</v></c>`;
  return `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${xstringText(value)}</t></is></c>`;
}
