/** `number-as-text` (warning): an amount typed as text, which Excel's SUM would skip. */
import { formatFigure } from "../validate/format";
import { Amount, exactValue } from "../validate/reader";
import { Table } from "../validate/tables";
import { Rule, RuleContext } from "./context";

export const numberAsText: Rule = {
  id: "number-as-text",
  check(ctx) {
    for (const table of ctx.tables) {
      if (table.kind === "target") flag(ctx, table, table.amount);
      else for (const row of table.rows) for (const a of row.figures) flag(ctx, table, a);
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
