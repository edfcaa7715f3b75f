/**
 * `eia-missing` (warning): a register line with no equality impact assessment recorded: its EIA
 * cell is empty or says it is not done.
 */
import { linesTables, Rule } from "./context";

const NOT_DONE = new Set([
  "no",
  "n",
  "not done",
  "not started",
  "pending",
  "tbc",
  "tbd",
  "to do",
  "outstanding",
  "not yet",
]);

export const eiaMissing: Rule = {
  id: "eia-missing",
  check(ctx) {
    for (const table of linesTables(ctx, "register")) {
      const col = table.textColumns.eia;
      if (col === undefined) continue;
      for (const row of table.rows) {
        if (row.kind !== "line") continue;
        const v = table.sheet.values[row.row]?.[col];
        const text = typeof v === "string" ? v.trim() : v === null || v === undefined ? "" : null;
        if (text === null) continue;
        // Every "not done" word starts n, p, t or o: a `Yes` needs no lower-casing.
        const first = text.charCodeAt(0) | 32;
        const notDone =
          (first === 110 || first === 112 || first === 116 || first === 111) && NOT_DONE.has(text.toLowerCase());
        if (text === "" || notDone) {
          const what = text === "" ? "is empty" : `says "${text}"`;
          ctx.report(
            "eia-missing",
            table,
            table.sheetIndex,
            row.row,
            col,
            `No equality impact assessment recorded for this line: its EIA cell ${what}.`,
          );
        }
      }
    }
  },
};
