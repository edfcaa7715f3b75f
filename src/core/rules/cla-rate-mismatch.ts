/**
 * `cla-rate-mismatch` (error): a stated rate of children looked after per 10,000 children differs
 * from children / population × 10,000 beyond rounding of the shown figures.
 */
import { checkRatio } from "../validate/bounds";
import { formatFigure } from "../validate/format";
import { hasFigure } from "../validate/reader";
import { columnIndex } from "../validate/tables";
import { linesTables, Rule, shown, TEN_THOUSAND } from "./context";
import { reportDifference } from "./rounding-difference";

export const claRateMismatch: Rule = {
  id: "cla-rate-mismatch",
  check(ctx) {
    for (const table of linesTables(ctx, "cla")) {
      const rate = columnIndex(table, "rate");
      const children = columnIndex(table, "children");
      const population = columnIndex(table, "population");
      if (rate < 0 || children < 0 || population < 0) continue;
      for (const row of table.rows) {
        const r = row.figures[rate];
        const c = row.figures[children];
        const p = row.figures[population];
        if (!hasFigure(r) || !hasFigure(c) || !hasFigure(p)) continue;
        const difference = checkRatio(shown(c), shown(p), shown(r), TEN_THOUSAND);
        if (!difference) continue;
        const places = Math.max(0, r.decimals);
        const comparison =
          `Rate per 10,000 children: stated ${formatFigure(difference.stated, places)}, ` +
          `${formatFigure(shown(c).value, c.decimals)} / ${formatFigure(shown(p).value, p.decimals)} × 10,000 = ${formatFigure(difference.computed, places)}`;
        reportDifference(ctx, "cla-rate-mismatch", difference.outcome, table, r.row, r.col, comparison);
      }
    }
  },
};
