/**
 * What the pane's *Declare table* starts from: recognition's reading of the selected range alone
 * (its kind, each column's role, its unit), for the user to confirm or change (SPEC §8).
 */
import { formatFinancialYear } from "../financial-year";
import { CellRange, columnLetters, parseRangeA1, SheetGrid, WorkbookGrid } from "../grid";
import { detectTables } from "../validate/detect";
import { classifyCell } from "../validate/cell-class";
import { LinesTable } from "../validate/tables";
import { settingsVocabulary } from "./apply";
import { DeclaredRole, DeclaredTable, Settings } from "./settings";

/** The declaration recognition would make of `range` on `sheetName`; a plain table of figures when it sees none. */
export function guessDeclaration(
  workbook: WorkbookGrid,
  sheetName: string,
  rangeA1: string,
  settings: Settings | null,
): DeclaredTable | null {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  const range = parseRangeA1(rangeA1);
  if (!sheet || !range) return null;
  const only = within(sheet, range);
  const found = detectTables(only, 0, settingsVocabulary(settings));
  const table = found.sort((a, b) => size(b.range) - size(a.range))[0];
  const columns: Record<string, DeclaredRole> = {};
  let kind: DeclaredTable["kind"] = "figures";
  let unit: DeclaredTable["unit"];
  if (table?.kind === "target") {
    kind = "target";
    columns[columnLetters(table.labelCol)] = "label";
    columns[columnLetters(table.range.right)] = "figure";
    unit = table.unit ?? undefined;
  } else if (table) {
    kind = table.kind;
    Object.assign(columns, linesColumns(table));
    unit = table.columns.find((c) => c.unit !== null)?.unit ?? undefined;
  } else Object.assign(columns, plainColumns(only, range));
  return { sheet: sheetName, range: rangeA1, kind, columns, ...(unit ? { unit } : {}) };
}

function linesColumns(table: LinesTable): Record<string, DeclaredRole> {
  const columns: Record<string, DeclaredRole> = {};
  for (const r of table.rows) if (r.labelCol >= 0) columns[columnLetters(r.labelCol)] = "label";
  for (const [role, col] of Object.entries(table.textColumns))
    columns[columnLetters(col)] = role === "description" ? "label" : (role as DeclaredRole);
  for (const c of table.columns) {
    const letters = columnLetters(c.col);
    if (c.role === "pct") columns[letters] = "percent";
    else if (c.role === "year")
      columns[letters] =
        c.yearForm === "financial" && c.year !== null ? `year:${formatFinancialYear(c.year)}` : "figure";
    else if (c.role === "amount") columns[letters] = "saving";
    // The other column roles (budget, saving, total, children… figure) are declared by their own names.
    else columns[letters] = c.role as DeclaredRole;
  }
  return columns;
}

/** Columns mostly of figures are figures; the first other column with text labels the lines. */
function plainColumns(sheet: SheetGrid, range: CellRange): Record<string, DeclaredRole> {
  const columns: Record<string, DeclaredRole> = {};
  let labelled = false;
  for (let c = range.left; c <= range.right; c++) {
    let figures = 0;
    let words = 0;
    for (let r = range.top; r <= range.bottom; r++) {
      const cls = classifyCell(sheet, r, c);
      if (cls === "figure" || cls === "text-figure") figures++;
      else if (cls === "word") words++;
    }
    if (figures > 0 && figures >= words) columns[columnLetters(c)] = "figure";
    else if (words > 0 && !labelled) {
      columns[columnLetters(c)] = "label";
      labelled = true;
    }
  }
  return columns;
}

/** The sheet with nothing outside `range`: recognition reads the selection alone. */
function within(sheet: SheetGrid, range: CellRange): SheetGrid {
  const cut = <T>(rows: readonly (readonly T[] | undefined)[]) =>
    rows
      .slice(0, range.bottom + 1)
      .map((row, r) =>
        r < range.top || !row ? [] : row.map((v, c) => (c >= range.left && c <= range.right ? v : (null as T))),
      );
  return {
    ...sheet,
    values: cut(sheet.values),
    formulas: cut(sheet.formulas),
    numberFormats: cut(sheet.numberFormats),
  };
}

function size(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
