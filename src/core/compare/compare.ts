/**
 * What changed between two drafts (SPEC §9), in the domain's words. Tables are matched by kind and
 * name, then by sheet and position; lines by reference, else by label (a line whose label changed
 * but whose figures did not is renamed); columns by financial year, else by what they hold. Rows
 * and columns inserted or moved are therefore no change, and neither is formatting: only stored
 * figures and words are compared. Money in different units is compared in the new draft's unit.
 */
import { Decimal } from "../decimal";
import { Finding, plural, SeverityCounts } from "../findings";
import { toA1 } from "../grid";
import { convertUnit, Unit, UNITS } from "../units";
import { formatFigure } from "../validate/format";
import { decimalsInUnit } from "../validate/reader";
import { verdictText } from "../validate/verdict";
import { Verdict } from "../validate";
import { Draft } from "./draft";
import { figureCell, LineSnapshot, TableSnapshot } from "./snapshot";

export type ChangeKind =
  | "figure-changed"
  | "target-changed"
  | "line-added"
  | "line-removed"
  | "line-renamed"
  | "year-added"
  | "year-dropped"
  | "column-added"
  | "column-removed"
  | "unit-changed"
  | "table-added"
  | "table-removed";

export interface Change {
  kind: ChangeKind;
  /** The table's name in the new draft (in the old one for a removed table). */
  table: string;
  sheet: string;
  /** The cell of the new draft it is about; null when the thing is gone (a removed line, a dropped year). */
  cell: string | null;
  /** Where it was in the old draft (on its sheet `oldSheet`); null when it is new. */
  oldSheet: string | null;
  oldCell: string | null;
  /** The line's reference and label (`EEI030 Reduce agency use`), when the change is about a line. */
  line: string | null;
  /** The column's name (`saving`, `2018/19`, `%`), when the change is about a column or a figure. */
  column: string | null;
  /** Before and after: plain decimal figures (an error's code; null for a blank), labels or units. */
  old: string | null;
  new: string | null;
  /** The old figure, label or unit as the earlier draft showed it (`21,890`), for notes; null when new. */
  was: string | null;
  /** New minus old, plain decimal, in `unit`; null when either side is not a figure. */
  difference: string | null;
  /** `£000`, `£m`, `%`, or null for counts and figures with no unit. */
  unit: string | null;
  message: string;
}

export interface DraftVerdict {
  verdict: Verdict;
  counts: SeverityCounts;
  /** `Ready for committee`, `Not ready for committee: 2 errors`. */
  text: string;
}

export interface Comparison {
  changes: Change[];
  then: DraftVerdict;
  now: DraftVerdict;
  /** Findings of the old draft that the new one no longer has, and findings only the new one has. */
  findingsFixed: Finding[];
  findingsNew: Finding[];
}

export function compareDrafts(before: Draft, after: Draft): Comparison {
  const changes: Change[] = [];
  const { pairs, added, removed } = matchTables(before.tables, after.tables);
  const order = new Map(after.tables.map((t, i) => [t, i]));
  pairs.sort((a, b) => order.get(a[1])! - order.get(b[1])!);
  for (const [o, n] of pairs) compareTable(o, n, changes);
  for (const t of added) changes.push(tableChange("table-added", t, null));
  for (const t of removed) changes.push(tableChange("table-removed", null, t));
  const renamedTables = new Map(pairs.map(([o, n]) => [`${o.sheet}\u0000${o.name}`, n.name]));
  const { fixed, fresh } = matchFindings(before.findings, after.findings, renamedTables);
  return {
    changes,
    then: draftVerdict(before),
    now: draftVerdict(after),
    findingsFixed: fixed,
    findingsNew: fresh,
  };
}

function draftVerdict(d: Draft): DraftVerdict {
  return { verdict: d.verdict, counts: d.counts, text: verdictText(d.verdict, d.counts) };
}

/** `Verdict then: Not ready for committee: 9 errors; now: Ready for committee (9 errors fewer; 9 findings fixed, 1 new)`. */
export function verdictChangeText(c: Comparison): string {
  const delta = c.now.counts.error - c.then.counts.error;
  const errors =
    delta === 0 ? "errors unchanged" : `${plural(Math.abs(delta), "error")} ${delta < 0 ? "fewer" : "more"}`;
  return (
    `Verdict then: ${c.then.text}; now: ${c.now.text} ` +
    `(${errors}; ${plural(c.findingsFixed.length, "finding")} fixed, ${c.findingsNew.length} new)`
  );
}

// ---- Tables -------------------------------------------------------------------------------------

function matchTables(before: TableSnapshot[], after: TableSnapshot[]) {
  const pairs: [TableSnapshot, TableSnapshot][] = [];
  const left = new Set(before);
  const right = new Set(after);
  const pass = (same: (o: TableSnapshot, n: TableSnapshot) => boolean) => {
    for (const n of after) {
      if (!right.has(n)) continue;
      for (const o of before) {
        if (!left.has(o) || !same(o, n)) continue;
        pairs.push([o, n]);
        left.delete(o);
        right.delete(n);
        break;
      }
    }
  };
  pass((o, n) => o.kind === n.kind && o.sheet === n.sheet && o.name === n.name);
  // Then by position: the first unmatched table of a kind on a sheet with the first on the same
  // sheet (rows inserted above moved it), then on any sheet (the sheet was renamed).
  pass((o, n) => o.kind === n.kind && o.sheet === n.sheet);
  pass((o, n) => o.kind === n.kind);
  return { pairs, added: after.filter((t) => right.has(t)), removed: before.filter((t) => left.has(t)) };
}

function tableChange(kind: "table-added" | "table-removed", n: TableSnapshot | null, o: TableSnapshot | null): Change {
  const t = (n ?? o)!;
  const lines = t.lines.filter((l) => l.kind === "line").length;
  return {
    ...blank(kind, n, o),
    cell: n ? toA1(n.top, n.left) : null,
    oldCell: o ? toA1(o.top, o.left) : null,
    message: `${kind === "table-added" ? "Table added" : "Table removed"}: ${t.name} on '${t.sheet}' (${plural(lines, "line")})`,
  };
}

function blank(kind: ChangeKind, n: TableSnapshot | null, o: TableSnapshot | null): Change {
  const t = (n ?? o)!;
  return {
    kind,
    table: t.name,
    sheet: t.sheet,
    cell: null,
    oldSheet: o ? o.sheet : null,
    oldCell: null,
    line: null,
    column: null,
    old: null,
    new: null,
    was: null,
    difference: null,
    unit: null,
    message: "",
  };
}

// ---- Columns and lines ---------------------------------------------------------------------------

interface ColumnPair {
  o: number;
  n: number;
  /** Units to compare money in: the old figure is converted from `from` to `to`. */
  from: Unit | null;
  to: Unit | null;
}

function compareTable(o: TableSnapshot, n: TableSnapshot, changes: Change[]): void {
  const columns = matchColumns(o, n, changes);
  const oldIndex = new Map<string, number>();
  o.lines.forEach((l, i) => oldIndex.set(l.key, i));
  // The old line each new line is, by position (arrays: a register has 50,000 lines).
  const matched: (LineSnapshot | undefined)[] = new Array(n.lines.length);
  const taken = new Uint8Array(o.lines.length);
  n.lines.forEach((l, i) => {
    const j = oldIndex.get(l.key);
    if (j !== undefined && o.lines[j].kind === l.kind) {
      matched[i] = o.lines[j];
      taken[j] = 1;
    }
  });
  pairRenamed(o, n, columns, matched, taken);
  n.lines.forEach((l, i) => {
    const before = matched[i];
    if (!before) {
      changes.push(lineAddedOrRemoved("added", o, n, l));
      return;
    }
    if (before.label !== l.label || before.ref !== l.ref) changes.push(renamed(o, n, before, l));
    for (const c of columns) {
      const change = figureChange(o, n, before, l, c);
      if (change) changes.push(change);
    }
  });
  o.lines.forEach((l, j) => {
    if (!taken[j]) changes.push(lineAddedOrRemoved("removed", o, n, l));
  });
}

/** Columns by key; the years and other columns only one draft has; a change of money unit. */
function matchColumns(o: TableSnapshot, n: TableSnapshot, changes: Change[]): ColumnPair[] {
  const oldKeys = new Map(o.columns.map((c, k) => [c.key, k]));
  const pairs: ColumnPair[] = [];
  const units = new Set<string>();
  n.columns.forEach((c, k) => {
    const j = oldKeys.get(c.key);
    if (j === undefined) {
      changes.push(columnChange("added", o, n, k));
      return;
    }
    oldKeys.delete(c.key);
    const from = moneyUnit(o.columns[j].unit);
    const to = moneyUnit(c.unit);
    const converts = from !== null && to !== null && from !== to;
    pairs.push({ o: j, n: k, from: converts ? from : null, to: converts ? to : null });
    if (converts && !units.has(`${from}>${to}`)) {
      units.add(`${from}>${to}`);
      changes.push({
        ...blank("unit-changed", n, o),
        cell: toA1(c.headerRow, c.col),
        oldCell: toA1(o.columns[j].headerRow, o.columns[j].col),
        old: from,
        new: to,
        was: from,
        message: `Unit changed from ${from} to ${to}: figures compared in ${to}`,
      });
    }
  });
  for (const j of oldKeys.values()) changes.push(columnChange("removed", o, n, j));
  return pairs;
}

function moneyUnit(unit: string | null): Unit | null {
  return (UNITS as readonly string[]).indexOf(unit ?? "") >= 0 ? (unit as Unit) : null;
}

function columnChange(how: "added" | "removed", o: TableSnapshot, n: TableSnapshot, k: number): Change {
  const c = how === "added" ? n.columns[k] : o.columns[k];
  const year = c.year !== null;
  const kind: ChangeKind = year ? (how === "added" ? "year-added" : "year-dropped") : `column-${how}`;
  const cell = toA1(c.headerRow, c.col);
  return {
    ...blank(kind, n, o),
    cell: how === "added" ? cell : null,
    oldCell: how === "removed" ? cell : null,
    column: c.label,
    message: year ? `Year ${how === "added" ? "added" : "dropped"}: ${c.label}` : `Column ${how}: ${c.label}`,
  };
}

/**
 * Lines only one draft has, paired when their figures are the same (in the new draft's units): a
 * line renamed (or given a new reference), not one removed and another added. Totals and
 * sub-totals pair in order whatever their figures: a table's total is its total.
 */
function pairRenamed(
  o: TableSnapshot,
  n: TableSnapshot,
  columns: ColumnPair[],
  matched: (LineSnapshot | undefined)[],
  taken: Uint8Array,
): void {
  const isYear = (l: LineSnapshot) => l.key.startsWith("line|fy:");
  const bySignature = new Map<string, number[]>();
  const oldTotals: Record<string, number[]> = { subtotal: [], total: [] };
  o.lines.forEach((l, j) => {
    if (taken[j]) return;
    if (l.kind !== "line") oldTotals[l.kind].push(j);
    else if (!isYear(l)) {
      const key = signature(l, columns, "old");
      (bySignature.get(key) ?? bySignature.set(key, []).get(key)!).push(j);
    }
  });
  n.lines.forEach((l, i) => {
    if (matched[i] || (l.kind === "line" && isYear(l))) return;
    const candidates = l.kind === "line" ? bySignature.get(signature(l, columns, "new")) : oldTotals[l.kind];
    if (!candidates || candidates.length === 0) return;
    const j = candidates.shift()!;
    matched[i] = o.lines[j];
    taken[j] = 1;
  });
}

/** A line's figures in the matched columns, old money converted to the new unit. */
function signature(l: LineSnapshot, columns: ColumnPair[], side: "old" | "new"): string {
  return columns
    .map((c) => {
      const text = l.figures[side === "old" ? c.o : c.n];
      const value = numeric(text);
      if (value === null) return text ?? "";
      const converted = side === "old" && c.from && c.to ? convertUnit(value, c.from, c.to) : value;
      return converted.toFixed();
    })
    .join("|");
}

function numeric(text: string | null): Decimal | null {
  if (text === null || text === "?" || text.charAt(0) === "#") return null;
  return new Decimal(text);
}

function lineName(l: LineSnapshot): string {
  return l.ref !== null && l.ref !== l.label ? `${l.ref} ${l.label}` : l.label;
}

function renamed(o: TableSnapshot, n: TableSnapshot, before: LineSnapshot, after: LineSnapshot): Change {
  return {
    ...blank("line-renamed", n, o),
    cell: toA1(after.row, after.col),
    oldCell: toA1(before.row, before.col),
    line: lineName(after),
    old: lineName(before),
    new: lineName(after),
    was: lineName(before),
    message: `${lineName(before)}: renamed ${lineName(after)}`,
  };
}

function lineAddedOrRemoved(how: "added" | "removed", o: TableSnapshot, n: TableSnapshot, l: LineSnapshot): Change {
  const t = how === "added" ? n : o;
  const year = l.key.startsWith("line|fy:");
  const cell = toA1(l.row, l.col);
  if (year)
    return {
      ...blank(how === "added" ? "year-added" : "year-dropped", n, o),
      cell: how === "added" ? cell : null,
      oldCell: how === "removed" ? cell : null,
      column: l.label,
      message: `Year ${how === "added" ? "added" : "dropped"}: ${l.label}`,
    };
  const shown = t.columns
    .map((c, k) => ({ c, text: l.figures[k] }))
    .filter(({ text }) => text !== null)
    .map(({ c, text }) => `${c.label} ${showFigure(text, c.decimals)}`);
  const units = new Set(t.columns.filter((c, k) => l.figures[k] !== null && moneyUnit(c.unit)).map((c) => c.unit));
  const unit = units.size === 1 ? `; ${[...units][0]}` : "";
  const figures = shown.length > 0 ? ` (${how === "removed" ? "was " : ""}${shown.join(", ")}${unit})` : "";
  return {
    ...blank(how === "added" ? "line-added" : "line-removed", n, o),
    cell: how === "added" ? cell : null,
    oldCell: how === "removed" ? cell : null,
    line: lineName(l),
    message: `${lineName(l)}: line ${how}${figures}`,
  };
}

function showFigure(text: string | null, decimals: number): string {
  const value = numeric(text);
  return value === null ? (text ?? "blank") : formatFigure(value, decimals);
}

// ---- Figures ------------------------------------------------------------------------------------

function figureChange(
  o: TableSnapshot,
  n: TableSnapshot,
  before: LineSnapshot,
  after: LineSnapshot,
  c: ColumnPair,
): Change | null {
  const oldText = before.figures[c.o];
  const newText = after.figures[c.n];
  // Most figures of a draft are as they were: no arithmetic for them.
  if (oldText === newText && !(c.from && c.to)) return null;
  const oc = o.columns[c.o];
  const nc = n.columns[c.n];
  const oldValue = numeric(oldText);
  const newValue = numeric(newText);
  const target = n.kind === "target";
  const base = {
    ...blank(target ? "target-changed" : "figure-changed", n, o),
    cell: figureCell(n, after, c.n),
    oldCell: figureCell(o, before, c.o),
    line: target ? null : lineName(after),
    column: nc.label,
    unit: nc.unit,
  };
  const subject = target ? `${after.label || "Savings target"}:` : `${lineName(after)}: ${nc.label}`;
  if (oldValue === null || newValue === null) {
    if (oldText === newText) return null;
    return {
      ...base,
      old: oldText,
      new: newText,
      was: showFigure(oldText, oc.decimals),
      message: `${subject} ${showFigure(oldText, oc.decimals)} → ${showFigure(newText, nc.decimals)}`,
    };
  }
  let oldInUnit = oldValue;
  let oldDecimals = oc.decimals;
  let same = oldValue.eq(newValue);
  if (c.from && c.to) {
    oldInUnit = convertUnit(oldValue, c.from, c.to);
    oldDecimals = decimalsInUnit(oc.decimals, c.from, c.to);
    // Compared at the coarser of the two shown precisions: 21,890 (£000) is 21.9 (£m).
    const places = Math.min(oldDecimals, nc.decimals);
    same = roundAt(oldInUnit, places).eq(roundAt(newValue, places));
  }
  if (same) return null;
  const difference = newValue.minus(oldInUnit);
  const places = Math.max(0, oldDecimals, nc.decimals);
  const sign = difference.isNegative() ? "" : "+";
  const unit = nc.unit === "%" ? " points" : nc.unit ? `, ${nc.unit}` : "";
  const wasShown = formatFigure(oldInUnit, Math.max(0, oldDecimals));
  return {
    ...base,
    was: wasShown,
    old: oldInUnit.toFixed(),
    new: newValue.toFixed(),
    difference: difference.toFixed(),
    message:
      `${subject} ${wasShown} → ${formatFigure(newValue, nc.decimals)} ` +
      `(${sign}${formatFigure(difference, places)}${unit})`,
  };
}

/** Half away from zero at `places` decimals; negative places round to tens, hundreds… */
function roundAt(value: Decimal, places: number): Decimal {
  if (places >= 0) return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const scale = new Decimal(10).pow(-places);
  return value.div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(scale);
}

// ---- Findings -----------------------------------------------------------------------------------

/**
 * Findings fixed and findings new: the same finding is the same rule on the same sheet with the
 * same message, else at the same cell (its figures changed, it did not go away), else in the same
 * table (rows inserted above moved it). `tables` gives each old table's name in the new draft.
 */
function matchFindings(
  before: Finding[],
  after: Finding[],
  tables: Map<string, string>,
): { fixed: Finding[]; fresh: Finding[] } {
  const open = new Set(before);
  let unmatched = after;
  const passes: ((f: Finding, old: boolean) => string)[] = [
    (f) => `${f.rule}\u0000${f.sheet}\u0000${f.message}`,
    (f) => `${f.rule}\u0000${f.sheet}\u0000${f.cell}`,
    (f, old) => `${f.rule}\u0000${f.sheet}\u0000${old ? (tables.get(`${f.sheet}\u0000${f.table}`) ?? "") : f.table}`,
  ];
  for (const key of passes) {
    const groups = groupBy(
      before.filter((f) => open.has(f) && (key !== passes[2] || f.table !== "")),
      (f) => key(f, true),
    );
    const rest: Finding[] = [];
    for (const f of unmatched) {
      const same = take(groups, key(f, false), open);
      if (same) open.delete(same);
      else rest.push(f);
    }
    unmatched = rest;
  }
  return { fixed: before.filter((f) => open.has(f)), fresh: unmatched };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(item);
  }
  return groups;
}

function take<T>(groups: Map<string, T[]>, key: string, open: Set<T>): T | undefined {
  const group = groups.get(key);
  while (group && group.length > 0) {
    const item = group.shift()!;
    if (open.has(item)) return item;
  }
  return undefined;
}

/** The changes of one table, for listing them grouped (the command line, the pane). */
export interface ChangeGroup {
  /** Stable key: sheet and table. */
  key: string;
  sheet: string;
  table: string;
  changes: Change[];
}

/** Changes grouped by (sheet, table), in the order they come. */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = groupBy([...changes], (c) => `${c.sheet}\u0000${c.table}`);
  return [...groups].map(([key, grouped]) => ({
    key,
    sheet: grouped[0].sheet,
    table: grouped[0].table,
    changes: grouped,
  }));
}
