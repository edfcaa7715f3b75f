/**
 * `fy-invalid` (warning): a header that reads as a year but is not one (`2024/26`, `2025/24`).
 * The column stays a figure column of its table, so its figures still count in the totals.
 */
import { linesTables, Rule } from "./context";

export const fyInvalid: Rule = {
  id: "fy-invalid",
  check(ctx) {
    for (const table of linesTables(ctx)) {
      for (const column of table.columns) {
        if (column.yearForm !== "invalid") continue;
        ctx.report(
          "fy-invalid",
          table,
          table.sheetIndex,
          column.headerRow,
          column.col,
          `"${column.yearText}" reads as a financial year but is not one (the second year must follow the first, as in 2024/25): the column is checked as a column of figures.`,
        );
      }
    }
  },
};
