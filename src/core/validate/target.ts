/** A savings target (SPEC §4): a labelled amount with its unit, compared with the proposals' total. */
import { parseAmountText } from "../amount";
import { CellRange, SheetGrid } from "../grid";
import { parseUnit, unitInText } from "../units";
import { readAmount, textAt, typedDecimals, valueAt } from "./reader";
import { tableName, TargetTable } from "./tables";

/** `Savings target | 30,100 | £000`: the label, the amount beside it (up to column `to`), and its unit. */
export function targetTable(
  sheet: SheetGrid,
  sheetIndex: number,
  row: number,
  labelCol: number,
  to: number,
): TargetTable | null {
  const label = textAt(sheet, row, labelCol)!;
  let amountCol = -1;
  for (let c = labelCol + 1; c <= Math.min(labelCol + 3, to); c++) {
    if (valueAt(sheet, row, c) !== null) {
      amountCol = c;
      break;
    }
  }
  if (amountCol < 0) return null;
  const beside = textAt(sheet, row, amountCol);
  if (beside !== null && parseUnit(beside) !== null) return null;
  const amount = readAmount(sheet, row, amountCol, null);
  if (amount.kind !== "number" && amount.kind !== "text") return null;
  if (Number.isNaN(amount.decimals)) amount.decimals = typedDecimals(amount.value);
  const unitText = amountCol < to ? textAt(sheet, row, amountCol + 1) : null;
  const besideUnit = unitText !== null ? parseUnit(unitText) : null;
  const textUnit = amount.kind === "text" ? (parseAmountText(amount.text!)?.unit ?? null) : null;
  const unit = besideUnit ?? unitInText(label) ?? (textUnit === "£" ? null : textUnit);
  const range: CellRange = { top: row, left: labelCol, bottom: row, right: besideUnit ? amountCol + 1 : amountCol };
  return {
    kind: "target",
    sheet,
    sheetIndex,
    range,
    name: tableName("target", range),
    labelCol,
    row,
    amount,
    unit,
    unitCol: besideUnit ? amountCol + 1 : null,
  };
}
