/** The tables the validator recognises (SPEC §4), as rules see them. */
import { parseFinancialYear, YearForm } from "../financial-year";
import { CellRange, rangeToA1, SheetGrid } from "../grid";
import { Unit } from "../units";
import { labelKey } from "./header-text";
import { Concept } from "./vocabulary";
import { Amount } from "./reader";

export type TableKind = "workstream-summary" | "phasing" | "register" | "target" | "cla" | "figures";

const KIND_LABEL: Record<TableKind, string> = {
  "workstream-summary": "Workstream summary",
  phasing: "Phasing",
  register: "Savings register",
  target: "Savings target",
  cla: "Children looked after",
  figures: "Table of figures",
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
  | "annual-cost"
  | "figure"; // any other figure a total row adds up: a budget table's, a monitoring table's

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
  "figure",
  "budget",
  "saving",
  "year",
  "amount",
  "total",
  "children",
  "population",
  "annual-cost",
]);

export interface FigureColumn {
  role: ColumnRole;
  /** What the header says the column holds (vocabulary.ts), when it says. */
  concept: Concept | null;
  col: number;
  /** Cell of the header (or of the year label in a years-down phasing table). */
  headerRow: number;
  header: string;
  unit: Unit | null;
  /** Financial year (its start year) of a year column, or the calendar year it names. */
  year: number | null;
  /** How the header names its year, when it names one (`Year 2` is relative, `2024/26` invalid). */
  yearForm: YearForm | null;
  /** The year as the header wrote it (`2024/26`), for messages. */
  yearText: string | null;
  /** A unit in another currency stated in the header (`$000`): reported, and the column has no unit. */
  foreignUnit: string | null;
  /** `Saving / (Growth)`: negative figures are growth. */
  signed: boolean;
}

/** A section heading (a label with no figures, followed by lines) is no line: it adds up to nothing. */
export type RowKind = "line" | "subtotal" | "total" | "heading";

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

/** A table of lines: workstream summary, phasing, register, CLA, any table of figures. */
export interface LinesTable extends TableBase {
  kind: "workstream-summary" | "phasing" | "register" | "cla" | "figures";
  /** The last row of the header (years across, words or units): the body starts below it. */
  headerRow: number;
  columns: FigureColumn[];
  rows: TableRow[];
  /** Footnote markers defined by lines of text under the table. */
  footnotes: ReadonlySet<string>;
  /** Text columns by role (register: ref, description, workstream, rag, eia, consultation). */
  textColumns: Partial<Record<"ref" | "description" | "workstream" | "rag" | "eia" | "consultation", number>>;
  /** Years run down the label column (a years-down phasing table). */
  yearsDown: boolean;
  /** What each sub-total and total row adds up, worked out when the table was read (totals.ts). */
  groups: RowGroups;
  /** Rows printed one column out of place, which a total shows (see totals.ts). */
  misaligned: MisalignedRow[];
}

/** A row whose figures sit one column off: moved by `shift` columns, `total` adds up in every column. */
export interface MisalignedRow {
  row: TableRow;
  total: TableRow;
  shift: number;
  /** Figure columns (indexes into `columns`) in which the total is out as printed. */
  outBy: number;
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

export interface RowGroups {
  subtotals: RowGroup[];
  totals: RowGroup[];
}

/** What each sub-total and total row adds up (SPEC §4), as totals.ts worked it out. */
export function rowGroups(table: LinesTable): RowGroups {
  return table.groups;
}

/** A financial-year label of a table and where it sits. */
export interface YearLabel {
  /** The year it starts in; null for a header that reads as a year but is not one (`2024/26`). */
  year: number | null;
  text: string;
  row: number;
  col: number;
  /**
   * What the year's columns hold, when one year heads several (`Gross Expenditure £m` and
   * `Net Expenditure £m` under `2023/24`): a year repeats only within one measure.
   */
  measure: string;
}

/**
 * The years a table names, in order: across its header (financial or calendar years, and typos
 * that look like years; `Year 1` is a plan's year and needs no check), or down its label column.
 */
export function yearLabels(table: LinesTable): YearLabel[] {
  if (!table.yearsDown) {
    return table.columns
      .filter((c) => c.yearForm === "financial" || c.yearForm === "calendar" || c.yearForm === "invalid")
      .filter((c) => c.role === "year" || table.kind === "figures")
      .map((c) => ({
        year: c.yearForm === "invalid" ? null : c.year,
        text: c.yearText ?? c.header,
        row: c.headerRow,
        col: c.col,
        measure: table.kind === "figures" ? labelKey(c.header.replace(c.yearText ?? "", " ")) : "",
      }));
  }
  const labels: YearLabel[] = [];
  for (const r of table.rows) {
    const year = r.kind === "line" && r.label !== null ? parseFinancialYear(r.label) : null;
    if (year !== null) labels.push({ year, text: r.label!, row: r.row, col: r.labelCol, measure: "" });
  }
  return labels;
}
