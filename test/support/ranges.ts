/** Ranges in tests, as the engine's own parser reads them. */
import { CellRange, parseRangeA1 } from "../../src/core/grid";

/** `A3:D9` (or one cell) as a range; a test's own addresses are always valid. */
export function range(a1: string): CellRange {
  return parseRangeA1(a1)!;
}

/** The largest distance of any edge of `found` from the true one (TableSense's EoB). */
export function edgeError(found: CellRange, truth: CellRange): number {
  return Math.max(
    Math.abs(found.top - truth.top),
    Math.abs(found.left - truth.left),
    Math.abs(found.bottom - truth.bottom),
    Math.abs(found.right - truth.right),
  );
}
