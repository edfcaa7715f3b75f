/**
 * `figures-unchecked` (warning): a block of figures (four or more together) that no recognised
 * table holds, so none of them was checked (SPEC §4: coverage, never silent). Named at its
 * top-left cell with its range; formulas whose result was never stored count among them.
 */
import { plural } from "../findings";
import { rangeToA1 } from "../grid";
import { Rule } from "./context";

export const figuresUnchecked: Rule = {
  id: "figures-unchecked",
  check(ctx) {
    for (const block of ctx.coverage.blocks) {
      ctx.report(
        "figures-unchecked",
        null,
        block.sheetIndex,
        block.range.top,
        block.range.left,
        `${plural(block.figures, "figure")} in ${rangeToA1(block.range)} are in no table the check recognised: none of them was checked.`,
      );
    }
  },
};
