/**
 * One worksheet part streamed into the core's SheetGrid: each cell's value as Excel stores it (a
 * formula's cached result; shared and inline strings, rich text joined; booleans; error values;
 * dates as serial numbers of the 1900 date system), formulas with their `=` (a shared formula
 * moved to each cell), number format codes as written, hidden rows and columns, merged areas.
 * Only the figures are kept: the sheet's XML is never held whole.
 */
import { CellError, parseErrorCode } from "../../core/excel-errors";
import { CellRange, CellValue, EXCEL_MAX_COLUMNS, SheetGrid } from "../../core/grid";
import { UsageError } from "../command";
import { CellCursor, cellIndex } from "./cell-cursor";
import { moveFormula } from "./shared-formula";
import { isTrue } from "./workbook-part";
import { XlsxPackage } from "./zip-package";
import { decodeXstring, parsingPart, xmlParser } from "./xml";

/** What every sheet of a workbook is read with. */
export interface SheetContext {
  pkg: XlsxPackage;
  sharedStrings: readonly string[];
  /** Number format code per cell format index; null for General. */
  formats: readonly (string | null)[];
  /** Whether each cell format shows a date or time. */
  dateFormats: readonly boolean[];
  date1904: boolean;
}

/** Days from the 1900 system's day 0 to the 1904 system's. */
const DATE1904_OFFSET = 1462;
const MS_PER_DAY = 86_400_000;
/** 1899-12-30: day 0 of Excel's 1900 system for dates after its phantom 29 February 1900. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

interface SharedFormula {
  formula: string;
  row: number;
  col: number;
}

export function readSheet(context: SheetContext, name: string, part: string): SheetGrid {
  const { pkg, sharedStrings, formats, dateFormats, date1904 } = context;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  const merges: CellRange[] = [];
  const shared = new Map<string, SharedFormula>();
  const cursor = new CellCursor();

  let rowValues: CellValue[] = [];
  let rowIndex = -1;
  // The cell being read.
  let type = "n";
  let style = 0;
  let hasFormula = false;
  let formulaText = "";
  let sharedIndex: string | undefined;
  let sharedMaster = false;
  let valueText: string | null = null;
  let inlineText: string | null = null;
  // Which element's text is being collected.
  let collecting: "v" | "f" | "t" | null = null;
  let phoneticDepth = 0;

  const parser = xmlParser();
  parser.on("opentag", (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case "row": {
        // A row of empty cells (styles only) does not lengthen the grid: its array is made with its first value.
        if (isTrue(a.hidden)) hiddenRows.add(cursor.enterRow(a.r));
        else cursor.enterRow(a.r);
        break;
      }
      case "c":
        cursor.enterCell(a.r);
        type = a.t ?? "n";
        style = a.s === undefined ? 0 : Number(a.s);
        hasFormula = false;
        formulaText = "";
        sharedIndex = undefined;
        sharedMaster = false;
        valueText = null;
        inlineText = null;
        break;
      case "v":
        valueText = "";
        collecting = tag.isSelfClosing ? null : "v";
        break;
      case "f":
        hasFormula = a.t !== "dataTable";
        if (a.t === "shared") {
          sharedIndex = a.si;
          sharedMaster = a.ref !== undefined;
        }
        collecting = tag.isSelfClosing ? null : "f";
        break;
      case "is":
        inlineText = "";
        break;
      case "rPh":
        phoneticDepth++;
        break;
      case "t":
        if (inlineText !== null && phoneticDepth === 0 && !tag.isSelfClosing) collecting = "t";
        break;
      case "col":
        if (isTrue(a.hidden)) {
          const last = Math.min(Number(a.max), EXCEL_MAX_COLUMNS);
          for (let c = Number(a.min); c <= last; c++) hiddenColumns.add(c - 1);
        }
        break;
      case "mergeCell": {
        const range = rangeOf(a.ref ?? "");
        if (range) merges.push(range);
        break;
      }
    }
  });
  parser.on("text", (text) => {
    if (collecting === "v") valueText += text;
    else if (collecting === "f") formulaText += text;
    else if (collecting === "t") inlineText += text;
  });
  parser.on("closetag", (tag) => {
    switch (tag.name) {
      case "v":
      case "f":
      case "t":
        collecting = null;
        break;
      case "rPh":
        phoneticDepth--;
        break;
      case "c":
        finishCell();
        break;
    }
  });

  function finishCell(): void {
    const row = cursor.row;
    const col = cursor.col;
    let formula: string | null = null;
    if (hasFormula) {
      if (sharedIndex !== undefined) {
        if (sharedMaster) shared.set(sharedIndex, { formula: formulaText, row, col });
        const master = shared.get(sharedIndex);
        formula = master ? moveFormula(master.formula, row - master.row, col - master.col) : formulaText;
      } else formula = formulaText;
      formula = formula ? "=" + decodeXstring(formula) : null;
    }
    const value = cellValue();
    if (value === null && formula === null) return;
    if (row !== rowIndex) {
      rowIndex = row;
      rowValues = values[row] ?? (values[row] = []);
    }
    const cells = rowValues;
    for (let c = cells.length; c < col; c++) cells[c] = null;
    cells[col] = value;
    if (formula !== null) (formulas[row] ??= [])[col] = formula;
    const format = formats[style];
    if (format) (numberFormats[row] ??= [])[col] = format;
  }

  function cellValue(): CellValue {
    switch (type) {
      case "s": {
        if (valueText === null || valueText === "") return null;
        const text = sharedStrings[Number(valueText)];
        if (text === undefined)
          throw new UsageError(
            `${pkg.path} is damaged: ${name} refers to shared string ${valueText}, which does not exist`,
          );
        return text;
      }
      case "inlineStr":
        return inlineText !== null ? decodeXstring(inlineText) : valueText;
      case "str":
        return valueText === null ? null : decodeXstring(valueText);
      case "b":
        return valueText === null || valueText === "" ? null : isTrue(valueText);
      case "e":
        return valueText === null ? null : errorValue(valueText);
      case "d":
        return valueText ? isoDateSerial(valueText) : null;
      default: {
        if (valueText === null || valueText === "") return null;
        const n = Number(valueText);
        if (Number.isNaN(n)) return valueText;
        return date1904 && dateFormats[style] ? n + DATE1904_OFFSET : n;
      }
    }
  }

  parsingPart(pkg.path, part, () => {
    pkg.stream(part, (chunk) => parser.write(chunk));
    parser.close();
  });
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];
  return {
    name,
    values,
    formulas: dense(formulas, values.length),
    numberFormats: dense(numberFormats, values.length),
    hiddenRows,
    hiddenColumns,
    merges,
  };
}

/**
 * The same rows (holes where a row has none) in an array with a slot for every row. Formulas and
 * number formats are set on a few rows only, and an array given an element far past its end (a
 * total's formula on row 50,000) becomes a slow dictionary: the engine reads these for every cell.
 */
function dense<T>(rows: T[][], length: number): T[][] {
  const out: T[][] = new Array(Math.max(length, rows.length));
  rows.forEach((cells, r) => (out[r] = cells));
  return out;
}

function errorValue(text: string): CellValue {
  const code = parseErrorCode(text);
  return code ? ({ error: code } satisfies CellError) : text;
}

/** An ISO 8601 date-time (`t="d"` cells) as a serial of the 1900 system; text when it is not one. */
function isoDateSerial(text: string): CellValue {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!match) return text;
  const [, y, m, d, hh = "0", mm = "0", ss = "0"] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm)) + Number(ss) * 1000;
  const days = (ms - SERIAL_EPOCH) / MS_PER_DAY;
  // Before 1 March 1900, Excel's serials are one less: it counts a 29 February 1900 that never was.
  return days < 61 ? days - 1 : days;
}

/** `A6:C7` (or a single cell) as a range. */
function rangeOf(ref: string): CellRange | null {
  const [first, second = first] = ref.split(":");
  const a = cellIndex(first);
  const b = cellIndex(second);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
