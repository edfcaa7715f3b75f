/**
 * `total-mismatch` (error): a total row or total column differs from what it sums beyond
 * rounding; and, across tables, a phasing table or register whose total for a workstream differs
 * from the workstream summary's full-year saving for it.
 */
import {
  checkSum,
  classify,
  formatReach,
  roundingReach,
  sameWhenShown,
  shownDecimals,
  shownPlaces,
  SumDifference,
  sumOf,
} from "../validate/bounds";
import { formatFigure } from "../validate/format";
import { labelKey as headerKey } from "../validate/header-text";
import { Amount, decimalsInUnit, exactValue, hasFigure, textAt } from "../validate/reader";
import { columnIndex, LinesTable, RowGroup, rowGroups, SUMMED_ROLES } from "../validate/tables";
import { convertUnit, Unit } from "../units";
import { linesTables, Rule, RuleContext } from "./context";
import { reportDifference } from "./rounding-difference";

/**
 * `TOTAL, Total Budget: stated 161.5, the 2 rows it sums add to 161.4 (rounding reaches ±0.1)`.
 * `noun` names one part (`row`, `line`, `figure`), `where` says where the parts are.
 */
function describeSum(
  label: string,
  header: string,
  stated: Amount,
  parts: Amount[],
  difference: SumDifference,
  noun: string,
  where: string,
): string {
  const places = shownPlaces(parts, stated);
  const subject = header === "" ? label : `${label}, ${header}`;
  const one = difference.parts === 1;
  return (
    `${subject}: stated ${formatFigure(difference.stated, places)}, the ${difference.parts} ${noun}${one ? "" : "s"} ${where} add${one ? "s" : ""} to ` +
    `${formatFigure(difference.computed, places)} (rounding reaches ±${formatReach(difference.tolerance, places)})`
  );
}

export const totalMismatch: Rule = {
  id: "total-mismatch",
  check(ctx) {
    for (const table of linesTables(ctx)) {
      checkTotalRows(ctx, table);
      checkMisaligned(ctx, table);
      checkTotalColumn(ctx, table);
    }
    checkAgainstSummary(ctx);
  },
};

function checkTotalRows(ctx: RuleContext, table: LinesTable): void {
  checkRowGroups(ctx, table, rowGroups(table).totals, "total-mismatch", "Total", "row", "it sums");
}

/**
 * A row printed one column out of place, which its total shows: reported at the row, once, in
 * place of the total's differences in every column (SPEC §4: say which row).
 */
function checkMisaligned(ctx: RuleContext, table: LinesTable): void {
  for (const { row, total, shift, outBy } of table.misaligned) {
    const first = table.columns.findIndex((c) => c.role === "year" && hasFigure(row.figures[table.columns.indexOf(c)]));
    const at = row.figures[first >= 0 ? first : 0];
    const direction = shift > 0 ? "right" : "left";
    ctx.report(
      "total-mismatch",
      table,
      table.sheetIndex,
      at.row,
      at.col,
      `${row.label ?? "This row"} looks printed one column out of place: ${total.label ?? "the total"} is out in ${outBy} columns as printed, and adds up in every column with this row moved one column ${direction}.`,
    );
  }
}

/**
 * Each summed column of each sub-total or total row against the rows it adds up; shared with
 * subtotal-mismatch. `noun` and `where` describe the parts in the message.
 */
export function checkRowGroups(
  ctx: RuleContext,
  table: LinesTable,
  groups: readonly RowGroup[],
  mismatch: "total-mismatch" | "subtotal-mismatch",
  fallbackLabel: string,
  noun: string,
  where: string,
): void {
  for (const group of groups) {
    if (table.misaligned.some((m) => m.total === group.row)) continue;
    table.columns.forEach((column, k) => {
      if (!SUMMED_ROLES.has(column.role)) return;
      const stated = group.row.figures[k];
      if (!hasFigure(stated)) return;
      const parts = group.parts.map((r) => r.figures[k]);
      const difference = checkSum(parts, stated);
      if (!difference) return;
      const comparison = describeSum(
        group.row.label ?? fallbackLabel,
        column.header,
        stated,
        parts,
        difference,
        noun,
        where,
      );
      reportDifference(ctx, mismatch, difference.outcome, table, stated.row, stated.col, comparison);
    });
  }
}

/** The columns a total column adds up: the years (or, years down, the other figure columns). */
function partColumns(table: LinesTable): number[] {
  const parts: number[] = [];
  table.columns.forEach((c, k) => {
    if (c.role === "year" || (table.yearsDown && c.role === "amount")) parts.push(k);
  });
  return parts;
}

function checkTotalColumn(ctx: RuleContext, table: LinesTable): void {
  const total = columnIndex(table, "total");
  const parts = partColumns(table);
  if (total < 0 || parts.length === 0) return;
  // One array for every row: a register of 50,000 lines allocates nothing here while it adds up.
  const figures: Amount[] = new Array(parts.length);
  for (const row of table.rows) {
    const stated = row.figures[total];
    if (!hasFigure(stated)) continue;
    for (let i = 0; i < parts.length; i++) figures[i] = row.figures[parts[i]];
    const difference = checkSum(figures, stated);
    if (!difference) continue;
    const comparison = describeSum(
      row.label ?? "Row",
      table.columns[total].header,
      stated,
      figures,
      difference,
      "figure",
      "of its row",
    );
    reportDifference(ctx, "total-mismatch", difference.outcome, table, stated.row, stated.col, comparison);
  }
}

interface SummarySaving {
  amount: Amount;
  unit: Unit | null;
  table: LinesTable;
}

function savingsByWorkstream(ctx: RuleContext): Map<string, SummarySaving> {
  const savings = new Map<string, SummarySaving>();
  for (const table of linesTables(ctx, "workstream-summary")) {
    const k = columnIndex(table, "saving");
    if (k < 0) continue;
    for (const row of table.rows) {
      if (row.kind !== "line" || row.label === null || !hasFigure(row.figures[k])) continue;
      const key = headerKey(row.label);
      if (!savings.has(key)) savings.set(key, { amount: row.figures[k], unit: table.columns[k].unit, table });
    }
  }
  return savings;
}

function checkAgainstSummary(ctx: RuleContext): void {
  const savings = savingsByWorkstream(ctx);
  if (savings.size === 0) return;
  for (const table of linesTables(ctx, "phasing", "register")) {
    if (table.kind === "phasing" && table.yearsDown) checkYearsDown(ctx, table, savings);
    else if (table.kind === "phasing") checkYearsAcross(ctx, table, savings);
    else checkRegister(ctx, table, savings);
  }
}

/** One row per workstream: its Total column, else the sum of its years. */
function checkYearsAcross(ctx: RuleContext, table: LinesTable, savings: Map<string, SummarySaving>): void {
  const years = partColumns(table);
  if (years.length === 0) return;
  const unit = table.columns[years[0]].unit;
  const total = columnIndex(table, "total");
  for (const row of table.rows) {
    const saving = row.kind === "line" && row.label !== null ? savings.get(headerKey(row.label)) : undefined;
    if (!saving) continue;
    const stated =
      total >= 0 && hasFigure(row.figures[total]) ? [row.figures[total]] : years.map((k) => row.figures[k]);
    const cell = stated[stated.length - 1];
    compare(ctx, table, row.label!, stated, unit, saving, cell.row, cell.col, "phasing total");
  }
}

/** One column per workstream, one row per year: its Total row, else the sum of its years. */
function checkYearsDown(ctx: RuleContext, table: LinesTable, savings: Map<string, SummarySaving>): void {
  const lines = table.rows.filter((r) => r.kind === "line");
  const totalRow = table.rows.find((r) => r.kind === "total");
  table.columns.forEach((column, k) => {
    const saving = column.role === "amount" && column.header !== "" ? savings.get(headerKey(column.header)) : undefined;
    if (!saving) return;
    const stated = totalRow && hasFigure(totalRow.figures[k]) ? [totalRow.figures[k]] : lines.map((r) => r.figures[k]);
    const cell = stated[stated.length - 1];
    if (cell) compare(ctx, table, column.header, stated, column.unit, saving, cell.row, cell.col, "phasing total");
  });
}

/** Register lines grouped by their Workstream column: the sum of their savings. */
function checkRegister(ctx: RuleContext, table: LinesTable, savings: Map<string, SummarySaving>): void {
  const ws = table.textColumns.workstream;
  const source = amountColumns(table);
  if (ws === undefined || source.length === 0) return;
  const unit = table.columns[source[0]].unit;
  const keys = new Map<string, string>();
  const groups = new Map<string, { label: string; parts: Amount[] }>();
  for (const row of table.rows) {
    if (row.kind !== "line") continue;
    const text = textAt(table.sheet, row.row, ws);
    if (text === null) continue;
    let key = keys.get(text);
    if (key === undefined) {
      key = headerKey(text);
      keys.set(text, key);
    }
    if (!savings.has(key)) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label: text, parts: [] }));
    for (const k of source) group.parts.push(row.figures[k]);
  }
  for (const [key, group] of groups) {
    const last = group.parts[group.parts.length - 1];
    compare(ctx, table, group.label, group.parts, unit, savings.get(key)!, last.row, last.col, "register lines add to");
  }
}

/** Figure columns holding a register line's saving: its total column, else its amount, else its years. */
function amountColumns(table: LinesTable): number[] {
  const total = columnIndex(table, "total");
  if (total >= 0) return [total];
  const amount = columnIndex(table, "amount");
  if (amount >= 0) return [amount];
  return partColumns(table);
}

function compare(
  ctx: RuleContext,
  table: LinesTable,
  label: string,
  parts: Amount[],
  unit: Unit | null,
  saving: SummarySaving,
  row: number,
  col: number,
  what: string,
): void {
  if (!parts.some(hasFigure)) return;
  const places = shownPlaces(parts);
  const here = sumOf(parts);
  // The summary's figure in this table's unit, with the decimals it is shown at there.
  const converted = unit && saving.unit && unit !== saving.unit;
  const summaryValue = converted
    ? convertUnit(exactValue(saving.amount), saving.unit!, unit)
    : exactValue(saving.amount);
  const summaryPlaces = converted ? decimalsInUnit(saving.amount.decimals, saving.unit!, unit) : saving.amount.decimals;
  const reach = roundingReach([...shownDecimals(parts), summaryPlaces]);
  const outcome = classify(summaryValue, here, reach);
  const shownAt = Math.max(places, summaryPlaces, 0);
  if (outcome === "equal" || sameWhenShown(summaryValue, here, shownAt)) return;
  const shownUnit = unit ?? saving.unit;
  const comparison =
    `${label}: ${what} ${formatFigure(here, places)}${shownUnit ? ` (${shownUnit})` : ""}, ` +
    `the full-year saving in ${saving.table.name} on ${saving.table.sheet.name} is ${formatFigure(summaryValue, shownAt)}`;
  reportDifference(ctx, "total-mismatch", outcome, table, row, col, comparison);
}
