/** The tables the validator recognises (SPEC §4), as rules see them. */
import { parseFinancialYear } from "../financial-year";
import { CellRange, rangeToA1, SheetGrid } from "../grid";
import { Unit } from "../units";
import { Amount } from "./reader";

export type TableKind = "workstream-summary" | "phasing" | "register" | "target" | "cla";

const KIND_LABEL: Record<TableKind, string> = {
  "workstream-summary": "Workstream summary",
  phasing: "Phasing",
  register: "Savings register",
  target: "Savings target",
  cla: "Children looked after",
};

/** `Workstream summary A3:D12`: the label findings carry in `table`. */
export function tableName(kind: TableKind, range: CellRange): string {
  return `${KIND_LABEL[kind]} ${rangeToA1(range)}`;
}

/** What a column of figures holds. */
export type ColumnRole =
  | "budget"
  | "saving"
  | "pct"
  | "year" // one financial year of a phasing table or register
  | "amount" // a register's single amount column
  | "total" // a total column: the sum of the year columns of its row
  | "children"
  | "population"
  | "rate"
  | "weekly-cost"
  | "annual-cost";

/** Columns of money, which need a unit. */
export const MONEY_ROLES: ReadonlySet<ColumnRole> = new Set([
  "budget",
  "saving",
  "year",
  "amount",
  "total",
  "weekly-cost",
  "annual-cost",
]);
/** Columns that sub-total and total rows add up. */
export const SUMMED_ROLES: ReadonlySet<ColumnRole> = new Set([
  "budget",
  "saving",
  "year",
  "amount",
  "total",
  "children",
  "annual-cost",
]);

export interface FigureColumn {
  role: ColumnRole;
  col: number;
  /** Cell of the header (or of the year label in a years-down phasing table). */
  headerRow: number;
  header: string;
  unit: Unit | null;
  /** Financial year (its start year) of a year column. */
  year: number | null;
}

export type RowKind = "line" | "subtotal" | "total";

export interface TableRow {
  row: number;
  kind: RowKind;
  /** The line's label (workstream, description, year), trimmed; null when it has none. */
  label: string | null;
  labelCol: number;
  /** One amount per figure column, in the order of `Table.columns`. */
  figures: Amount[];
}

interface TableBase {
  sheet: SheetGrid;
  sheetIndex: number;
  range: CellRange;
  name: string;
}

/** A table of lines: workstream summary, phasing, register, CLA. */
export interface LinesTable extends TableBase {
  kind: "workstream-summary" | "phasing" | "register" | "cla";
  headerRow: number;
  columns: FigureColumn[];
  rows: TableRow[];
  /** Footnote markers defined by lines of text under the table. */
  footnotes: ReadonlySet<string>;
  /** Text columns by role (register: ref, description, workstream, rag, eia, consultation). */
  textColumns: Partial<Record<"ref" | "description" | "workstream" | "rag" | "eia" | "consultation", number>>;
  /** Years run down the label column (a years-down phasing table). */
  yearsDown: boolean;
}

export interface TargetTable extends TableBase {
  kind: "target";
  labelCol: number;
  row: number;
  amount: Amount;
  unit: Unit | null;
  /** Where the unit was read (the cell beside the amount), for messages. */
  unitCol: number | null;
}

export type Table = LinesTable | TargetTable;

export function columnIndex(table: LinesTable, role: ColumnRole): number {
  return table.columns.findIndex((c) => c.role === role);
}

/** A sub-total or total row and the rows it adds up. */
export interface RowGroup {
  row: TableRow;
  parts: TableRow[];
}

/**
 * What each sub-total and total row adds up (SPEC §4): a sub-total sums the lines since the
 * previous sub-total; a total sums the sub-totals and any lines no sub-total covers (so just the
 * lines when there are no sub-totals).
 */
export function rowGroups(table: LinesTable): { subtotals: RowGroup[]; totals: RowGroup[] } {
  // Two rules ask for the groups of every table: work them out once.
  let groups = groupsOf.get(table);
  if (!groups) groupsOf.set(table, (groups = computeRowGroups(table)));
  return groups;
}

const groupsOf = new WeakMap<LinesTable, { subtotals: RowGroup[]; totals: RowGroup[] }>();

function computeRowGroups(table: LinesTable): { subtotals: RowGroup[]; totals: RowGroup[] } {
  const subtotals: RowGroup[] = [];
  const totals: RowGroup[] = [];
  let pending: TableRow[] = [];
  let covered: TableRow[] = [];
  for (const row of table.rows) {
    if (row.kind === "line") pending.push(row);
    else if (row.kind === "subtotal") {
      subtotals.push({ row, parts: pending });
      covered.push(row);
      pending = [];
    } else {
      totals.push({ row, parts: [...covered, ...pending] });
      covered = [];
      pending = [];
    }
  }
  return { subtotals, totals };
}

/** A financial-year label of a table and where it sits. */
export interface YearLabel {
  year: number;
  text: string;
  row: number;
  col: number;
}

/** The financial years a table names, in order: across its header, or down its label column. */
export function yearLabels(table: LinesTable): YearLabel[] {
  if (!table.yearsDown) {
    return table.columns
      .filter((c) => c.role === "year" && c.year !== null)
      .map((c) => ({ year: c.year!, text: c.header, row: c.headerRow, col: c.col }));
  }
  const labels: YearLabel[] = [];
  for (const r of table.rows) {
    const year = r.kind === "line" && r.label !== null ? parseFinancialYear(r.label) : null;
    if (year !== null) labels.push({ year, text: r.label!, row: r.row, col: r.labelCol });
  }
  return labels;
}
