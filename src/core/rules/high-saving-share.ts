/** `high-saving-share` (warning): a saving above a share of its budget (50% unless configured). */
import { Decimal } from "../decimal";
import { formatFigure } from "../validate/format";
import { exactValue, hasFigure } from "../validate/reader";
import { columnIndex } from "../validate/tables";
import { HUNDRED, linesTables, Rule, shownSaving } from "./context";

export const highSavingShare: Rule = {
  id: "high-saving-share",
  check(ctx) {
    const threshold = new Decimal(ctx.options.highSavingShare);
    for (const table of linesTables(ctx, "workstream-summary")) {
      const budget = columnIndex(table, "budget");
      const saving = columnIndex(table, "saving");
      if (budget < 0 || saving < 0) continue;
      for (const row of table.rows) {
        if (row.kind !== "line") continue;
        const b = row.figures[budget];
        const s = row.figures[saving];
        if (!hasFigure(b) || !hasFigure(s)) continue;
        const budgetValue = exactValue(b);
        const savingValue = shownSaving(table, saving, s).value;
        // A saving above its whole budget is saving-exceeds-budget's finding.
        if (!budgetValue.gt(0) || savingValue.gt(budgetValue) || !savingValue.gt(budgetValue.times(threshold)))
          continue;
        const share = savingValue.dividedBy(budgetValue).times(HUNDRED);
        ctx.report(
          "high-saving-share",
          table,
          table.sheetIndex,
          s.row,
          s.col,
          `${row.label ?? "This line"}: saving ${formatFigure(savingValue, s.decimals)} is ${formatFigure(share, 1)}% of its budget ${formatFigure(budgetValue, b.decimals)}, above ${formatFigure(threshold.times(HUNDRED), 0)}%.`,
        );
      }
    }
  },
};
