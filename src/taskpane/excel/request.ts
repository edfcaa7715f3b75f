/**
 * What every Excel job of the pane shares: worksheet proxies fetched once per batch, the request
 * budget that keeps each sync under Excel on the web's 5 MB cap, and the sizes it estimates with.
 */
/* global Excel, Office */
import { isCellError } from "../../core/excel-errors";
import { CellValue } from "../../core/grid";

/** What one sync may carry: under Excel on the web's 5 MB cap, with room for the JSON framing. */
export const SYNC_BUDGET_BYTES = 4_000_000;
/** Estimated request bytes of one object path or action in Office.js's request JSON. */
export const PATH_BYTES = 100;
/** The number format that makes Excel keep a string as text. */
export const TEXT_FORMAT = "@";

/**
 * A column width in characters of the default font (the unit files and the core use) in points
 * (Office.js's unit): Calibri 11's 7 pixels a character and 5 of padding, at 0.75 points a pixel.
 */
export function columnPoints(characters: number): number {
  return (characters * 7 + 5) * 0.75;
}

/** Whether this Excel has ExcelApi `version`; false outside Office. */
export function excelApiSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Notes need ExcelApi 1.18 (not in one-off-purchase Office 2021/2024). */
export function notesSupported(): boolean {
  return excelApiSupported("1.18");
}

/** Worksheet proxies by name, so that each sheet is fetched once per batch. */
export class Sheets {
  private readonly cache = new Map<string, Excel.Worksheet>();

  constructor(private readonly context: Excel.RequestContext) {}

  get(name: string): Excel.Worksheet {
    let sheet = this.cache.get(name);
    if (!sheet) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.cache.set(name, sheet);
    }
    return sheet;
  }
}

/**
 * The syncs of one Excel.run, counting the estimated size of what is queued: it syncs early only
 * when the queued request would pass the budget (never for ordinary sizes).
 */
export class RequestBudget {
  private bytes = 0;

  constructor(readonly context: Excel.RequestContext) {}

  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > SYNC_BUDGET_BYTES) await this.sync();
    this.bytes += bytes;
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}

export async function sheetNames(context: Excel.RequestContext): Promise<Set<string>> {
  const worksheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return new Set(worksheets.items.map((s) => s.name));
}

/** Office.js writes text; an error value is written as its text, an empty cell as "". */
export function excelText(value: CellValue | undefined): string | number | boolean {
  if (value === null || value === undefined) return "";
  return isCellError(value) ? value.error : value;
}
