/** `fy-gap` (warning): financial years skip a year or go backwards. */
import { formatFinancialYear } from "../financial-year";
import { LinesTable, yearLabels, YearLabel } from "../validate/tables";
import { linesTables, Rule, RuleContext } from "./context";

export const fyGap: Rule = {
  id: "fy-gap",
  check(ctx) {
    for (const table of linesTables(ctx, "phasing", "register", "figures")) {
      const measures = new Map<string, YearLabel[]>();
      for (const label of yearLabels(table)) {
        const same = measures.get(label.measure);
        if (same) same.push(label);
        else measures.set(label.measure, [label]);
      }
      for (const labels of measures.values()) checkSequence(ctx, table, labels);
    }
  },
};

/**
 * Years in order, each the one before plus one. A header that reads as a year but is not one
 * (`2024/26`, fy-invalid's finding) stands for the year its place says.
 */
function checkSequence(ctx: RuleContext, table: LinesTable, labels: YearLabel[]): void {
  const seen = new Set<number>();
  let previous: number | null = null;
  let between = 0;
  for (const label of labels) {
    if (label.year === null) {
      between++;
      continue;
    }
    // A repeated year is fy-duplicate's finding, not a gap.
    if (seen.has(label.year)) continue;
    seen.add(label.year);
    if (previous !== null && label.year !== previous + 1 + between) {
      const expected = formatFinancialYear(previous + 1);
      const message =
        label.year < previous
          ? `Financial years go backwards: ${formatFinancialYear(label.year)} follows ${formatFinancialYear(previous)}.`
          : `Financial years skip: ${formatFinancialYear(label.year)} follows ${formatFinancialYear(previous)}, ${expected} is missing.`;
      ctx.report("fy-gap", table, table.sheetIndex, label.row, label.col, message);
    }
    previous = label.year;
    between = 0;
  }
}
