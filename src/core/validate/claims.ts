/**
 * The cells the tables of a sheet have claimed so far (SPEC §4: tables never overlap), asked cell
 * by cell and a stretch of a row at a time: detection asks for every row of a long table.
 */
import { CellRange } from "../grid";

export class Claims {
  private readonly ranges: CellRange[];

  constructor(reserved: readonly CellRange[] = []) {
    this.ranges = [...reserved];
  }

  add(range: CellRange): void {
    this.ranges.push(range);
  }

  /** The cell belongs to no table. */
  free(row: number, col: number): boolean {
    for (const k of this.ranges) if (k.top <= row && row <= k.bottom && k.left <= col && col <= k.right) return false;
    return true;
  }

  /** No cell of the row from `left` to `right` belongs to a table. */
  spanFree(row: number, left: number, right: number): boolean {
    for (const k of this.ranges)
      if (k.top <= row && row <= k.bottom && k.left <= right && left <= k.right) return false;
    return true;
  }

  /** The table that holds every cell of the row from `left` to `right`, if one does. */
  covering(row: number, left: number, right: number): CellRange | null {
    for (const k of this.ranges) if (k.top <= row && row <= k.bottom && k.left <= left && right <= k.right) return k;
    return null;
  }
}
