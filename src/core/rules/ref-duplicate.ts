/** `ref-duplicate` (error): a savings reference is used for two different lines of a register. */
import { labelAt } from "../validate/reader";
import { linesTables, Rule } from "./context";

export const refDuplicate: Rule = {
  id: "ref-duplicate",
  check(ctx) {
    for (const table of linesTables(ctx, "register")) {
      const col = table.textColumns.ref;
      if (col === undefined) continue;
      const seen = new Map<string, number>();
      for (const row of table.rows) {
        if (row.kind !== "line") continue;
        const ref = labelAt(table.sheet, row.row, col);
        if (ref === null) continue;
        const key = ref.toUpperCase();
        const first = seen.get(key);
        if (first === undefined) seen.set(key, row.row);
        else
          ctx.report(
            "ref-duplicate",
            table,
            table.sheetIndex,
            row.row,
            col,
            `Savings reference ${ref} is used for two lines: row ${first + 1} and row ${row.row + 1}.`,
          );
      }
    }
  },
};
