/** `hidden-row` (warning): a hidden row or column inside a table (its figures still count). */
import { columnLetters } from "../grid";
import { Rule } from "./context";

export const hiddenRow: Rule = {
  id: "hidden-row",
  check(ctx) {
    for (const table of ctx.tables) {
      const { top, bottom, left, right } = table.range;
      const rows = [...table.sheet.hiddenRows].filter((r) => r >= top && r <= bottom).sort((a, b) => a - b);
      for (const r of rows) {
        ctx.report(
          "hidden-row",
          table,
          table.sheetIndex,
          r,
          left,
          `Row ${r + 1} is hidden inside the table; its figures still count in the totals.`,
        );
      }
      const cols = [...table.sheet.hiddenColumns].filter((c) => c >= left && c <= right).sort((a, b) => a - b);
      for (const c of cols) {
        ctx.report(
          "hidden-row",
          table,
          table.sheetIndex,
          top,
          c,
          `Column ${columnLetters(c)} is hidden inside the table; its figures still count.`,
        );
      }
    }
  },
};
