/**
 * A fake `Excel` global: the subset of Office.js the task pane's adapter uses, over plain grids,
 * with Office.js's batching rules. Operations queue until `context.sync()`, which runs them in
 * order; a loaded property is readable only after the sync that loaded it (PropertyNotLoaded
 * otherwise, as Office.js throws); a failing operation rejects the sync with an Office-like code.
 * It counts syncs and the bytes each one would carry, and holds notes, fills, hyperlinks, sheets,
 * the formats set on ranges (widths, heights, wrapping, alignment, fonts, merges) and each sheet's
 * page layout (ExcelApi 1.9) for assertions; the ExcelApi version it has can be set lower.
 *
 * Used by the adapter's unit tests, by bench/pane.ts and by the browser tests, which inject the
 * compiled lib/test/support/fake-excel.js into the pane's page. So: NO runtime imports here (the
 * few A1 helpers below are repeated from src/core/grid.ts on purpose), and CommonJS output that
 * runs when wrapped as `(function (exports) { ... })(window.FakeExcelModule = {})`.
 */

/** A cell as the grids give it: Excel's error values as `{ error: "#DIV/0!" }`. */
export type FakeValue = number | string | boolean | null | undefined | { error: string };
export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeSheetInput {
  name: string;
  values: FakeValue[][];
  formulas?: (string | null | undefined)[][];
  numberFormats?: (string | null | undefined)[][];
  /** Arrays in JSON; a core SheetGrid's Sets work too. */
  hiddenRows?: Iterable<number>;
  hiddenColumns?: Iterable<number>;
  visibility?: FakeVisibility;
  /** The user's own notes, by A1 address. */
  notes?: Record<string, string>;
  /** Solid fills already on cells ("#RRGGBB"), by A1 address. */
  fills?: Record<string, string>;
}

export interface FakeWorkbookInput {
  sheets: FakeSheetInput[];
  /** Whether the host has ExcelApi 1.18 (notes); default true. */
  notesSupported?: boolean;
  /** The newest ExcelApi the host has, "1.8" for Excel 2019 (no page layout); default 1.18, or 1.17 without notes. */
  excelApi?: string;
  /** Name of the active sheet; default the first visible one. */
  activeSheet?: string;
  /** The workbook's name, as `workbook.name` gives it (ExcelApi 1.7); default "Book1.xlsx". */
  workbookName?: string;
}

/** A format set on a range (`format.wrapText`, `format.font.size`, `merge`…), in the order set. */
export interface FakeFormatSetting {
  /** The range's address on its sheet: "E11:E20". */
  address: string;
  /** "wrapText", "columnWidth", "rowHeight", "verticalAlignment", "horizontalAlignment", "font.bold", "font.size" or "merge". */
  property: string;
  value: unknown;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/** One sheet as the assertions see it (copies; Excel's view: "" for empty, errors as text). */
export interface FakeSheetView {
  name: string;
  visibility: FakeVisibility;
  values: (number | string | boolean)[][];
  formulas: (number | string | boolean)[][];
  numberFormats: string[][];
  notes: Record<string, string>;
  fills: Record<string, string>;
  hyperlinks: Record<string, FakeHyperlink>;
  formats: FakeFormatSetting[];
  /**
   * What was set through `worksheet.pageLayout` (ExcelApi 1.9): its properties by name (orientation,
   * paperSize, zoom, leftMargin…), `centerFooter` of the default header and footer, and the
   * arguments of setPrintArea and setPrintTitleRows as `printArea` and `printTitleRows`.
   */
  pageLayout: Record<string, unknown>;
}

export interface FakeSyncStats {
  /** Rough size of what the batch sends (operations and written data), in bytes of JSON. */
  requestBytes: number;
  /** Size of the loaded data that comes back, in bytes of JSON. */
  responseBytes: number;
  operations: number;
}

/** A write into a sheet's cells, for asserting which sheets the add-in wrote to. */
export interface FakeWrite {
  sheet: string;
  kind: "values" | "formulas" | "numberFormat" | "hyperlink";
  address: string;
}

/** Errors shaped like OfficeExtension.Error: a `code` the adapter can test. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface SheetState {
  name: string;
  visibility: FakeVisibility;
  values: FakeValue[][];
  formulas: (string | null | undefined)[][];
  numberFormats: (string | null | undefined)[][];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  notes: Map<string, string>;
  fills: Map<string, string>;
  hyperlinks: Map<string, FakeHyperlink>;
  formats: FakeFormatSetting[];
  pageLayout: Record<string, unknown>;
}

interface Area {
  sheet: SheetState;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Bytes of framing each queued operation adds to a request. */
const OPERATION_BYTES = 60;
const NO_FILL = "#FFFFFF";

// --- A1 helpers (kept here so this file has no runtime imports) ---

function columnName(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellName(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

function parseCell(text: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(text.trim());
  if (!match) return null;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

function areaAddress(area: Area): string {
  const start = cellName(area.top, area.left);
  const end = cellName(area.top + area.rows - 1, area.left + area.cols - 1);
  return start === end ? start : `${start}:${end}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : JSON.stringify(value).length;
}

function isError(value: FakeValue): value is { error: string } {
  return typeof value === "object" && value !== null;
}

/** What Office.js hands back for a stored value: "" for empty, error values as their text. */
function excelValue(value: FakeValue): number | string | boolean {
  if (value === null || value === undefined) return "";
  return isError(value) ? value.error : value;
}

function setCell<T>(grid: T[][], row: number, col: number, value: T): void {
  while (grid.length <= row) grid.push([]);
  grid[row][col] = value;
}

function notLoaded(name: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Property names of a load() argument: "a, b/c", ["a"], { select: "a" } or { a: true, b: { c: true } }. */
function loadNames(arg: unknown): string[] {
  if (arg === undefined) {
    throw new Error("fake Excel: load() without property names loads everything; name the properties you read");
  }
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadNames(a));
  const object = arg as Record<string, unknown>;
  if (typeof object.select === "string") return loadNames(object.select);
  const names: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (value === true) names.push(key);
    else if (typeof value === "object" && value !== null) names.push(...loadNames(value).map((n) => `${key}/${n}`));
  }
  return names;
}

// --- The workbook state ---

function sheetState(input: FakeSheetInput): SheetState {
  return {
    name: input.name,
    visibility: input.visibility ?? "Visible",
    values: input.values.map((row) => (row ? [...row] : [])),
    formulas: (input.formulas ?? []).map((row) => (row ? [...row] : [])),
    numberFormats: (input.numberFormats ?? []).map((row) => (row ? [...row] : [])),
    hiddenRows: new Set(input.hiddenRows ?? []),
    hiddenColumns: new Set(input.hiddenColumns ?? []),
    notes: new Map(Object.entries(input.notes ?? {})),
    fills: new Map(Object.entries(input.fills ?? {}).map(([cell, fill]) => [cell, fill.toUpperCase()])),
    hyperlinks: new Map(),
    formats: [],
    pageLayout: {},
  };
}

export class FakeExcel {
  /** Install as the global: `globalThis.Excel = fake.Excel` (or call install()). */
  readonly Excel: {
    run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
    SheetVisibility: { visible: "Visible"; hidden: "Hidden"; veryHidden: "VeryHidden" };
  };
  /** Stands in for Office.context.requirements. */
  readonly requirements: { isSetSupported(name: string, version?: string): boolean };
  readonly notesSupported: boolean;
  syncCount = 0;
  readonly syncs: FakeSyncStats[] = [];
  readonly writes: FakeWrite[] = [];
  /** The cell the last Range.select() chose. */
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string;
  readonly workbookName: string;
  private readonly state: SheetState[];

  constructor(input: FakeWorkbookInput) {
    this.state = input.sheets.map(sheetState);
    const newest = Number((input.excelApi ?? "1.18").split(".")[1]);
    this.notesSupported = (input.notesSupported ?? true) && newest >= 18;
    this.workbookName = input.workbookName ?? "Book1.xlsx";
    const firstVisible = this.state.find((s) => s.visibility === "Visible");
    this.activeSheet = input.activeSheet ?? firstVisible?.name ?? "";
    const minors = this.notesSupported ? newest : Math.min(newest, 17);
    this.requirements = {
      isSetSupported(name: string, version = "1.1") {
        if (name !== "ExcelApi") return false;
        const [major, minor] = version.split(".").map(Number);
        return major === 1 && (minor ?? 0) <= minors;
      },
    };
    this.Excel = {
      run: async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
        const context = new FakeRequestContext(this);
        const result = await batch(context);
        if (context.pending()) await context.sync();
        return result;
      },
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    };
  }

  /** Sets `Excel` on the target, and a minimal `Office` (requirements only) where there is none. */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
    target.Excel = this.Excel;
    if (target.Office === undefined) target.Office = { context: { requirements: this.requirements } };
  }

  get sheetNames(): string[] {
    return this.state.map((s) => s.name);
  }

  /** The workbook saved and opened again: every sheet (very hidden ones too) as it is now. */
  reopened(): FakeExcel {
    return new FakeExcel({
      notesSupported: this.notesSupported,
      activeSheet: this.activeSheet,
      sheets: this.state.map((s) => ({
        ...s,
        hiddenRows: [...s.hiddenRows],
        hiddenColumns: [...s.hiddenColumns],
        notes: Object.fromEntries(s.notes),
        fills: Object.fromEntries(s.fills),
      })),
    });
  }

  get sheets(): FakeSheetView[] {
    return this.state.map((s) => this.view(s));
  }

  sheet(name: string): FakeSheetView | undefined {
    const s = this.find(name);
    return s ? this.view(s) : undefined;
  }

  /** Every note in the workbook, by `Sheet!A1`. */
  get notes(): Record<string, string> {
    return this.byCell((s) => s.notes);
  }

  /** Every fill in the workbook, by `Sheet!A1`. */
  get fills(): Record<string, string> {
    return this.byCell((s) => s.fills);
  }

  /** Values, formulas and number formats of the named sheets (default all), for before/after comparison. */
  contentSnapshot(names: string[] = this.sheetNames): string {
    return JSON.stringify(
      names.map((name) => {
        const v = this.sheet(name);
        return v ? { name, values: v.values, formulas: v.formulas, numberFormats: v.numberFormats } : { name };
      }),
    );
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  // --- used by the proxies ---

  find(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.state.find((s) => s.name.toLowerCase() === lower);
  }

  get(name: string): SheetState {
    const sheet = this.find(name);
    if (!sheet) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
    return sheet;
  }

  active(): SheetState {
    return this.get(this.activeSheet);
  }

  addSheet(name: string): SheetState {
    if (this.find(name)) throw new FakeExcelError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw new FakeExcelError("InvalidArgument", `'${name}' is not a valid worksheet name.`);
    const sheet = sheetState({ name, values: [] });
    this.state.push(sheet);
    return sheet;
  }

  removeSheet(sheet: SheetState): void {
    if (sheet.visibility === "VeryHidden")
      throw new FakeExcelError("GeneralException", "There was an internal error while processing the request.");
    if (this.state.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0)
      throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.state.splice(this.state.indexOf(sheet), 1);
    if (sheet.name === this.activeSheet) this.activeSheet = this.state.find((s) => s.visibility === "Visible")!.name;
  }

  hide(sheet: SheetState, visibility: FakeVisibility): void {
    if (visibility !== "Visible" && this.state.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0)
      throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    sheet.visibility = visibility;
    if (visibility !== "Visible" && sheet.name === this.activeSheet)
      this.activeSheet = this.state.find((s) => s.visibility === "Visible")!.name;
  }

  // --- what a user does in Excel between two runs of the add-in ---

  /** Renames a sheet, as the user does on its tab. */
  renameSheet(from: string, to: string): void {
    this.get(from).name = to;
    if (this.activeSheet === from) this.activeSheet = to;
  }

  /** Inserts `count` empty rows before 0-based row `at`: cells, notes, fills and hidden rows below move down. */
  insertRows(sheetName: string, at: number, count = 1): void {
    const sheet = this.get(sheetName);
    for (const grid of [sheet.values, sheet.formulas, sheet.numberFormats])
      if (grid.length > at) grid.splice(at, 0, ...Array.from({ length: count }, () => []));
    const moved = (row: number) => (row >= at ? row + count : row);
    const hidden = [...sheet.hiddenRows].map(moved);
    sheet.hiddenRows.clear();
    for (const row of hidden) sheet.hiddenRows.add(row);
    for (const cells of [sheet.notes, sheet.fills, sheet.hyperlinks] as Map<string, unknown>[]) {
      const entries = [...cells].map(([cell, value]): [string, unknown] => {
        const { row, col } = parseCell(cell)!;
        return [cellName(moved(row), col), value];
      });
      cells.clear();
      for (const [cell, value] of entries) cells.set(cell, value);
    }
  }

  /** Throws as Office.js does when a call needs a newer ExcelApi than this host has. */
  requireApi(version: string, what: string): void {
    if (!this.requirements.isSetSupported("ExcelApi", version))
      throw new FakeExcelError(
        "ApiNotFound",
        `The API you are trying to use could not be found (ExcelApi ${version} ${what}).`,
      );
  }

  requireNotes(): void {
    if (!this.notesSupported)
      throw new FakeExcelError(
        "ApiNotFound",
        "The API you are trying to use could not be found (ExcelApi 1.18 notes).",
      );
  }

  private view(s: SheetState): FakeSheetView {
    const rows = Math.max(s.values.length, s.formulas.length, s.numberFormats.length);
    let cols = 0; // a loop, not Math.max(...rows): a sheet may have more rows than a call may have arguments
    for (const grid of [s.values, s.formulas, s.numberFormats])
      for (const row of grid) cols = Math.max(cols, row?.length ?? 0);
    const area: Area = { sheet: s, top: 0, left: 0, rows, cols };
    return {
      name: s.name,
      visibility: s.visibility,
      values: readGrid(area, (r, c) => excelValue(s.values[r]?.[c])),
      formulas: readGrid(area, (r, c) => s.formulas[r]?.[c] ?? excelValue(s.values[r]?.[c])),
      numberFormats: readGrid(area, (r, c) => s.numberFormats[r]?.[c] ?? "General"),
      notes: Object.fromEntries(s.notes),
      fills: Object.fromEntries(s.fills),
      hyperlinks: Object.fromEntries(s.hyperlinks),
      formats: s.formats.map((f) => ({ ...f })),
      pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as Record<string, unknown>,
    };
  }

  private byCell(map: (s: SheetState) => Map<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.state) for (const [cell, text] of map(s)) out[`${s.name}!${cell}`] = text;
    return out;
  }
}

function readGrid<T>(area: Area, cell: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < area.rows; r++) {
    const row: T[] = new Array(area.cols);
    for (let c = 0; c < area.cols; c++) row[c] = cell(area.top + r, area.left + c);
    out.push(row);
  }
  return out;
}

// --- Batching ---

type Operation = () => number | void;

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Operation[] = [];
  private requestBytes = 0;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Queues an operation; it returns the bytes of data it loads, if any. */
  enqueue(operation: Operation, sentBytes = 0): void {
    this.queue.push(operation);
    this.requestBytes += OPERATION_BYTES + sentBytes;
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const stats: FakeSyncStats = { requestBytes: this.requestBytes, responseBytes: 0, operations: queue.length };
    this.queue = [];
    this.requestBytes = 0;
    this.fake.syncCount++;
    this.fake.syncs.push(stats);
    await Promise.resolve();
    for (const operation of queue) stats.responseBytes += operation() || 0;
  }
}

/** Base of every proxy: queued loads, and reads that throw until the loading sync has run. */
abstract class FakeObject {
  private readonly loadedValues = new Map<string, unknown>();

  constructor(protected readonly context: FakeRequestContext) {}

  load(names?: unknown): this {
    const list = loadNames(names);
    this.context.enqueue(() => list.reduce((bytes, name) => bytes + this.loadNow(name), 0));
    return this;
  }

  /** Loads `name` (or `child/name`) from the workbook now; returns the bytes loaded. */
  loadNow(name: string): number {
    const slash = name.indexOf("/");
    if (slash > 0) return this.child(name.slice(0, slash)).loadNow(name.slice(slash + 1));
    const value = this.read(name);
    this.loadedValues.set(name, value);
    return jsonBytes(value);
  }

  protected loaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw notLoaded(name);
    return this.loadedValues.get(name) as T;
  }

  protected abstract read(name: string): unknown;

  protected child(name: string): FakeObject {
    throw new FakeExcelError("InvalidArgument", `Cannot load through '${name}'.`);
  }

  protected unknown(name: string): never {
    throw new FakeExcelError("InvalidArgument", `The fake Excel has no property '${name}' here.`);
  }
}

/** Result of a method such as getRowProperties(): its value arrives with the sync. */
class FakeClientResult<T> {
  private result: { value: T } | null = null;

  constructor(context: FakeRequestContext, compute: () => T) {
    context.enqueue(() => {
      const value = compute();
      this.result = { value };
      return jsonBytes(value);
    });
  }

  get value(): T {
    if (!this.result) throw notLoaded("value");
    return this.result.value;
  }
}

/** Proxies that may stand for nothing (the *OrNullObject methods). */
abstract class FakeNullable extends FakeObject {
  private nullState: boolean | undefined;

  constructor(context: FakeRequestContext, nullable: boolean) {
    super(context);
    if (nullable) context.enqueue(() => void (this.nullState = this.exists() ? false : true));
    else this.nullState = false;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** A null object loads nothing; reading its properties then throws, as in Office.js. */
  override loadNow(name: string): number {
    return this.nullState ? 0 : super.loadNow(name);
  }

  protected abstract exists(): boolean;
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;

  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
  }

  get name(): string {
    return this.loaded("name");
  }

  protected read(name: string): unknown {
    if (name === "name") {
      this.context.fake.requireApi("1.7", "workbook.name");
      return this.context.fake.workbookName;
    }
    return this.unknown(name);
  }

  /** The user's selection: the last Range.select() (or the test's), else A1 of the active sheet. */
  getSelectedRange(): FakeRange {
    const fake = this.context.fake;
    const selection = fake.selection ?? { sheet: fake.activeSheet, address: "A1" };
    return this.worksheets.getItem(selection.sheet).getRange(selection.address);
  }
}

export class FakeWorksheetCollection extends FakeObject {
  private loadedItems: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  override load(names?: unknown): this {
    const list = loadNames(names).map((n) => n.replace(/^items\//, ""));
    this.context.enqueue(() => {
      let bytes = 0;
      this.loadedItems = this.context.fake.sheetNames.map((name) => {
        const sheet = new FakeWorksheet(this.context, () => this.context.fake.get(name), false);
        for (const n of list) bytes += sheet.loadNow(n);
        return sheet;
      });
      return bytes;
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.fake.get(name), false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.fake.find(name) ?? null, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.fake.active(), false);
  }

  add(name: string): FakeWorksheet {
    let added: SheetState | null = null;
    this.context.enqueue(() => void (added = this.context.fake.addSheet(name)), jsonBytes(name));
    return new FakeWorksheet(
      this.context,
      () => {
        if (!added) throw new FakeExcelError("ItemNotFound", `Worksheet '${name}' was not added.`);
        return added;
      },
      false,
    );
  }

  protected read(name: string): unknown {
    return this.unknown(name);
  }
}

export class FakeWorksheet extends FakeNullable {
  readonly notes: FakeNoteCollection;
  readonly pageLayout: FakePageLayout;
  private localVisibility: FakeVisibility | undefined;

  constructor(
    context: FakeRequestContext,
    readonly resolve: () => SheetState | null,
    nullable: boolean,
  ) {
    super(context, nullable);
    this.notes = new FakeNoteCollection(context, this);
    this.pageLayout = new FakePageLayout(context, this);
  }

  get name(): string {
    return this.loaded("name");
  }

  get visibility(): FakeVisibility {
    return this.localVisibility ?? this.loaded("visibility");
  }

  set visibility(visibility: FakeVisibility) {
    this.localVisibility = visibility;
    this.context.enqueue(() => this.context.fake.hide(this.sheet(), visibility));
  }

  sheet(): SheetState {
    const sheet = this.resolve();
    if (!sheet) throw new FakeExcelError("InvalidOperation", "The worksheet is a null object.");
    return sheet;
  }

  delete(): void {
    this.context.enqueue(() => this.context.fake.removeSheet(this.sheet()));
  }

  activate(): void {
    this.context.enqueue(() => {
      const sheet = this.sheet();
      if (sheet.visibility !== "Visible")
        throw new FakeExcelError("InvalidOperation", `Worksheet '${sheet.name}' is hidden and cannot be activated.`);
      this.context.fake.activeSheet = sheet.name;
    });
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, () => {
      const [from, to = from] = address.split(":");
      const start = parseCell(from);
      const end = parseCell(to);
      if (!start || !end) throw new FakeExcelError("InvalidArgument", `'${address}' is not a cell or range address.`);
      const top = Math.min(start.row, end.row);
      const left = Math.min(start.col, end.col);
      return {
        sheet: this.sheet(),
        top,
        left,
        rows: Math.abs(end.row - start.row) + 1,
        cols: Math.abs(end.col - start.col) + 1,
      };
    });
  }

  /** Several areas, "B4,C9:C12": only their fill is supported (set and clear). */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(address.split(/[,;]/).map((part) => this.getRange(part.trim())));
  }

  getRangeByIndexes(top: number, left: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => {
      if (top < 0 || left < 0 || rows < 1 || cols < 1)
        throw new FakeExcelError("InvalidArgument", `Bad range indexes ${top}, ${left}, ${rows}, ${cols}.`);
      return { sheet: this.sheet(), top, left, rows, cols };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    // Office.js gives A1 for an empty sheet.
    return new FakeRange(
      this.context,
      () => usedArea(this.sheet(), valuesOnly) ?? { sheet: this.sheet(), top: 0, left: 0, rows: 1, cols: 1 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => usedArea(this.sheet(), valuesOnly), true);
  }

  protected exists(): boolean {
    return this.resolve() !== null;
  }

  protected read(name: string): unknown {
    const sheet = this.sheet();
    if (name === "name") return sheet.name;
    if (name === "visibility") return sheet.visibility;
    if (name === "position") return this.context.fake.sheetNames.indexOf(sheet.name);
    return this.unknown(name);
  }
}

function usedArea(sheet: SheetState, valuesOnly: boolean): Area | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const take = (row: number, col: number) => {
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  };
  const scan = (grid: unknown[][], filled: (v: unknown) => boolean) =>
    grid.forEach((row, r) => row?.forEach((v, c) => filled(v) && take(r, c)));
  scan(sheet.values, (v) => v !== null && v !== undefined && v !== "");
  scan(sheet.formulas, (f) => typeof f === "string" && f.startsWith("="));
  if (!valuesOnly) {
    scan(sheet.numberFormats, (f) => typeof f === "string" && f !== "General");
    for (const cell of [...sheet.fills.keys(), ...sheet.notes.keys()]) {
      const at = parseCell(cell);
      if (at) take(at.row, at.col);
    }
  }
  return bottom < 0 ? null : { sheet, top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

export class FakeRange extends FakeNullable {
  readonly format: FakeRangeFormat;
  private resolved: Area | null | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => Area | null,
    nullable = false,
  ) {
    super(context, nullable);
    this.format = new FakeRangeFormat(context, this);
  }

  /** The cells this range stands for, fixed at the first sync that uses it (as Office.js does). */
  area(): Area {
    if (this.resolved === undefined) this.resolved = this.locate();
    if (!this.resolved) throw new FakeExcelError("InvalidOperation", "The range is a null object.");
    return this.resolved;
  }

  get address(): string {
    return this.loaded("address");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get rowHidden(): boolean | null {
    return this.loaded("rowHidden");
  }
  get columnHidden(): boolean | null {
    return this.loaded("columnHidden");
  }
  get hyperlink(): FakeHyperlink | null {
    return this.loaded("hyperlink");
  }

  get values(): (number | string | boolean)[][] {
    return this.loaded("values");
  }
  set values(values: unknown[][]) {
    this.write("values", values);
  }

  get formulas(): (number | string | boolean)[][] {
    return this.loaded("formulas");
  }
  set formulas(formulas: unknown[][]) {
    this.write("formulas", formulas);
  }

  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.write("numberFormat", formats);
  }

  set hyperlink(link: FakeHyperlink | null) {
    this.context.enqueue(() => {
      const area = this.area();
      const cell = cellName(area.top, area.left);
      this.context.fake.writes.push({ sheet: area.sheet.name, kind: "hyperlink", address: cell });
      if (!link) {
        area.sheet.hyperlinks.delete(cell);
        return;
      }
      area.sheet.hyperlinks.set(cell, { ...link });
      if (link.textToDisplay !== undefined) setCell(area.sheet.values, area.top, area.left, link.textToDisplay);
    }, jsonBytes(link));
  }

  /** Merging is recorded as a format ("merge", the argument `across`); the cells keep their values. */
  merge(across = false): void {
    this.recordFormat("merge", across);
  }

  /** Queues a format setting on this range, recorded on its sheet at the sync. */
  recordFormat(property: string, value: unknown): void {
    this.context.enqueue(() => {
      const area = this.area();
      area.sheet.formats.push({ address: areaAddress(area), property, value });
    }, jsonBytes(value));
  }

  select(): void {
    this.context.enqueue(() => {
      const area = this.area();
      if (area.sheet.visibility !== "Visible")
        throw new FakeExcelError("InvalidOperation", `Worksheet '${area.sheet.name}' is hidden.`);
      this.context.fake.activeSheet = area.sheet.name;
      this.context.fake.selection = { sheet: area.sheet.name, address: areaAddress(area) };
    });
  }

  /** Only the property the adapter asks for: whether each row is hidden. */
  getRowProperties(): FakeClientResult<{ rowHidden: boolean }[]> {
    return new FakeClientResult(this.context, () => {
      const area = this.area();
      return Array.from({ length: area.rows }, (_, i) => ({ rowHidden: area.sheet.hiddenRows.has(area.top + i) }));
    });
  }

  /** Only the property the adapter asks for: whether each column is hidden. */
  getColumnProperties(): FakeClientResult<{ columnHidden: boolean }[]> {
    return new FakeClientResult(this.context, () => {
      const area = this.area();
      return Array.from({ length: area.cols }, (_, i) => ({
        columnHidden: area.sheet.hiddenColumns.has(area.left + i),
      }));
    });
  }

  protected exists(): boolean {
    if (this.resolved === undefined) this.resolved = this.locate();
    return this.resolved !== null;
  }

  protected override child(name: string): FakeObject {
    if (name === "format") return this.format;
    return super.child(name);
  }

  protected read(name: string): unknown {
    const area = this.area();
    const { sheet } = area;
    switch (name) {
      case "address":
        return `${quoteSheet(sheet.name)}!${areaAddress(area)}`;
      case "rowIndex":
        return area.top;
      case "columnIndex":
        return area.left;
      case "rowCount":
        return area.rows;
      case "columnCount":
        return area.cols;
      case "values":
        return readGrid(area, (r, c) => excelValue(sheet.values[r]?.[c]));
      case "formulas":
        return readGrid(area, (r, c) => sheet.formulas[r]?.[c] ?? excelValue(sheet.values[r]?.[c]));
      case "numberFormat":
        return readGrid(area, (r, c) => sheet.numberFormats[r]?.[c] ?? "General");
      case "rowHidden":
        return uniform(Array.from({ length: area.rows }, (_, i) => sheet.hiddenRows.has(area.top + i)));
      case "columnHidden":
        return uniform(Array.from({ length: area.cols }, (_, i) => sheet.hiddenColumns.has(area.left + i)));
      case "hyperlink":
        return sheet.hyperlinks.get(cellName(area.top, area.left)) ?? null;
      default:
        return this.unknown(name);
    }
  }

  private write(kind: "values" | "formulas" | "numberFormat", grid: unknown[][]): void {
    this.context.enqueue(() => {
      const area = this.area();
      if (
        !Array.isArray(grid) ||
        grid.length !== area.rows ||
        grid.some((row) => !Array.isArray(row) || row.length !== area.cols)
      )
        throw new FakeExcelError(
          "InvalidArgument",
          `The ${kind} array does not match the size of range ${areaAddress(area)}.`,
        );
      this.context.fake.writes.push({ sheet: area.sheet.name, kind, address: areaAddress(area) });
      const { sheet } = area;
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          const at = [area.top + r, area.left + c] as const;
          if (kind === "numberFormat") setCell(sheet.numberFormats, ...at, String(v));
          else if (
            kind === "formulas" &&
            typeof v === "string" &&
            v.startsWith("=") &&
            sheet.numberFormats[at[0]]?.[at[1]] !== "@"
          ) {
            setCell(sheet.formulas, ...at, v);
            setCell<FakeValue>(sheet.values, ...at, formulaResult(v));
          } else {
            setCell(sheet.formulas, ...at, null);
            setCell(sheet.values, ...at, storedValue(v, sheet.numberFormats[at[0]]?.[at[1]]));
          }
        }),
      );
    }, jsonBytes(grid));
  }
}

/** No calculation engine: a formula shows nothing, except HYPERLINK(…, "text"), which shows its text. */
function formulaResult(formula: string): FakeValue {
  const link = /^=HYPERLINK\("(?:[^"]|"")*",\s*"((?:[^"]|"")*)"\)$/i.exec(formula);
  return link ? link[1].replace(/""/g, '"') : null;
}

/** Excel turns typed text starting with "=" into a formula unless the cell is formatted as text ("@"). */
function storedValue(v: unknown, format: string | null | undefined): FakeValue {
  if (typeof v === "string" && v.startsWith("=") && format !== "@")
    throw new FakeExcelError("InvalidArgument", `fake Excel: '${v}' written as a value would become a formula`);
  return v === "" ? null : (v as FakeValue);
}

function uniform(flags: boolean[]): boolean | null {
  return flags.every(Boolean) ? true : flags.some(Boolean) ? null : false;
}

/** RangeAreas: the areas share one format; only fill.color and fill.clear() are supported. */
export class FakeRangeAreas {
  readonly format: { fill: { color: string; clear(): void } };

  constructor(areas: FakeRange[]) {
    this.format = {
      fill: {
        set color(color: string) {
          for (const range of areas) range.format.fill.color = color;
        },
        get color(): string {
          throw new FakeExcelError("InvalidArgument", "The fake Excel does not read fills through RangeAreas.");
        },
        clear() {
          for (const range of areas) range.format.fill.clear();
        },
      },
    };
  }
}

export class FakeRangeFormat extends FakeObject {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;

  constructor(
    context: FakeRequestContext,
    readonly range: FakeRange,
  ) {
    super(context);
    this.fill = new FakeRangeFill(context, range);
    this.font = new FakeRangeFont(context, range);
  }

  set columnWidth(points: number) {
    this.range.recordFormat("columnWidth", points);
  }

  set rowHeight(points: number) {
    this.range.recordFormat("rowHeight", points);
  }

  set wrapText(wrap: boolean) {
    this.range.recordFormat("wrapText", wrap);
  }

  set verticalAlignment(alignment: string) {
    this.range.recordFormat("verticalAlignment", alignment);
  }

  set horizontalAlignment(alignment: string) {
    this.range.recordFormat("horizontalAlignment", alignment);
  }

  protected override child(name: string): FakeObject {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return super.child(name);
  }

  protected read(name: string): unknown {
    return this.unknown(name);
  }
}

export class FakeRangeFill extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  get color(): string | null {
    return this.loaded("color");
  }
  set color(color: string) {
    this.context.enqueue(
      () => this.cells().forEach(({ sheet, cell }) => sheet.fills.set(cell, color.toUpperCase())),
      jsonBytes(color),
    );
  }

  get pattern(): string | null {
    return this.loaded("pattern");
  }

  clear(): void {
    this.context.enqueue(() => this.cells().forEach(({ sheet, cell }) => sheet.fills.delete(cell)));
  }

  protected read(name: string): unknown {
    const fills = this.cells().map(({ sheet, cell }) => sheet.fills.get(cell) ?? null);
    const same = fills.every((f) => f === fills[0]);
    if (name === "color") return same ? (fills[0] ?? NO_FILL) : null;
    if (name === "pattern") return same ? (fills[0] ? "Solid" : "None") : null;
    return this.unknown(name);
  }

  private cells(): { sheet: SheetState; cell: string }[] {
    const area = this.range.area();
    const out: { sheet: SheetState; cell: string }[] = [];
    for (let r = 0; r < area.rows; r++)
      for (let c = 0; c < area.cols; c++) out.push({ sheet: area.sheet, cell: cellName(area.top + r, area.left + c) });
    return out;
  }
}

/** Font settings are recorded as formats ("font.bold", "font.size"), not read back. */
export class FakeRangeFont extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  set bold(bold: boolean) {
    this.range.recordFormat("font.bold", bold);
  }

  set size(points: number) {
    this.range.recordFormat("font.size", points);
  }

  protected read(name: string): unknown {
    return this.unknown(name);
  }
}

export class FakeNoteCollection extends FakeObject {
  private loadedItems: FakeNote[] | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  get items(): FakeNote[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  /** `load("items/content")`: the sheet's notes as they are at the sync. */
  override load(names?: unknown): this {
    const list = loadNames(names).map((n) => n.replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.context.fake.requireNotes();
      let bytes = 0;
      this.loadedItems = [...this.worksheet.sheet().notes.keys()].map((cell) => {
        const note = new FakeNote(this.context, this.worksheet, cell, false);
        for (const n of list) bytes += note.loadNow(n);
        return note;
      });
      return bytes;
    });
    return this;
  }

  add(cellAddress: string, content: string): FakeNote {
    const cell = normaliseCell(cellAddress);
    this.context.enqueue(() => {
      this.context.fake.requireNotes();
      const sheet = this.worksheet.sheet();
      if (sheet.notes.has(cell)) throw new FakeExcelError("InvalidArgument", `Cell ${cell} already has a note.`);
      sheet.notes.set(cell, String(content));
    }, jsonBytes(content));
    return new FakeNote(this.context, this.worksheet, cell, false);
  }

  getItem(key: string): FakeNote {
    return new FakeNote(this.context, this.worksheet, normaliseCell(key), false);
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, this.worksheet, normaliseCell(key), true);
  }

  protected read(name: string): unknown {
    return this.unknown(name);
  }
}

function normaliseCell(address: string): string {
  const at = parseCell(address);
  if (!at) throw new FakeExcelError("InvalidArgument", `'${address}' is not a single cell address.`);
  return cellName(at.row, at.col);
}

export class FakeNote extends FakeNullable {
  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
    private readonly cell: string,
    nullable: boolean,
  ) {
    super(context, nullable);
  }

  get content(): string {
    return this.loaded("content");
  }
  set content(content: string) {
    this.context.enqueue(() => {
      this.existing();
      this.notes().set(this.cell, String(content));
    }, jsonBytes(content));
  }

  delete(): void {
    this.context.enqueue(() => {
      this.existing();
      this.notes().delete(this.cell);
    });
  }

  /** The cell the note is on. */
  getLocation(): FakeRange {
    return this.worksheet.getRange(this.cell);
  }

  protected exists(): boolean {
    this.context.fake.requireNotes();
    return this.notes().has(this.cell);
  }

  protected read(name: string): unknown {
    const text = this.existing();
    if (name === "content") return text;
    if (name === "authorName") return "Fake user";
    return this.unknown(name);
  }

  private notes(): Map<string, string> {
    return this.worksheet.sheet().notes;
  }

  private existing(): string {
    this.context.fake.requireNotes();
    const text = this.notes().get(this.cell);
    if (text === undefined) throw new FakeExcelError("ItemNotFound", `There is no note on cell ${this.cell}.`);
    return text;
  }
}

/** `worksheet.pageLayout` (ExcelApi 1.9): what is set is recorded on the sheet's `pageLayout`. */
export class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };

  constructor(
    private readonly context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    const set = (name: string, value: unknown) => this.set(name, value);
    this.headersFooters = {
      defaultForAllPages: {
        set centerFooter(text: string) {
          set("centerFooter", text);
        },
        get centerFooter(): string {
          throw new FakeExcelError("InvalidArgument", "The fake Excel does not read headers and footers.");
        },
      },
    };
    for (const name of [
      "orientation",
      "paperSize",
      "zoom",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "headerMargin",
      "footerMargin",
    ])
      Object.defineProperty(this, name, {
        set: (value: unknown) => this.set(name, value),
        get: () => {
          throw new FakeExcelError("InvalidArgument", `The fake Excel does not read pageLayout.${name}.`);
        },
      });
  }

  setPrintArea(address: string): void {
    this.set("printArea", address);
  }

  setPrintTitleRows(address: string): void {
    this.set("printTitleRows", address);
  }

  private set(name: string, value: unknown): void {
    this.context.fake.requireApi("1.9", `pageLayout.${name}`);
    this.context.enqueue(() => {
      this.worksheet.sheet().pageLayout[name] = JSON.parse(JSON.stringify(value)) as unknown;
    }, jsonBytes(value));
  }
}

export function createFakeExcel(input: FakeWorkbookInput): FakeExcel {
  return new FakeExcel(input);
}
