/** `fy-gap` (warning): financial years skip a year or go backwards. */
import { formatFinancialYear } from "../financial-year";
import { yearLabels } from "../validate/tables";
import { linesTables, Rule } from "./context";

export const fyGap: Rule = {
  id: "fy-gap",
  check(ctx) {
    for (const table of linesTables(ctx, "phasing", "register")) {
      const labels = yearLabels(table);
      const seen = new Set<number>();
      let previous: number | null = null;
      for (const label of labels) {
        // A repeated year is fy-duplicate's finding, not a gap.
        if (seen.has(label.year)) continue;
        seen.add(label.year);
        if (previous !== null && label.year !== previous + 1) {
          const expected = formatFinancialYear(previous + 1);
          const message =
            label.year < previous
              ? `Financial years go backwards: ${formatFinancialYear(label.year)} follows ${formatFinancialYear(previous)}.`
              : `Financial years skip: ${formatFinancialYear(label.year)} follows ${formatFinancialYear(previous)}, ${expected} is missing.`;
          ctx.report("fy-gap", table, table.sheetIndex, label.row, label.col, message);
        }
        previous = label.year;
      }
    }
  },
};
