/** What a rule receives: the workbook's tables, the options, and a way to report a finding. */
import { Decimal } from "../decimal";
import { RuleId } from "../findings";
import { WorkbookGrid } from "../grid";
import { SettingsProblem } from "../settings/apply";
import { Shown } from "../validate/bounds";
import { Coverage } from "../validate/coverage";
import { ValidateOptions } from "../validate/options";
import { Amount, exactValue, hasFigure } from "../validate/reader";
import { LinesTable, Table } from "../validate/tables";

export interface RuleContext {
  workbook: WorkbookGrid;
  tables: readonly Table[];
  /** Which figures of the workbook the tables hold, and the blocks they leave out. */
  coverage: Coverage;
  options: Required<ValidateOptions>;
  /** What was wrong with the settings (a damaged sheet, a declared table that cannot be read). */
  settingsProblems: readonly SettingsProblem[];
  /** Reports a finding at a cell of a table (or of a sheet, with `table` null). */
  report(rule: RuleId, table: Table | null, sheetIndex: number, row: number, col: number, message: string): void;
}

export interface Rule {
  id: RuleId;
  check(ctx: RuleContext): void;
}

export function linesTables(ctx: RuleContext, ...kinds: LinesTable["kind"][]): LinesTable[] {
  return ctx.tables.filter(
    (t): t is LinesTable => t.kind !== "target" && (kinds.length === 0 || kinds.includes(t.kind)),
  );
}

export function shown(amount: Amount): Shown {
  return { value: exactValue(amount), decimals: amount.decimals };
}

const negativeSavings = new WeakMap<LinesTable, boolean>();

/**
 * Whether a table shows its savings as negatives (every saving line below zero, none above):
 * then a saving's size is its magnitude, and a % beside it may well be positive (SPEC §4).
 * A `Saving / (Growth)` column is signed the other way: its negatives are growth.
 */
export function savingsShownNegative(table: LinesTable, savingColumn: number): boolean {
  let known = negativeSavings.get(table);
  if (known === undefined) {
    let negative = 0;
    let positive = 0;
    for (const row of table.rows) {
      if (row.kind !== "line") continue;
      const a = row.figures[savingColumn];
      if (!hasFigure(a) || a.value === 0) continue;
      if (a.value < 0) negative++;
      else positive++;
    }
    known = negative > 0 && positive === 0 && !table.columns[savingColumn].signed;
    negativeSavings.set(table, known);
  }
  return known;
}

/** A saving as a committee reads it: its magnitude where the table shows savings as negatives. */
export function shownSaving(table: LinesTable, savingColumn: number, amount: Amount): Shown {
  const s = shown(amount);
  return savingsShownNegative(table, savingColumn) ? { value: s.value.abs(), decimals: s.decimals } : s;
}

export const HUNDRED = new Decimal(100);
export const TEN_THOUSAND = new Decimal(10000);
