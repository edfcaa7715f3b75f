/** What a rule receives: the workbook's tables, the options, and a way to report a finding. */
import { Decimal } from "../decimal";
import { RuleId } from "../findings";
import { WorkbookGrid } from "../grid";
import { Shown } from "../validate/bounds";
import { ValidateOptions } from "../validate/options";
import { Amount, exactValue } from "../validate/reader";
import { LinesTable, Table } from "../validate/tables";

export interface RuleContext {
  workbook: WorkbookGrid;
  tables: readonly Table[];
  options: Required<ValidateOptions>;
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

export const HUNDRED = new Decimal(100);
export const TEN_THOUSAND = new Decimal(10000);
