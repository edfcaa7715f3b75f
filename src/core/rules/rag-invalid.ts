/** `rag-invalid` (warning): a RAG status other than Red, Amber, Green, Blue/Delivered (or R/A/G/B). */
import { linesTables, Rule } from "./context";

const WORDS = ["red", "amber", "green", "blue", "delivered", "blue/delivered", "blue - delivered", "r", "a", "g", "b"];
/** Each status as written most often (`Green`, `GREEN`, `green`), so most cells need no lower-casing. */
const VALID = new Set(WORDS.flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]));

export const ragInvalid: Rule = {
  id: "rag-invalid",
  check(ctx) {
    for (const table of linesTables(ctx, "register")) {
      const col = table.textColumns.rag;
      if (col === undefined) continue;
      for (const row of table.rows) {
        if (row.kind !== "line") continue;
        const v = table.sheet.values[row.row]?.[col];
        if (v === null || v === undefined) continue;
        const text = String(typeof v === "object" ? v.error : v).trim();
        if (text === "" || VALID.has(text) || VALID.has(text.toLowerCase())) continue;
        ctx.report(
          "rag-invalid",
          table,
          table.sheetIndex,
          row.row,
          col,
          `RAG status "${text}" is not one of Red, Amber, Green, Blue/Delivered (or R, A, G, B).`,
        );
      }
    }
  },
};
