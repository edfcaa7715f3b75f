/**
 * `number-as-text` (warning): an amount typed as text, which Excel's SUM would skip, where a
 * total, a % or a rate uses it.
 */
import { formatFigure } from "../validate/format";
import { Amount, exactValue } from "../validate/reader";
import { ColumnRole, columnIndex, SUMMED_ROLES, Table } from "../validate/tables";
import { Rule, RuleContext } from "./context";

/** Columns whose figures something works with: the inputs of a % or rate. */
const RATIO_INPUTS: ReadonlySet<ColumnRole> = new Set(["budget", "saving", "children", "population"]);

export const numberAsText: Rule = {
  id: "number-as-text",
  check(ctx) {
    for (const table of ctx.tables) {
      if (table.kind === "target") {
        flag(ctx, table, table.amount);
        continue;
      }
      // Only where a sum or a ratio would use the figure: a scorecard's `92.4%` among counts feeds nothing.
      const totalled =
        table.groups.totals.length + table.groups.subtotals.length > 0 || columnIndex(table, "total") >= 0;
      const used = table.columns.map((c) => RATIO_INPUTS.has(c.role) || (totalled && SUMMED_ROLES.has(c.role)));
      for (const row of table.rows) row.figures.forEach((a, k) => used[k] && flag(ctx, table, a));
    }
  },
};

function flag(ctx: RuleContext, table: Table, a: Amount): void {
  if (a.kind !== "text") return;
  ctx.report(
    "number-as-text",
    table,
    table.sheetIndex,
    a.row,
    a.col,
    `"${a.text}" is typed as text (read as ${formatFigure(exactValue(a), a.decimals)}): Excel's SUM would skip it.`,
  );
}
