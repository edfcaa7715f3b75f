/** `saving-exceeds-budget` (error): a saving larger than its budget. */
import { formatFigure } from "../validate/format";
import { exactValue, hasFigure } from "../validate/reader";
import { columnIndex } from "../validate/tables";
import { linesTables, Rule, shownSaving } from "./context";

export const savingExceedsBudget: Rule = {
  id: "saving-exceeds-budget",
  check(ctx) {
    for (const table of linesTables(ctx, "workstream-summary")) {
      const budget = columnIndex(table, "budget");
      const saving = columnIndex(table, "saving");
      if (budget < 0 || saving < 0) continue;
      for (const row of table.rows) {
        const b = row.figures[budget];
        const s = row.figures[saving];
        if (!hasFigure(b) || !hasFigure(s)) continue;
        const savingValue = shownSaving(table, saving, s).value;
        // A net income budget (below zero) has no share to exceed.
        if (exactValue(b).isNegative() || !savingValue.gt(exactValue(b))) continue;
        ctx.report(
          "saving-exceeds-budget",
          table,
          table.sheetIndex,
          s.row,
          s.col,
          `${row.label ?? "This line"}: saving ${formatFigure(savingValue, s.decimals)} is larger than its budget ${formatFigure(exactValue(b), b.decimals)}.`,
        );
      }
    }
  },
};
