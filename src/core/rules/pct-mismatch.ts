/** `pct-mismatch` (error): a stated % of budget differs from saving / budget beyond rounding. */
import { checkRatio } from "../validate/bounds";
import { formatFigure } from "../validate/format";
import { hasFigure } from "../validate/reader";
import { columnIndex } from "../validate/tables";
import { HUNDRED, linesTables, Rule, shown, shownSaving } from "./context";
import { reportDifference } from "./rounding-difference";

export const pctMismatch: Rule = {
  id: "pct-mismatch",
  check(ctx) {
    for (const table of linesTables(ctx, "workstream-summary")) {
      const pct = columnIndex(table, "pct");
      const budget = columnIndex(table, "budget");
      const saving = columnIndex(table, "saving");
      if (pct < 0 || budget < 0 || saving < 0) continue;
      for (const row of table.rows) {
        const p = row.figures[pct];
        const b = row.figures[budget];
        const s = row.figures[saving];
        if (!hasFigure(p) || !hasFigure(b) || !hasFigure(s)) continue;
        const savingShown = shownSaving(table, saving, s);
        const difference = checkRatio(savingShown, shown(b), shown(p), HUNDRED);
        if (!difference) continue;
        const places = Math.max(0, p.decimals);
        const comparison =
          `Savings as % of budget: stated ${formatFigure(difference.stated, places)}%, ` +
          `${formatFigure(savingShown.value, s.decimals)} / ${formatFigure(shown(b).value, b.decimals)} = ${formatFigure(difference.computed, places)}%`;
        reportDifference(ctx, "pct-mismatch", difference.outcome, table, p.row, p.col, comparison);
      }
    }
  },
};
