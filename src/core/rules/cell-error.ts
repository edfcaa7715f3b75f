/** `cell-error` (error): a cell in a table shows `#DIV/0!`, `#REF!`, `#VALUE!`, `#NAME?`, … */
import { errorAt } from "../validate/reader";
import { Rule } from "./context";

export const cellError: Rule = {
  id: "cell-error",
  check(ctx) {
    for (const table of ctx.tables) {
      const { top, bottom, left, right } = table.range;
      for (let r = top; r <= bottom; r++) {
        const cells = table.sheet.values[r];
        if (!cells) continue;
        const end = Math.min(right, cells.length - 1);
        for (let c = left; c <= end; c++) {
          const v = cells[c];
          if (v === null || typeof v === "number") continue;
          const error = errorAt(v);
          if (error)
            ctx.report(
              "cell-error",
              table,
              table.sheetIndex,
              r,
              c,
              `This cell shows ${error}: the table cannot be checked or printed with it.`,
            );
        }
      }
    }
  },
};
