/** `label-duplicate` (warning): two lines of one table with the same label. */
import { linesTables, Rule } from "./context";

export const labelDuplicate: Rule = {
  id: "label-duplicate",
  check(ctx) {
    for (const table of linesTables(ctx)) {
      // Years down a phasing table are fy-duplicate's business; a register's lines are told apart
      // by their references (ref-duplicate), and one description may serve two workstreams.
      if (table.yearsDown || table.textColumns.ref !== undefined) continue;
      const seen = new Map<string, number>();
      for (const row of table.rows) {
        if (row.kind !== "line" || row.label === null) continue;
        let key = row.label.toLowerCase();
        if (key.includes("  ")) key = key.replace(/\s+/g, " ");
        const first = seen.get(key);
        if (first === undefined) seen.set(key, row.row);
        else
          ctx.report(
            "label-duplicate",
            table,
            table.sheetIndex,
            row.row,
            row.labelCol,
            `"${row.label}" is the label of two lines: rows ${first + 1} and ${row.row + 1}.`,
          );
      }
    }
  },
};
