/** `fy-duplicate` (error): a financial year appears twice in one table. */
import { formatFinancialYear } from "../financial-year";
import { toA1 } from "../grid";
import { yearLabels, YearLabel } from "../validate/tables";
import { linesTables, Rule } from "./context";

export const fyDuplicate: Rule = {
  id: "fy-duplicate",
  check(ctx) {
    for (const table of linesTables(ctx, "phasing", "register")) {
      const seen = new Map<number, YearLabel>();
      for (const label of yearLabels(table)) {
        const first = seen.get(label.year);
        if (!first) {
          seen.set(label.year, label);
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
