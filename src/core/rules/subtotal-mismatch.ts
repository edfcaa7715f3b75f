/** `subtotal-mismatch` (error): a sub-total differs from the sum of its rows beyond rounding. */
import { checkSum } from "../validate/bounds";
import { hasFigure } from "../validate/reader";
import { rowGroups, SUMMED_ROLES } from "../validate/tables";
import { linesTables, Rule } from "./context";
import { reportDifference } from "./rounding-difference";
import { describeSum } from "./total-mismatch";

export const subtotalMismatch: Rule = {
  id: "subtotal-mismatch",
  check(ctx) {
    for (const table of linesTables(ctx)) {
      const { subtotals } = rowGroups(table);
      for (const group of subtotals) {
        table.columns.forEach((column, k) => {
          if (!SUMMED_ROLES.has(column.role)) return;
          const stated = group.row.figures[k];
          if (!hasFigure(stated)) return;
          const parts = group.parts.map((r) => r.figures[k]);
          const difference = checkSum(parts, stated);
          if (!difference) return;
          const comparison = describeSum(group.row.label ?? "Sub-total", column.header, stated, parts, difference, "line", "above");
          reportDifference(ctx, "subtotal-mismatch", difference.outcome, table, stated.row, stated.col, comparison);
        });
      }
    }
  },
};
