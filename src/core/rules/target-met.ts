/** `target-met` (info): the proposals total meets the savings target; the message gives the margin. */
import { formatFigure } from "../validate/format";
import { compareTarget } from "../validate/proposals";
import { Rule } from "./context";

export const targetMet: Rule = {
  id: "target-met",
  check(ctx) {
    for (const table of ctx.tables) {
      if (table.kind !== "target") continue;
      const c = compareTarget(table, ctx.tables);
      if (!c || c.gap.gt(0)) continue;
      const unit = c.unit ? ` (${c.unit})` : "";
      ctx.report(
        "target-met",
        table,
        table.sheetIndex,
        table.row,
        table.amount.col,
        `Proposals total ${formatFigure(c.proposals, c.decimals)}${unit} in ${c.source.name} meet the savings target ${formatFigure(c.targetValue, c.decimals)} with a margin of ${formatFigure(c.gap.negated(), c.decimals)}.`,
      );
    }
  },
};
