/**
 * The template's formulas worked out by the tests (just enough of Excel's formula language), and
 * the template filled in with figures that agree: for the template's own tests and for LibreOffice's
 * recalculation of it to be compared with.
 */
import { Decimal, roundHalfAway, toNumber } from "../../src/core/decimal";
import { CellValue, parseA1, SheetGrid, toA1 } from "../../src/core/grid";
import {
  TEMPLATE_REGISTER_LINES,
  TEMPLATE_WORKSTREAMS,
  templateWorkbook,
  TemplateSheet,
} from "../../src/core/template";

type Value = Decimal | string | null;

/** Just enough of Excel's formula language for the template: + - * /, =, SUM, ROUND, IF, refs, ranges. */
export function evaluateSheet(sheet: SheetGrid): CellValue[][] {
  const memo = new Map<string, Value>();
  const constant = (row: number, col: number): Value => {
    const v = sheet.values[row]?.[col];
    if (typeof v === "number") return new Decimal(v);
    return typeof v === "string" && v !== "" ? v : null;
  };
  const cell = (address: string): Value => {
    const { row, col } = parseA1(address)!;
    const formula = sheet.formulas[row]?.[col];
    if (!formula) return constant(row, col);
    if (!memo.has(address)) memo.set(address, evaluate(formula.slice(1)));
    return memo.get(address)!;
  };
  const num = (v: Value) => (v instanceof Decimal ? v : new Decimal(0));
  function evaluate(text: string): Value {
    const tokens = text.match(/"[^"]*"|[A-Z]+\d+:[A-Z]+\d+|[A-Z]+\(|[A-Z]+\d+|\d+(?:\.\d+)?|[-+*/=(),]/g)!;
    expect(tokens.join("")).toBe(text.replace(/\s/g, ""));
    let p = 0;
    const next = () => tokens[p++];
    const comparison = (): Value => {
      const left = additive();
      if (tokens[p] !== "=") return left;
      p++;
      return num(left).equals(num(additive())) ? "TRUE" : "FALSE";
    };
    const additive = (): Value => {
      let v = term();
      while (tokens[p] === "+" || tokens[p] === "-")
        v = next() === "+" ? num(v).plus(num(term())) : num(v).minus(num(term()));
      return v;
    };
    const term = (): Value => {
      let v = factor();
      while (tokens[p] === "*" || tokens[p] === "/")
        v = next() === "*" ? num(v).times(num(factor())) : num(v).dividedBy(num(factor()));
      return v;
    };
    const args = (): Value[] => {
      const list = [comparison()];
      while (next() === ",") list.push(comparison());
      return list;
    };
    const factor = (): Value => {
      const t = next();
      if (t.startsWith('"')) return t.slice(1, -1);
      if (/^\d/.test(t)) return new Decimal(t);
      if (t === "(") {
        const v = comparison();
        expect(next()).toBe(")");
        return v;
      }
      if (t === "SUM(") {
        const [from, to] = next()
          .split(":")
          .map((a) => parseA1(a)!);
        expect(next()).toBe(")");
        let total = new Decimal(0);
        for (let r = from.row; r <= to.row; r++)
          for (let c = from.col; c <= to.col; c++) total = total.plus(num(cell(toA1(r, c))));
        return total;
      }
      if (t === "ROUND(") {
        const [value, places] = args();
        return roundHalfAway(num(value), toNumber(num(places)));
      }
      if (t === "IF(") {
        const [test, yes, no] = args();
        return test === "TRUE" ? yes : no;
      }
      expect(t).toMatch(/^[A-Z]+\d+$/);
      return cell(t);
    };
    const v = comparison();
    expect(p).toBe(tokens.length);
    return v;
  }
  return sheet.values.map((cells, r) =>
    cells.map((_, c) => {
      const v = cell(toA1(r, c));
      return v instanceof Decimal ? toNumber(v) : v;
    }),
  );
}

/** The template's first sheet with `figures` typed in (A1 -> value) and every formula recomputed. */
export function filled(figures: Record<string, CellValue>): SheetGrid {
  const sheet: TemplateSheet = templateWorkbook(2025).sheets[0];
  const values = sheet.values.map((row) => [...row]);
  for (const [address, value] of Object.entries(figures)) {
    const { row, col } = parseA1(address)!;
    expect(sheet.formulas[row][col] ?? null).toBeNull();
    values[row][col] = value;
  }
  const typed = { ...sheet, values };
  return { ...typed, values: evaluateSheet(typed) };
}

/** Where the template puts things: found by their text, so the test follows the layout. */
export function rowOf(sheet: SheetGrid, text: string, after = 0): number {
  const r = sheet.values.findIndex((row, i) => i >= after && row[0] === text);
  expect(r).toBeGreaterThanOrEqual(0);
  return r + 1;
}

export type Line = [number, number, number, number];
export type ClaYear = [number, number, number];

/**
 * Figures for the blank template that agree with each other: per workstream line three years of
 * savings (the phasing), their sum as the saving, a budget `factor` times it, register lines
 * adding to it; the target `below` under the total; children looked after per year.
 */
export function consistentFigures(lines: Line[], cla: ClaYear[], below: number): Record<string, CellValue> {
  const blank = templateWorkbook(2025).sheets[0];
  const summary = rowOf(blank, "Workstream 1");
  const phasing = rowOf(blank, "Workstream 1", summary);
  const register = rowOf(blank, "S01");
  const claRow = rowOf(blank, "2025/26");
  const figures: Record<string, CellValue> = {};
  let total = 0;
  lines.forEach(([y1, y2, y3, budgetFactor], i) => {
    const saving = y1 + y2 + y3;
    total += saving;
    // Workstream lines, then (after the sub-total row) the "Other savings" line.
    const summaryRow = i < TEMPLATE_WORKSTREAMS ? summary + i : summary + i + 1;
    figures[`B${summaryRow}`] = saving * budgetFactor;
    figures[`C${summaryRow}`] = saving;
    [y1, y2, y3].forEach((y, k) => (figures[`${"BCD"[k]}${phasing + i}`] = y));
  });
  // Register: two lines per workstream for the first four, adding to its saving.
  for (let i = 0; i < TEMPLATE_REGISTER_LINES; i++) {
    const w = Math.floor(i / 2);
    const [y1, y2, y3] = lines[w];
    const r = register + i;
    figures[`B${r}`] = `Proposal ${i + 1}`;
    figures[`C${r}`] = `Workstream ${w + 1}`;
    figures[`D${r}`] = i % 2 === 0 ? y1 : y2 + y3;
    figures[`E${r}`] = ["Green", "Amber", "Red", "Blue"][i % 4];
    figures[`F${r}`] = "Yes";
    figures[`G${r}`] = i % 3 === 0 ? "Yes" : "No";
  }
  figures[`B${rowOf(blank, "Savings target (£000)")}`] = total - Math.min(below, total - 1);
  cla.forEach(([children, population, weekly], k) => {
    figures[`B${claRow + k}`] = children;
    figures[`C${claRow + k}`] = population;
    figures[`E${claRow + k}`] = weekly;
  });
  return figures;
}
