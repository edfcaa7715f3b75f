/**
 * The two sheets annotating adds, as worksheet parts: the report (every finding with a link to its
 * cell) and the record (the annotation record's JSON in labelled chunks down column A). Their text
 * is written as inline strings, so that the workbook's shared string table stays untouched.
 */
import { reportLinkFormula, ReportSheet } from "../../core/annotation/plan";
import { isCellError } from "../../core/excel-errors";
import { CellValue, toA1 } from "../../core/grid";
import { OFFICE_RELATIONSHIPS } from "./relationships";
import { StylesPart } from "./styles-part";
import { escapeText, xstringText } from "./xml";

const WORKSHEET_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_RELATIONSHIPS}">`;
/** OOXML's codes for the plan's print settings. */
const PAPER_SIZE = { A4: 9 };

/**
 * The report sheet's part, laid out and set up for printing as the plan says, with its formats
 * added to `styles`. Its elements go in the schema's order: sheetPr, cols, sheetData, mergeCells,
 * pageMargins, pageSetup, headerFooter. The print area and titles are defined names (reportPrintNames).
 */
export function reportSheetXml(report: ReportSheet, styles: StylesPart): string {
  const { layout } = report;
  const columns = layout.columnWidths.length;
  const plain = styles.withFormat({});
  const wrapped = styles.withFormat({}, { wrap: true });
  const spread = styles.withFormat({}, { wrap: true, left: true });
  const title = styles.withFormat({ b: "<b/>", sz: `<sz val="${layout.titleSize}"/>` }, { wrap: true });
  const header = styles.withFormat({ b: "<b/>" });
  const link = styles.withFormat({ u: "<u/>", color: '<color rgb="FF0563C1"/>' });
  const links = new Map(report.links.map((l) => [`${l.row},${l.col}`, l]));
  const spreads = new Map(layout.spreads.map((s) => [s.row, s.col]));
  const wraps = new Set(layout.wrapColumns);
  const styleOf = (r: number, c: number): number => {
    if (r === 0) return title;
    if (r === layout.headerRow) return header;
    if (spreads.get(r) === c) return spread;
    return r > layout.headerRow && wraps.has(c) ? wrapped : plain;
  };
  const rows = report.rows.map((row, r) => {
    const cells = row.map((value, c) => {
      const target = links.get(`${r},${c}`);
      if (!target) return cellXml(r, c, value, styleOf(r, c));
      const formula = reportLinkFormula(target.sheet, target.cell).slice(1); // the file stores it without its "="
      return `<c r="${toA1(r, c)}" s="${link}" t="str"><f>${xstringText(formula)}</f><v>${xstringText(target.cell)}</v></c>`;
    });
    const height = layout.rowHeights[r];
    return `<row r="${r + 1}"${height ? ` ht="${height}" customHeight="1"` : ""}>${cells.join("")}</row>`;
  });
  const cols = layout.columnWidths
    .map((width, c) => `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`)
    .join("");
  const merges = layout.spreads.map((s) => `<mergeCell ref="${toA1(s.row, s.col)}:${toA1(s.row, columns - 1)}"/>`);
  const { print } = layout;
  const m = print.margins;
  return (
    `${WORKSHEET_OPEN}<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><cols>${cols}</cols>` +
    `<sheetData>${rows.join("")}</sheetData><mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${PAPER_SIZE[print.paper]}" orientation="${print.orientation}" fitToWidth="${print.pagesWide}" fitToHeight="${print.pagesTall}"/>` +
    `<headerFooter><oddFooter>${escapeText(`&C${print.footer}`)}</oddFooter></headerFooter></worksheet>`
  );
}

/** The report's print area and print titles as the formulas of their defined names: `'Savings check'!$A$1:$F$20`. */
export function reportPrintNames(report: ReportSheet): { area: string; titles: string } {
  const sheet = `'${report.name.replace(/'/g, "''")}'`;
  const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return {
    area: `${sheet}!${absolute(report.layout.print.area)}`,
    titles: `${sheet}!${report.layout.print.titleRows}`,
  };
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
