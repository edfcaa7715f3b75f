/**
 * `unit-unrecognised` (warning): a figure column in a unit other than pounds (`$000`, `€m`, a
 * dollar number format). Its figures are checked among themselves, never read as pounds.
 */
import { linesTables, Rule } from "./context";

export const unitUnrecognised: Rule = {
  id: "unit-unrecognised",
  check(ctx) {
    for (const table of linesTables(ctx)) {
      for (const column of table.columns) {
        if (column.foreignUnit === null) continue;
        const header = column.header === "" ? "This column" : `"${column.header}"`;
        ctx.report(
          "unit-unrecognised",
          table,
          table.sheetIndex,
          column.headerRow,
          column.col,
          `${header} is in ${column.foreignUnit}, not pounds (£, £000, £m or £bn): its figures are not compared with pounds.`,
        );
      }
    }
  },
};
