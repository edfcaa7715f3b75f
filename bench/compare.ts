/**
 * Comparing drafts (issue 12): two 50,000-line registers (as the validate bench writes them) that
 * differ in 1% of their lines' savings. The time of `savings-check compare` without its printing
 * (read both files, validate both, compare) against validating both (read and validate each), and
 * the ratio. Goal: compare within 1.5 times validating both.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { compareDrafts } from "../src/core/compare/compare";
import { readDraft } from "../src/core/compare/draft";
import { validateWorkbook } from "../src/core/validate";
import { readWorkbookGrid } from "../src/cli/xlsx/workbook-file";
import { BenchSection } from "./section";
import { medianTimes, writeRegister } from "./validate";

const LINES = 50000;
/** Every hundredth line's saving is changed in the new draft. */
const CHANGED_EVERY = 100;

export const compareBench: BenchSection = {
  name: "compare",
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), "savings-bench-compare-"));
    try {
      const before = join(dir, "before.xlsx");
      const after = join(dir, "after.xlsx");
      const saving = (i: number) => 10 + ((i * 37) % 990);
      await writeRegister(before, LINES, saving);
      await writeRegister(after, LINES, (i) => saving(i) + (i % CHANGED_EVERY === 0 ? 5 : 0));
      const validateBoth = async () => {
        validateWorkbook(readWorkbookGrid(before));
        validateWorkbook(readWorkbookGrid(after));
      };
      const compare = async () => {
        const result = compareDrafts(
          readDraft(readWorkbookGrid(before)).draft,
          readDraft(readWorkbookGrid(after)).draft,
        );
        // The changed lines and the total.
        if (result.changes.length !== LINES / CHANGED_EVERY + 1)
          throw new Error(`compare found ${result.changes.length} changes, not ${LINES / CHANGED_EVERY + 1}`);
      };
      await compare(); // warm-up, and the check that it finds the changes
      const [validated, compared] = await medianTimes(validateBoth, compare);
      const ratio = compared.wall / validated.wall;
      log(
        `${LINES} lines, ${LINES / CHANGED_EVERY} changed: validating both ${Math.round(validated.wall)} ms, ` +
          `comparing ${Math.round(compared.wall)} ms, ratio ${ratio.toFixed(2)} (goal <= 1.5)`,
      );
      return {
        validateBothMs50k: Math.round(validated.wall),
        ms50k: Math.round(compared.wall),
        ratio50k: Number(ratio.toFixed(3)),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
