/**
 * The adapter's Office.js calls, against office-addin-mock: what it loads, that it reads nothing
 * it has not loaded and synced (the mock then hands back "Error, property was not loaded" or
 * "Error, context.sync() was not called" instead of data), and how many context.sync() calls it
 * makes: a constant plus one per row chunk for reading, two for marking any number of findings.
 *
 * office-addin-mock models objects, not Office.js's collections or methods, so the glue below
 * supplies those (worksheets, getUsedRangeOrNullObject, getRangeByIndexes, getRowProperties, notes)
 * and returns an OfficeMockObject wherever Office.js returns a proxy.
 */
import { OfficeMockObject } from "office-addin-mock";
import { REPORT_SHEET, RECORD_SHEET } from "../../src/core/annotation/names";
import { countBySeverity, Finding, isReady } from "../../src/core/findings";
import { CellValue, sheetFromValues, toA1 } from "../../src/core/grid";
import { CELL_BYTES, markFindings, readWorkbook, SYNC_BUDGET_BYTES } from "../../src/taskpane/excel";
import { resultOf } from "../support/results";

const NOT_LOADED = /^Error, (property was not loaded|context\.sync\(\) was not called)$/;
const globals = globalThis as unknown as Record<string, unknown>;

interface SheetData {
  name: string;
  /** Row and column of the used range's top-left cell. */
  top: number;
  left: number;
  values: CellValue[][];
  hiddenRows?: number[];
}

/** Office.js on a mock workbook: counts syncs and records every load() argument. */
class MockHost {
  syncs = 0;
  readonly loads: string[] = [];
  readonly writes: string[] = [];
  private readonly tracked: OfficeMockObject[] = [];
  private synced = false;

  constructor(private readonly sheets: SheetData[]) {}

  /** Registers a mock so that context.sync() reaches it, and records what is loaded from it. */
  private track(mock: OfficeMockObject, what: string): OfficeMockObject {
    this.tracked.push(this.recordLoads(mock, what));
    return mock;
  }

  private recordLoads(mock: OfficeMockObject, what: string): OfficeMockObject {
    const load = mock.load.bind(mock);
    mock.load = (names: string) => {
      this.loads.push(`${what}: ${names}`);
      load(names);
      return mock;
    };
    return mock;
  }

  /** A result of a method such as getRowProperties(): Office.js loads its value with the next sync. */
  private result(value: unknown): OfficeMockObject {
    const mock = new OfficeMockObject({ value });
    this.tracked.push(mock);
    mock.load("value");
    return mock;
  }

  private range(sheet: SheetData, top: number, left: number, rows: number, cols: number): OfficeMockObject {
    const slice = (cell: (v: CellValue, r: number) => unknown) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) =>
          cell(sheet.values[top - sheet.top + r]?.[left - sheet.left + c] ?? null, top + r),
        ),
      );
    const mock = this.track(
      new OfficeMockObject({
        values: slice((v) => (v === null ? "" : v)),
        formulas: slice((v) => (v === null ? "" : v)),
        numberFormat: slice(() => "General"),
        format: { fill: { color: "#FFFFFF", pattern: "None" }, font: {}, autofitColumns: () => undefined },
        getRowProperties: () =>
          this.result(
            Array.from({ length: rows }, (_, i) => ({ rowHidden: sheet.hiddenRows?.includes(top + i) ?? false })),
          ),
        getColumnProperties: () => this.result(Array.from({ length: cols }, () => ({ columnHidden: false }))),
      }),
      `${sheet.name}!${toA1(top, left)}:${toA1(top + rows - 1, left + cols - 1)}`,
    );
    return mock;
  }

  private worksheet(sheet: SheetData): OfficeMockObject {
    const rows = sheet.values.length;
    const cols = Math.max(0, ...sheet.values.map((r) => r.length));
    const writes = this.writes;
    return this.track(
      new OfficeMockObject({
        name: sheet.name,
        getUsedRangeOrNullObject: () => {
          const used = this.track(
            new OfficeMockObject({ rowIndex: sheet.top, columnIndex: sheet.left, rowCount: rows, columnCount: cols }),
            `${sheet.name} used range`,
          );
          used.isNullObject = rows === 0;
          return used;
        },
        getRangeByIndexes: (top: number, left: number, rowCount: number, colCount: number) =>
          this.range(sheet, top, left, rowCount, colCount),
        getRange: (address: string) => this.cell(sheet, address),
        getRanges: (address: string) => ({
          format: {
            fill: {
              set color(color: string) {
                writes.push(`fill ${sheet.name}!${address} ${color}`);
              },
            },
          },
        }),
        notes: {
          getItemOrNullObject: (cell: string) => {
            const note = this.track(new OfficeMockObject({ content: "" }), `note ${sheet.name}!${cell}`);
            note.isNullObject = true;
            return note;
          },
          add: (cell: string, text: string) => this.writes.push(`note ${sheet.name}!${cell} ${text}`),
        },
      }),
      `sheet ${sheet.name}`,
    );
  }

  private cell(sheet: SheetData, address: string): OfficeMockObject {
    const cell = this.track(
      new OfficeMockObject({ format: { fill: { color: "#FFFFFF", pattern: "None" } } }),
      `${sheet.name}!${address}`,
    );
    this.recordLoads(cell.format.fill, `${sheet.name}!${address} fill`);
    return cell;
  }

  private addedSheet(name: string): OfficeMockObject {
    this.writes.push(`add sheet ${name}`);
    const writable = () => new OfficeMockObject({ format: { font: {} }, merge: () => undefined });
    const set = () => undefined;
    return new OfficeMockObject({
      name,
      getRangeByIndexes: writable,
      getRange: writable,
      pageLayout: { zoom: {}, headersFooters: { defaultForAllPages: {} }, setPrintArea: set, setPrintTitleRows: set },
    });
  }

  /** The `Excel` global. */
  excel() {
    const sheetMocks = this.sheets.map((s) => this.worksheet(s));
    let listed = false;
    const worksheets = {
      load: (names: string) => {
        this.loads.push(`worksheets: ${names}`);
        for (const s of sheetMocks) s.load(names.replace(/items\//g, ""));
        listed = true;
        this.synced = false;
        return worksheets;
      },
      get items() {
        if (!listed) throw new Error("worksheets.items read without load");
        return sheetMocks;
      },
      getItem: (name: string) => sheetMocks[this.sheets.findIndex((s) => s.name === name)],
      getActiveWorksheet: () => sheetMocks[0],
      add: (name: string) => this.addedSheet(name),
    };
    let named = false;
    const workbook = {
      worksheets,
      load: (names: string) => {
        this.loads.push(`workbook: ${names}`);
        named = true;
        return workbook;
      },
      get name() {
        if (!named) throw new Error("workbook.name read without load");
        return "Register.xlsx";
      },
    };
    const context = {
      workbook,
      sync: async () => {
        this.syncs++;
        for (const mock of this.tracked) await mock.sync();
        await new Promise((resolve) => setImmediate(resolve)); // the mock finishes its sync in later microtasks
        this.synced = true;
      },
    };
    return {
      run: async <T>(batch: (c: typeof context) => Promise<T>) => batch(context),
    };
  }
}

function install(sheets: SheetData[]): MockHost {
  const host = new MockHost(sheets);
  globals.Excel = host.excel();
  globals.Office = { context: { requirements: { isSetSupported: () => true } } };
  return host;
}

afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

/** Rows of a register with six columns: ref, text, workstream, amount, RAG, EIA. */
function registerRows(lines: number): CellValue[][] {
  return Array.from({ length: lines }, (_, i) => [
    `S${i + 1}`,
    `Saving ${i + 1}`,
    "Workstream",
    i * 10,
    "Green",
    "Yes",
  ]);
}

describe("readWorkbook on office-addin-mock", () => {
  test("loads only names, used-range bounds and the chunks' values, formulas and number formats, and reads nothing unloaded", async () => {
    const host = install([{ name: "Register", top: 2, left: 1, values: registerRows(10), hiddenRows: [4] }]);
    const workbook = await readWorkbook();
    expect(host.loads).toEqual([
      "worksheets: items/name",
      "sheet Register: name",
      "Register used range: rowIndex,columnIndex,rowCount,columnCount",
      "Register!B3:G12: values,formulas,numberFormat",
    ]);
    const [sheet] = workbook.sheets;
    expect(JSON.stringify(workbook.sheets.map((s) => [s.name, s.values, s.formulas, s.numberFormats]))).not.toMatch(
      /Error, /,
    );
    expect(sheet.name).toBe("Register");
    expect(sheet.values[2]).toEqual([null, "S1", "Saving 1", "Workstream", 0, "Green", "Yes"]);
    expect(sheet.values).toHaveLength(12);
    expect([...sheet.hiddenRows]).toEqual([4]);
  });

  test.each([
    [10, 3],
    [10_000, 4],
    [100_000, 18],
  ])("%i rows: two syncs plus one per chunk of rows", async (lines, syncs) => {
    const host = install([{ name: "Register", top: 0, left: 0, values: registerRows(lines) }]);
    const workbook = await readWorkbook();
    const rowsPerChunk = Math.floor(SYNC_BUDGET_BYTES / (6 * CELL_BYTES + 24));
    expect(host.syncs).toBe(2 + Math.ceil(lines / rowsPerChunk));
    expect(host.syncs).toBe(syncs);
    const [sheet] = workbook.sheets;
    expect(sheet.values).toHaveLength(lines);
    expect(sheet.values[lines - 1][0]).toBe(`S${lines}`);
    expect(host.loads.filter((l) => l.endsWith("values,formulas,numberFormat"))).toHaveLength(syncs - 2);
  });

  test("the mock catches a read before sync: it hands back its error text, never data", async () => {
    const mock = new OfficeMockObject({ values: [[1]] });
    expect(mock.values).toMatch(NOT_LOADED);
    mock.load("values");
    expect(mock.values).toMatch(NOT_LOADED);
    await mock.sync();
    expect(mock.values).toEqual([[1]]);
  });
});

describe("markFindings on office-addin-mock", () => {
  test.each([1, 100, 5_000])(
    "marks %i findings in two syncs, loading only fills and notes of the finding cells",
    async (n) => {
      const values = registerRows(n);
      const host = install([{ name: "Register", top: 0, left: 0, values }]);
      const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
        rule: "number-as-text",
        severity: "warning",
        sheet: "Register",
        cell: toA1(i, 3),
        message: `Amount typed as text in row ${i + 1}`,
        table: "Register",
      }));
      const result = resultOf(findings);
      const outcome = await markFindings(
        { sheets: [sheetFromValues("Register", values)] },
        result,
        new Date("2026-11-23T10:00:00Z"),
      );
      expect(outcome).toEqual({ notesWritten: true, reportSheet: REPORT_SHEET, marked: n });
      expect(host.syncs).toBe(2);
      const loaded = new Set(host.loads.map((l) => l.replace(/^.*: /, "")));
      expect(loaded).toEqual(new Set(["items/name", "name", "color,pattern", "content"]));
      expect(host.writes.filter((w) => w.startsWith("note "))).toHaveLength(n);
      expect(host.writes.filter((w) => w.startsWith("add sheet"))).toEqual([
        `add sheet ${REPORT_SHEET}`,
        `add sheet ${RECORD_SHEET}`,
      ]);
      expect(host.writes.some((w) => w.startsWith("fill Register!D1"))).toBe(true);
    },
  );
});
