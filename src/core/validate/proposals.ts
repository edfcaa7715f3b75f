/**
 * The proposals' total a savings target is compared with: the workstream summary's total saving
 * (its total row, else the sum of its lines), else a register's. A table on the target's own
 * sheet comes first.
 */
import { Decimal } from "../decimal";
import { convertUnit, Unit } from "../units";
import { shownPlaces, sumOf } from "./bounds";
import { exactValue, hasFigure } from "./reader";
import { columnIndex, LinesTable, Table, TargetTable } from "./tables";

export interface TargetComparison {
  target: TargetTable;
  /** The target, in the proposals' unit. */
  targetValue: Decimal;
  proposals: Decimal;
  unit: Unit | null;
  /** Target minus proposals: positive is a shortfall. */
  gap: Decimal;
  decimals: number;
  source: LinesTable;
}

function proposalsTotal(table: LinesTable): { value: Decimal; unit: Unit | null; decimals: number } | null {
  const k = table.kind === "workstream-summary" ? columnIndex(table, "saving") : savingColumn(table);
  if (k < 0) return null;
  const totals = table.rows.filter((r) => r.kind === "total" && hasFigure(r.figures[k]));
  const unit = table.columns[k].unit;
  if (totals.length > 0) {
    const figure = totals[totals.length - 1].figures[k];
    return { value: exactValue(figure), unit, decimals: figure.decimals };
  }
  const lines = table.rows.filter((r) => r.kind === "line").map((r) => r.figures[k]);
  if (!lines.some(hasFigure)) return null;
  return { value: sumOf(lines), unit, decimals: shownPlaces(lines) };
}

function savingColumn(table: LinesTable): number {
  const total = columnIndex(table, "total");
  return total >= 0 ? total : columnIndex(table, "amount");
}

export function compareTarget(target: TargetTable, tables: readonly Table[]): TargetComparison | null {
  const lines = tables.filter((t): t is LinesTable => t.kind === "workstream-summary" || t.kind === "register");
  const ordered = [
    ...lines.filter((t) => t.kind === "workstream-summary" && t.sheetIndex === target.sheetIndex),
    ...lines.filter((t) => t.kind === "workstream-summary"),
    ...lines.filter((t) => t.kind === "register" && t.sheetIndex === target.sheetIndex),
    ...lines.filter((t) => t.kind === "register"),
  ];
  for (const source of ordered) {
    const total = proposalsTotal(source);
    if (!total) continue;
    let targetValue = exactValue(target.amount);
    let decimals = Math.max(total.decimals, target.amount.decimals);
    if (target.unit && total.unit && target.unit !== total.unit) {
      targetValue = convertUnit(targetValue, target.unit, total.unit);
      decimals = Math.max(total.decimals, Math.max(0, targetValue.decimalPlaces()));
    }
    return {
      target,
      targetValue,
      proposals: total.value,
      unit: total.unit ?? target.unit,
      gap: targetValue.minus(total.value),
      decimals,
      source,
    };
  }
  return null;
}
