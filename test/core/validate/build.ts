/**
 * Small grids for the engine's tests: rows of cells, where a cell is a plain value or
 * `{ v, fmt, f }` (value, number format, formula), turned into a SheetGrid by sheetFromValues.
 */
import { Finding, RuleId } from "../../../src/core/findings";
import { CellValue, SheetGrid, sheetFromValues } from "../../../src/core/grid";
import { ValidateOptions, validateWorkbook, ValidationResult } from "../../../src/core/validate";

export type Cell = CellValue | { v: CellValue; f?: string; fmt?: string };

function rich(c: Cell): c is { v: CellValue; f?: string; fmt?: string } {
  return c !== null && typeof c === "object" && "v" in c;
}

export function grid(name: string, rows: Cell[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return sheetFromValues(
    name,
    rows.map((r) => r.map((c) => (rich(c) ? c.v : c))),
    {
      formulas: rows.map((r) => r.map((c) => (rich(c) ? (c.f ?? null) : null))),
      numberFormats: rows.map((r) => r.map((c) => (rich(c) ? (c.fmt ?? null) : null))),
      ...extra,
    },
  );
}

/** A figure shown to one decimal (`0.0`), as £m tables print. */
export const d1 = (v: CellValue): Cell => ({ v, fmt: "0.0" });
/** A figure with a number format. */
export const shownAs = (v: CellValue, fmt: string): Cell => ({ v, fmt });
/** A formula cell with its cached result. */
export const formula = (v: CellValue, f: string, fmt?: string): Cell => ({ v, f, fmt });

export function check(sheets: SheetGrid | SheetGrid[], options?: ValidateOptions): ValidationResult {
  return validateWorkbook({ sheets: Array.isArray(sheets) ? sheets : [sheets] }, options);
}

/** The findings of one rule. */
export function only(result: ValidationResult, rule: RuleId): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

/** The findings of one rule for some rows of one sheet. */
export function findingsOf(rule: RuleId, rows: Cell[][], options?: ValidateOptions): Finding[] {
  return only(check(grid("Sheet1", rows), options), rule);
}
