/**
 * The recognised tables of a draft in a small, plain form (SPEC §9): labels, references, years and
 * figures, not the sheets. Comparing two drafts reads only this, so the pane can keep one in the
 * workbook's record when it marks a workbook and compare with it later, with no second file.
 */
import { formatFinancialYear, parseFinancialYear } from "../financial-year";
import { rangeToA1, SheetGrid, toA1 } from "../grid";
import { takeUnit } from "../units";
import { labelKey } from "../validate/header-text";
import { Amount, errorAt, exactValue, hasFigure } from "../validate/reader";
import { FigureColumn, LinesTable, Table, TableKind, TableRow } from "../validate/tables";
import { formatPlain } from "../decimal";

export interface ColumnSnapshot {
  /** What matches the column across drafts: its financial year, else its role (and header words). */
  key: string;
  /** How a message names it: `saving`, `2018/19`, `%`. */
  label: string;
  /** A financial or calendar year the column holds, for years added or dropped. */
  year: number | null;
  /** `£000`, `£m`, `%`, or null for counts and columns with no unit. */
  unit: string | null;
  /** Decimals the column shows (the most any of its figures shows). */
  decimals: number;
  /** 0-based column on the sheet. */
  col: number;
  /** 0-based row of its header. */
  headerRow: number;
}

export interface LineSnapshot {
  kind: "line" | "subtotal" | "total";
  /** What matches the line across drafts: its reference, else its label (`#2` for a repeat). */
  key: string;
  /** The label as shown (a register line's description). */
  label: string;
  ref: string | null;
  /** 0-based row and column of its label (its first figure when it has none). */
  row: number;
  col: number;
  /**
   * One per column: the figure as plain decimal text, an error's code (`#DIV/0!`), or null for
   * a blank or not-applicable cell.
   */
  figures: (string | null)[];
}

export interface TableSnapshot {
  sheet: string;
  kind: TableKind;
  /** The table's name as findings carry it (`Workstream summary A3:D12`). */
  name: string;
  range: string;
  /** 0-based first cell, for a link when the changed cell is gone. */
  top: number;
  left: number;
  columns: ColumnSnapshot[];
  lines: LineSnapshot[];
}

/** The cell of line `line`, column `k` of a snapshot: `C9`. */
export function figureCell(table: TableSnapshot, line: LineSnapshot, k: number): string {
  return toA1(line.row, table.columns[k].col);
}

export function snapshotTables(tables: readonly Table[]): TableSnapshot[] {
  return tables.map((t) => (t.kind === "target" ? targetSnapshot(t) : linesSnapshot(t)));
}

function targetSnapshot(t: Extract<Table, { kind: "target" }>): TableSnapshot {
  const label = t.sheet.values[t.row]?.[t.labelCol];
  return {
    ...place(t),
    columns: [
      {
        key: "target",
        label: "target",
        year: null,
        unit: t.unit,
        decimals: shownDecimals(t.amount),
        col: t.amount.col,
        headerRow: t.row,
      },
    ],
    lines: [
      {
        kind: "line",
        key: "target",
        label: cleanText(String(label ?? "")),
        ref: null,
        row: t.row,
        col: t.labelCol,
        figures: [figure(t.sheet, t.amount)],
      },
    ],
  };
}

function linesSnapshot(t: LinesTable): TableSnapshot {
  const columnKeys = new Keys();
  const columns = t.columns.map((c, k) => {
    let decimals = 0;
    for (const r of t.rows) if (hasFigure(r.figures[k])) decimals = Math.max(decimals, shownDecimals(r.figures[k]));
    return {
      key: columnKeys.next(columnKey(c)),
      label: columnLabel(c),
      year: c.yearForm === "financial" || c.yearForm === "calendar" ? c.year : null,
      unit: c.role === "pct" ? "%" : c.unit,
      decimals,
      col: c.col,
      headerRow: c.headerRow,
    };
  });
  const lineKeys = new Keys();
  const refCol = t.textColumns.ref;
  const lines: LineSnapshot[] = [];
  for (const r of t.rows) {
    if (r.kind === "heading") continue;
    const ref = refCol === undefined ? null : cleanText(String(t.sheet.values[r.row]?.[refCol] ?? "")) || null;
    const label = lineLabel(t, r);
    const year = t.yearsDown && r.kind === "line" ? parseFinancialYear(label) : null;
    const base = year !== null ? `fy:${year}` : ref !== null && r.kind === "line" ? `ref:${ref}` : `label:${label}`;
    lines.push({
      kind: r.kind,
      key: lineKeys.next(`${r.kind}|${base}`),
      label: year !== null ? formatFinancialYear(year) : label,
      ref,
      row: r.row,
      col: r.labelCol,
      figures: r.figures.map((a) => figure(t.sheet, a)),
    });
  }
  return { ...place(t), columns, lines };
}

function place(t: Table) {
  return {
    sheet: t.sheet.name,
    kind: t.kind,
    name: t.name,
    range: rangeToA1(t.range),
    top: t.range.top,
    left: t.range.left,
  };
}

/** A register's description, else the line's label; `(no label)` for a row with none. */
function lineLabel(t: LinesTable, r: TableRow): string {
  const descriptionCol = t.textColumns.description;
  const description =
    descriptionCol === undefined ? "" : cleanText(String(t.sheet.values[r.row]?.[descriptionCol] ?? ""));
  return description || cleanText(r.label ?? "") || "(no label)";
}

/** Text as it reads: spaces collapsed, so that re-spacing a label is no rename. */
function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function columnKey(c: FigureColumn): string {
  if (c.year !== null && (c.yearForm === "financial" || c.yearForm === "calendar")) return `year:${c.year}`;
  if (c.year !== null && c.yearForm === "relative") return `plan-year:${c.year}`;
  // The header's words without its unit: `Saving £000` and `Saving £m` are one column.
  return c.role === "figure" ? `figure:${labelKey(takeUnit(c.header).rest)}` : c.role;
}

const ROLE_LABEL: Record<string, string> = {
  budget: "budget",
  saving: "saving",
  amount: "saving",
  pct: "%",
  total: "total",
  children: "children",
  population: "population",
  rate: "rate per 10,000",
  "weekly-cost": "weekly cost",
  "annual-cost": "annual cost",
};

function columnLabel(c: FigureColumn): string {
  if (c.year !== null && c.yearForm === "financial") return formatFinancialYear(c.year);
  if (c.year !== null && c.yearForm === "calendar") return String(c.year);
  if (c.year !== null && c.yearForm === "relative") return `Year ${c.year}`;
  return ROLE_LABEL[c.role] ?? (cleanText(takeUnit(c.header).rest) || "figure");
}

function figure(sheet: SheetGrid, a: Amount): string | null {
  // Whole numbers, most of any draft, need no Decimal to be written exactly.
  if (a.kind === "number" && a.exact === null && Number.isSafeInteger(a.value)) return String(a.value);
  if (hasFigure(a)) return formatPlain(exactValue(a));
  if (a.kind === "error") return errorAt(sheet.values[a.row]?.[a.col] ?? null) ?? "#VALUE!";
  if (a.kind === "unknown") return "?";
  return null;
}

function shownDecimals(a: Amount): number {
  return Number.isNaN(a.decimals) ? Math.max(0, exactValue(a).decimalPlaces()) : Math.max(0, a.decimals);
}

/** Keys made unique by the order they come in: `label:Total`, `label:Total#2`. */
class Keys {
  private seen = new Map<string, number>();
  next(key: string): string {
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  }
}
