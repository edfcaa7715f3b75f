/**
 * `hardcoded-total` (info): a sub-total or total typed in as a number rather than computed by a
 * formula (it will not follow its rows when they change). Also a phasing table's total column.
 */
import { formatFigure } from "../validate/format";
import { Amount, exactValue } from "../validate/reader";
import { LinesTable, SUMMED_ROLES } from "../validate/tables";
import { linesTables, Rule, RuleContext } from "./context";

export const hardcodedTotal: Rule = {
  id: "hardcoded-total",
  check(ctx) {
    for (const table of linesTables(ctx)) {
      for (const row of table.rows) {
        table.columns.forEach((column, k) => {
          const totalCell =
            row.kind !== "line" ? SUMMED_ROLES.has(column.role) : table.kind === "phasing" && column.role === "total";
          if (totalCell) flag(ctx, table, row.figures[k], row.kind === "subtotal" ? "sub-total" : "total");
        });
      }
    }
  },
};

function flag(ctx: RuleContext, table: LinesTable, a: Amount, what: string): void {
  if (a.kind !== "number" || a.formula) return;
  ctx.report(
    "hardcoded-total",
    table,
    table.sheetIndex,
    a.row,
    a.col,
    `The ${what} ${formatFigure(exactValue(a), a.decimals)} is typed in, not computed by a formula.`,
  );
}
