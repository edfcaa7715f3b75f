/** `fy-duplicate` (error): a financial year appears twice in one table (for the same figures, where a year heads several). */
import { formatFinancialYear } from "../financial-year";
import { toA1 } from "../grid";
import { yearLabels, YearLabel } from "../validate/tables";
import { linesTables, Rule } from "./context";

export const fyDuplicate: Rule = {
  id: "fy-duplicate",
  check(ctx) {
    for (const table of linesTables(ctx, "phasing", "register", "figures")) {
      const seen = new Map<string, YearLabel>();
      for (const label of yearLabels(table)) {
        if (label.year === null) continue;
        const key = `${label.measure}\u0000${label.year}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, label);
          continue;
        }
        ctx.report(
          "fy-duplicate",
          table,
          table.sheetIndex,
          label.row,
          label.col,
          `Financial year ${formatFinancialYear(label.year)} appears twice: "${first.text}" at ${toA1(first.row, first.col)} and "${label.text}" here.`,
        );
      }
    }
  },
};
