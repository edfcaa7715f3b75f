/**
 * The settings sheet's Office.js calls against office-addin-mock: loading reads only what it loaded
 * and synced (the mock hands back "Error, property was not loaded" otherwise), in two syncs; a
 * missing sheet is a null object, not an error.
 */
import { OfficeMockObject } from "office-addin-mock";
import { SETTINGS_SHEET } from "../../src/core/annotation/names";
import { encodeSettings } from "../../src/core/settings/sheet";
import { Settings } from "../../src/core/settings/settings";
import { loadSettings } from "../../src/taskpane/excel";

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => delete globals.Excel);

/** Excel.run over a mock workbook whose settings sheet holds `rows` (null: no such sheet); counts syncs. */
function host(rows: string[][] | null) {
  const tracked: OfficeMockObject[] = [];
  const track = (mock: OfficeMockObject) => (tracked.push(mock), mock);
  let syncs = 0;
  const asked: string[] = [];
  const context = {
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => {
          asked.push(name);
          const sheet = track(
            new OfficeMockObject({
              getUsedRangeOrNullObject: () => {
                const used = track(new OfficeMockObject({ values: rows ?? [] }));
                used.isNullObject = rows === null || rows.length === 0;
                return used;
              },
            }),
          );
          sheet.isNullObject = rows === null;
          return sheet;
        },
      },
    },
    sync: async () => {
      syncs++;
      for (const mock of tracked) await mock.sync();
    },
  };
  globals.Excel = { run: <T>(batch: (c: unknown) => Promise<T>) => batch(context) };
  return { syncs: () => syncs, asked };
}

describe("loadSettings with office-addin-mock", () => {
  const settings: Settings = { version: 1, rules: { "hardcoded-total": "off" }, skipSheets: ["Notes"] };

  it("reads the very hidden sheet's chunks, loaded and synced, in two syncs", async () => {
    const mock = host(encodeSettings(settings));
    expect(await loadSettings()).toEqual({ settings, problem: null });
    expect(mock.asked).toEqual([SETTINGS_SHEET]);
    expect(mock.syncs()).toBe(2);
  });

  it("finds no settings in a workbook without the sheet, in one sync", async () => {
    const mock = host(null);
    expect(await loadSettings()).toEqual({ settings: null, problem: null });
    expect(mock.syncs()).toBe(1);
  });

  it("reports an empty settings sheet as damaged", async () => {
    host([]);
    expect((await loadSettings()).problem).toMatch(/were ignored: The SavingsCheckSettings sheet is empty\.$/);
  });
});
