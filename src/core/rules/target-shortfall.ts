/** `target-shortfall` (error): the proposals total less than the savings target. */
import { formatFigure } from "../validate/format";
import { compareTarget } from "../validate/proposals";
import { Rule } from "./context";

export const targetShortfall: Rule = {
  id: "target-shortfall",
  check(ctx) {
    for (const table of ctx.tables) {
      if (table.kind !== "target") continue;
      const c = compareTarget(table, ctx.tables);
      if (!c || !c.gap.gt(0)) continue;
      const unit = c.unit ? ` (${c.unit})` : "";
      ctx.report(
        "target-shortfall",
        table,
        table.sheetIndex,
        table.row,
        table.amount.col,
        `Proposals total ${formatFigure(c.proposals, c.decimals)}${unit} in ${c.source.name} fall ${formatFigure(c.gap, c.decimals)} short of the savings target ${formatFigure(c.targetValue, c.decimals)}.`,
      );
    }
  },
};
