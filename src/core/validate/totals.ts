/**
 * What each total and sub-total adds up (SPEC §4), found the way Strudel and AggreCol find them:
 * by label where a label says so (`Total`, `Sub-total`, `Grand total`, `Balanced budget`), and by
 * arithmetic where it does not (`Service expenditure`, `Cost of Services`, a department's name):
 * a row whose figures equal the sum of the rows above it is a total whatever its label.
 *
 * The rows a total adds up are not always "the lines since the last total": councils print
 * running balances (`Budget requirement 2024/25` = last year's + the changes), totals of a
 * section after an opening line, totals that include an earlier total. Each total is tried
 * against a few readings of the rows above, and takes the one that adds up; when none does, it
 * is checked against the plain reading, so its fault is reported.
 */
import { Decimal } from "../decimal";
import { checkSum, scaledValue } from "./bounds";
import { Amount, exactValue, hasFigure } from "./reader";
import { MisalignedRow, RowGroup, RowGroups, TableRow } from "./tables";

/** A row's label says it is a total (of everything above, or of what it names) or a sub-total, or nothing. */
export type LabelledKind = "grand" | "total" | "subtotal" | null;

export interface GroupingInput {
  rows: TableRow[];
  /** What each row's label says (same order as rows). */
  labelled: LabelledKind[];
  /** Indexes into each row's figures of the columns that total rows add up. */
  summed: number[];
  /** Rows that can only be lines (a register line with a reference). */
  lineOnly: boolean[];
  /** Summed columns that hold successive years (or periods), where a row printed one column off can be told. */
  ordered: number[];
  /**
   * Rows that start a run of lines: labelled in another column than the line above, or after a
   * blank row or a heading. A total of the last lines only (not all since the last total) must
   * start at one: a run of lines that happens to add up to a wrong total is no reading.
   */
  runStarts: ReadonlySet<TableRow>;
}

export interface Grouping {
  groups: RowGroups;
  misaligned: MisalignedRow[];
}

/** A running sum of figures, kept as a scaled integer while it can be, so that long tables cost no Decimal. */
class RunningSum {
  private int = 0;
  private scale = 0;
  private exact: Decimal | null = null;
  /** Figures that cannot be read among those added: no sum is known then. */
  private unknown = 0;

  add(a: Amount, sign: 1 | -1): void {
    if (a.kind === "unknown") this.unknown += sign;
    if (!hasFigure(a)) return;
    // Whole figures added to a whole sum, the common case of a long register, need no scaling.
    if (this.exact === null && this.scale === 0 && a.exact === null && Number.isInteger(a.value)) {
      const next = this.int + sign * a.value;
      if (Math.abs(a.value) < 1e15 && Number.isSafeInteger(next)) {
        this.int = next;
        return;
      }
    }
    if (this.exact === null) {
      const s = a.exact === null ? scaledValue(a.value) : null;
      const scale = s ? Math.max(s.scale, this.scale) : 0;
      const mine = this.int * 10 ** (scale - this.scale);
      const next = s ? mine + sign * s.int * 10 ** (scale - s.scale) : NaN;
      if (Number.isSafeInteger(mine) && Number.isSafeInteger(next)) {
        this.int = next;
        this.scale = scale;
        return;
      }
      this.exact = this.value();
    }
    this.exact = this.exact.plus(exactValue(a).times(sign));
  }

  /** Whether the sum equals a stated figure exactly (both read as Excel shows 15 digits). */
  equals(a: Amount): boolean {
    if (!hasFigure(a) || this.unknown !== 0) return false;
    const s = this.exact === null && a.exact === null ? scaledValue(a.value) : null;
    if (s) {
      const scale = Math.max(s.scale, this.scale);
      const theirs = s.int * 10 ** (scale - s.scale);
      const mine = this.int * 10 ** (scale - this.scale);
      if (Number.isSafeInteger(theirs) && Number.isSafeInteger(mine)) return theirs === mine;
    }
    return this.value().eq(exactValue(a));
  }

  private value(): Decimal {
    return this.exact ?? new Decimal(this.int).times(new Decimal(10).pow(-this.scale));
  }
}

/** One reading of the rows a total adds up. */
type Reading = "plain" | "lines" | "running" | "all-lines" | "suffix";

/** How a set of parts fares against a total row, over its summed columns. */
interface Fit {
  /** Columns where the row states a figure. */
  stated: number;
  /** Of those, columns that add up exactly, or within rounding. */
  exact: number;
  rounding: number;
  /** Columns that add up exactly from at least two figures, not all zero. */
  meaningful: number;
}

function fit(parts: readonly TableRow[], row: TableRow, summed: readonly number[]): Fit {
  const result: Fit = { stated: 0, exact: 0, rounding: 0, meaningful: 0 };
  for (const k of summed) {
    const stated = row.figures[k];
    if (!hasFigure(stated)) continue;
    const figures = parts.map((p) => p.figures[k]);
    if (figures.some((a) => a.kind === "unknown")) continue;
    result.stated++;
    const difference = checkSum(figures, stated);
    if (difference === null) {
      result.exact++;
      const present = figures.filter(hasFigure);
      if (present.length >= 2 && present.some((a) => a.value !== 0)) result.meaningful++;
    } else if (difference.outcome === "rounding") result.rounding++;
  }
  return result;
}

/** Whether a group adds up in every summed column it states (exactly or within rounding). */
export function addsUp(group: RowGroup, summed: readonly number[]): boolean {
  const f = fit(group.parts, group.row, summed);
  return f.stated > 0 && f.exact + f.rounding === f.stated;
}

/**
 * Works out the groups of a table's rows. Rows change kind here: a line that adds up the rows
 * above becomes a total, and a total that a later total adds up becomes a sub-total.
 */
export function groupRows(input: GroupingInput): Grouping {
  const { rows, labelled, lineOnly } = input;
  const grouper = new Grouper(input);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (row.kind === "heading") continue;
    const label = labelled[index];
    if (label === null) grouper.line(row, lineOnly[index]);
    else grouper.total(row, label);
  }
  return grouper.result();
}

/**
 * The state of groupRows as it goes down a table. Each row is one small method call: a long
 * register's lines run through code optimised after their first few hundred.
 */
class Grouper {
  private readonly summed: readonly number[];
  private readonly groups: RowGroup[] = [];
  private readonly misaligned: MisalignedRow[] = [];
  /** Rows not yet added up by a total, in order. */
  private open: TableRow[] = [];
  /** Where the trailing run of lines in `open` starts. */
  private linesFrom = 0;
  /** Lines since the last labelled total, ignoring totals found by arithmetic. */
  private sinceTotal: TableRow[] = [];
  /** Running sums of the trailing lines and of all open rows, by summed column. */
  private trailing: RunningSum[];
  private openSums: RunningSum[];
  private readonly arithmetic = new Set<TableRow>();
  /** Totals that say no more than `Total`: they close everything above them. */
  private readonly grands = new Set<TableRow>();
  /** Open rows that are totals, and the groups that took one as a part (see result). */
  private openTotals: TableRow[] = [];
  private readonly tookTotals = new Set<RowGroup>();

  constructor(private readonly input: GroupingInput) {
    this.summed = input.summed;
    this.trailing = this.sums();
    this.openSums = this.sums();
  }

  /** A row no label makes a total: a line, unless it adds up the rows above. */
  line(row: TableRow, lineOnly: boolean): void {
    const { summed, open } = this;
    // Tried cheaply on running sums first (the trailing lines are copied out only then: a long
    // register asks for them rarely).
    if (!lineOnly && open.length >= 2 && addsUpSomewhere(row, summed, this.trailing, this.openSums)) {
      const reading = arithmeticReading(row, open.slice(this.linesFrom), open, summed);
      if (reading) {
        row.kind = "total";
        this.arithmetic.add(row);
        this.close(row, reading);
        this.sinceTotal.push(row);
        return;
      }
    }
    this.addOpen(row);
    this.sinceTotal.push(row);
    for (let i = 0; i < summed.length; i++) this.trailing[i].add(row.figures[summed[i]], 1);
  }

  /** A row its label makes a total or sub-total: what it adds up. */
  total(row: TableRow, label: "grand" | "total" | "subtotal"): void {
    const { summed, open, trailing, openSums, groups } = this;
    row.kind = label === "subtotal" ? "subtotal" : "total";
    const lines = open.slice(this.linesFrom);
    const plainRows = plainParts(label, lines, open, this.grands);
    // The running sums of a reading's rows, where they are the open rows or the trailing lines.
    const plainSums = plainRows === lines ? trailing : sumsOfSuffix(plainRows, open, openSums, lines, trailing);
    const plain: Candidate = { reading: "plain", parts: plainRows, sums: plainSums };
    const readings = candidateReadings(
      plain,
      { parts: lines, sums: trailing },
      { parts: open, sums: openSums },
      this.sinceTotal,
    );
    let chosen = chooseReading(readings, row, summed) ?? exactSuffix(lines, row, summed, this.input.runStarts);
    if (chosen?.reading === "all-lines") {
      // Rows taken for totals by arithmetic in between were lines after all (a line that
      // happened to equal the two above it): they are parts again.
      const demoted = new Set(chosen.parts.filter((r) => this.arithmetic.has(r)));
      for (const r of demoted) r.kind = "line";
      for (let i = groups.length - 1; i >= 0; i--) if (demoted.has(groups[i].row)) groups.splice(i, 1);
    }
    if (!chosen) {
      // Nothing adds up: perhaps a row was printed a column out (Gateshead's unidentified cuts),
      // under whichever reading then adds up; else the plain reading stands, to be reported.
      const shifted = misalignedUnder(readings, row, this.input.ordered);
      if (shifted) this.misaligned.push(shifted.row);
      chosen = shifted?.reading ?? plain;
    }
    // A total of one earlier total that differs from it adds up something else (another
    // table's figures, as `Total Council Tax requirement` does): nothing here can check it.
    const unknown =
      chosen === plain &&
      plain.parts.length === 1 &&
      plain.parts[0].kind === "total" &&
      !addsUp({ row, parts: plain.parts }, summed);
    // Running sums of all open rows are kept for readings that take all of them.
    this.close(row, chosen.parts, !unknown, chosen.sums === openSums, chosen.reading === "all-lines");
    if (label !== "subtotal") this.sinceTotal = [];
    if (label === "grand") this.grands.add(row);
  }

  result(): Grouping {
    // A total that a later total adds up is a sub-total of it (only groups that took one are read).
    const inner = new Set<TableRow>();
    for (const g of this.groups)
      if (this.tookTotals.has(g)) for (const p of g.parts) if (p.kind === "total") inner.add(p);
    for (const row of inner) row.kind = "subtotal";
    return {
      groups: {
        subtotals: this.groups.filter((g) => g.row.kind === "subtotal"),
        totals: this.groups.filter((g) => g.row.kind === "total"),
      },
      misaligned: this.misaligned,
    };
  }

  private sums(): RunningSum[] {
    return this.summed.map(() => new RunningSum());
  }

  private addOpen(row: TableRow): void {
    this.open.push(row);
    for (let i = 0; i < this.summed.length; i++) this.openSums[i].add(row.figures[this.summed[i]], 1);
  }

  /**
   * A total takes its parts out of the open rows, and is open itself. `all`: the parts are known
   * to be every open row. `fromLines`: they may hold rows no longer open (the all-lines reading).
   */
  private close(row: TableRow, parts: TableRow[], checked = true, all = false, fromLines = false): void {
    const { open, summed } = this;
    // A total of everything still open (the common case, and a long register's last row) needs no set.
    all ||= parts.length === open.length && parts.every((p, i) => p === open[i]);
    const taken = all ? null : new Set(parts);
    const kept = taken ? open.filter((r) => !taken.has(r)) : [];
    // Totals among the parts are open totals (or, from the lines, any row): a group without one is not read again.
    const tookTotals = fromLines || (taken ? this.openTotals.some((r) => taken.has(r)) : this.openTotals.length > 0);
    this.openTotals = taken ? this.openTotals.filter((r) => !taken.has(r)) : [];
    if (row.kind === "total") this.openTotals.push(row);
    // Only rows still open leave the open sums (a reading may take lines an earlier total took).
    if (kept.length === 0) this.openSums = this.sums();
    else for (const r of open) if (taken!.has(r)) summed.forEach((k, i) => this.openSums[i].add(r.figures[k], -1));
    this.open = kept;
    this.addOpen(row);
    this.linesFrom = this.open.length;
    this.trailing = this.sums();
    if (!checked) return;
    const group = { row, parts };
    this.groups.push(group);
    if (tookTotals) this.tookTotals.add(group);
  }
}

/** Whether some summed column of `row` equals the trailing lines' or all open rows' running sum. */
function addsUpSomewhere(
  row: TableRow,
  summed: readonly number[],
  trailing: RunningSum[],
  open: RunningSum[],
): boolean {
  for (let i = 0; i < summed.length; i++) {
    const a = row.figures[summed[i]];
    if (hasFigure(a) && a.value !== 0 && (trailing[i].equals(a) || open[i].equals(a))) return true;
  }
  return false;
}

/**
 * The rows a line adds up when it is a total by arithmetic alone: at least half the columns it
 * has figures in add up exactly, one of them from two or more figures, and none merely comes
 * close. A column that is out by more than rounding is a fault to report (Westmorland's
 * `Service expenditure`); one out by a little is what a line that happens to equal the lines
 * above it in one column looks like in the next.
 */
function arithmeticReading(
  row: TableRow,
  lines: TableRow[],
  open: TableRow[],
  summed: readonly number[],
): TableRow[] | null {
  for (const parts of [lines, open]) {
    if (parts.length < 2) continue;
    const f = fit(parts, row, summed);
    if (f.meaningful >= 1 && 2 * f.exact >= f.stated && f.rounding === 0) return parts;
  }
  return null;
}

interface Candidate {
  reading: Reading;
  parts: TableRow[];
  /** Running sums of exactly these parts, when kept: they tell an exact fit without reading every part. */
  sums?: RunningSum[];
}

/** Rows with their running sums. */
interface Summed {
  parts: TableRow[];
  sums: RunningSum[];
}

/** The running sums of a suffix of the open rows, when it is all of them or the trailing lines. */
function sumsOfSuffix(
  suffix: TableRow[],
  open: TableRow[],
  openSums: RunningSum[],
  lines: TableRow[],
  trailing: RunningSum[],
): RunningSum[] | undefined {
  if (suffix.length === open.length) return openSums;
  return suffix.length === lines.length ? trailing : undefined;
}

/**
 * Whether running sums equal a row's figures in every summed column it states: then every such
 * column adds up exactly (see fit). False when they cannot tell (a figure nobody can read among
 * the parts) or do not equal, which leaves it to fit.
 */
function sumsMatch(sums: readonly RunningSum[], row: TableRow, summed: readonly number[]): boolean {
  let stated = 0;
  for (let i = 0; i < summed.length; i++) {
    const a = row.figures[summed[i]];
    if (!hasFigure(a)) continue;
    if (!sums[i].equals(a)) return false;
    stated++;
  }
  return stated > 0;
}

/**
 * The plain reading: a sub-total adds the lines since the last total or sub-total; a total that
 * names what it adds (`Total Social care`), what is still open since the last total (or, right
 * under totals, those totals); a plain `Total`, everything still open since the last plain
 * `Total` (section totals included).
 */
function plainParts(
  label: "grand" | "total" | "subtotal",
  lines: TableRow[],
  open: TableRow[],
  grands: ReadonlySet<TableRow>,
): TableRow[] {
  if (label === "subtotal") return lines;
  const sinceGrand = grands.size === 0 ? open.slice() : open.slice(lastIndexOf(open, (r) => grands.has(r)) + 1);
  if (label === "grand") return sinceGrand;
  // `Total savings` right under section totals adds them up, as a plain `Total` would.
  const sinceTotal = open.slice(lastIndexOf(open, (r) => r.kind === "total") + 1);
  return sinceTotal.length > 0 ? sinceTotal : sinceGrand;
}

function candidateReadings(plain: Candidate, lines: Summed, open: Summed, sinceTotal: TableRow[]): Candidate[] {
  return [
    plain,
    { reading: "lines", ...lines },
    { reading: "running", ...open },
    // A copy: the lines since the last total grow on after a sub-total takes them.
    { reading: "all-lines", parts: sinceTotal.slice() },
  ];
}

function lastIndexOf<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return -1;
}

/**
 * The plain reading when it adds up exactly; else another that does; else null (the plain
 * reading stands, and rounding or a mismatch is judged on it). Another reading is never taken for
 * adding up within rounding only: more parts reach further, and would excuse a real difference.
 */
function chooseReading(readings: Candidate[], row: TableRow, summed: readonly number[]): Candidate | null {
  for (const r of readings) {
    if (r.parts.length === 0) continue;
    if (r.sums && sumsMatch(r.sums, row, summed)) return r;
    const f = fit(r.parts, row, summed);
    if (f.stated > 0 && f.exact === f.stated) return r;
  }
  return null;
}

/**
 * The longest run of the last lines (two or more) that adds up to the total exactly in every
 * column: a section's total after an opening line (`Total change in services` below
 * `Budget requirement 2023/24`). A guess from arithmetic alone, so only an exact one is taken.
 */
function exactSuffix(
  lines: TableRow[],
  row: TableRow,
  summed: readonly number[],
  runStarts: ReadonlySet<TableRow>,
): Candidate | null {
  const columns = summed.filter((k) => hasFigure(row.figures[k]));
  if (columns.length === 0) return null;
  const sums = columns.map(() => new RunningSum());
  let found = -1;
  for (let from = lines.length - 1; from >= 1; from--) {
    columns.forEach((k, i) => sums[i].add(lines[from].figures[k], 1));
    if (
      lines.length - from >= 2 &&
      runStarts.has(lines[from]) &&
      columns.every((k, i) => sums[i].equals(row.figures[k]))
    )
      found = from;
  }
  return found < 0 ? null : { reading: "suffix", parts: lines.slice(found) };
}

/** Beyond this many parts a misaligned row is not looked for (the search tries every part). */
const MAX_MISALIGNED_PARTS = 200;

/**
 * A total that does not add up in several columns of successive years, but would if one of its
 * rows were moved one column along: that row was printed one year out of place (Gateshead's
 * "Potential budget cuts" line). Columns holding a figure that cannot be read are left out.
 */
/** The first reading under which one row, moved a column along, makes the total add up. */
function misalignedUnder(
  readings: Candidate[],
  total: TableRow,
  ordered: readonly number[],
): { reading: Candidate; row: MisalignedRow } | null {
  for (const reading of readings) {
    if (reading.parts.length === 0 || reading.parts.length > MAX_MISALIGNED_PARTS) continue;
    const row = findMisaligned(reading.parts, total, ordered);
    if (row) return { reading, row };
  }
  return null;
}

function findMisaligned(parts: TableRow[], total: TableRow, ordered: readonly number[]): MisalignedRow | null {
  if (ordered.length < 3) return null;
  const out = ordered.filter((k) => columnHolds(parts, total, k) === false).length;
  if (out < 2) return null;
  for (const candidate of parts) {
    for (const shift of [1, -1]) {
      const moved = parts.map((p) => (p === candidate ? shiftRow(p, ordered, shift) : p));
      let checked = 0;
      let allHold = true;
      for (const k of ordered) {
        const verdict = columnHolds(moved, total, k);
        if (verdict === null) continue;
        checked++;
        if (!verdict) {
          allHold = false;
          break;
        }
      }
      if (allHold && checked >= 2) return { row: candidate, total, shift, outBy: out };
    }
  }
  return null;
}

/** Whether one column adds up (exactly or within rounding); null when a part or the total cannot be read. */
function columnHolds(parts: readonly TableRow[], total: TableRow, k: number): boolean | null {
  const stated = total.figures[k];
  if (!hasFigure(stated)) return null;
  const figures = parts.map((p) => p.figures[k]);
  if (figures.some((a) => a.kind === "word" && /\d/.test(a.text ?? ""))) return null;
  const difference = checkSum(figures, stated);
  return difference === null || difference.outcome === "rounding";
}

/** A row's figures moved `shift` places along the ordered columns (the cell moved out is dropped). */
function shiftRow(row: TableRow, ordered: readonly number[], shift: number): TableRow {
  const figures = row.figures.slice();
  for (let i = 0; i < ordered.length; i++) {
    const from = i - shift;
    figures[ordered[i]] =
      from >= 0 && from < ordered.length ? row.figures[ordered[from]] : blankLike(row.figures[ordered[i]]);
  }
  return { ...row, figures };
}

function blankLike(a: Amount): Amount {
  return { ...a, kind: "blank", value: 0, exact: null, text: null, markers: null };
}
