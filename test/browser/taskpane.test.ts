/**
 * The built task pane in headless Chromium, driven as a user would, over a fake Excel holding the
 * fixture workbooks: check, read the verdict and findings, go to a cell, mark, clear; the template;
 * hostile workbook text; axe in each state; the whole flow from the keyboard. Waits are on roles
 * and text, never on time.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, Locator, Page } from "playwright-core";
import { NOTE_PREFIX, RECORD_SHEET, REPORT_SHEET, SETTINGS_SHEET } from "../../src/core/annotation/names";
import { verdict } from "../../src/core/annotation/plan";
import { plural } from "../../src/core/findings";
import { sheetFromValues, WorkbookGrid } from "../../src/core/grid";
import { validateWorkbook, ValidationResult } from "../../src/core/validate";
import { countsText, groupFindings, SEVERITIES } from "../../src/taskpane/findings-view";
import { readWorkbookGrid } from "../../src/cli/xlsx/workbook-file";
import type { FakeWorkbookInput } from "../support/fake-excel";
import {
  fakeInput,
  FakeState,
  foreignRequests,
  launchChromium,
  openPane,
  PaneOptions,
  PaneSession,
  startServer,
  StaticServer,
} from "./harness";

jest.setTimeout(60_000);

const FIXTURES = path.resolve(__dirname, "../fixtures");
const SCREENSHOT = path.resolve(__dirname, "../../docs/images/taskpane.png");
const TT2017 = "Tt2017 workstreams";
const TT2019 = "Table 1";
const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(1)</script>";
/** The user's own note and fill on cells that get findings: marking must keep them, clearing restore them. */
const USER_NOTE = "Checked with the service lead, 3 March";
const USER_FILL = "#FFFF00";

let server: StaticServer;
let browser: Browser;
/** Both fixtures, the 2017 one with one saving changed (4.0 to 5.0) so that it has errors. */
let withErrors: WorkbookGrid;
let ready: WorkbookGrid;
/** What the engine finds in `withErrors`: the pane must show exactly this. */
let found: ValidationResult;
const sessions: PaneSession[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const tt2017 = await readWorkbookGrid(path.join(FIXTURES, "hampshire-tt2017-workstreams.xlsx"));
  ready = await readWorkbookGrid(path.join(FIXTURES, "hampshire-tt2019-table1.xlsx"));
  tt2017.sheets[0].values[5][2] = 5; // C6: makes D6's 7.6% and the C13 sub-total wrong
  withErrors = { sheets: [...tt2017.sheets, ...ready.sheets] };
  found = validateWorkbook(withErrors);
  // The changed saving gives a pct-mismatch on D6 and a subtotal-mismatch on C13, whatever else.
  expect(found.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell])).toEqual([
    ["pct-mismatch", "D6"],
    ["subtotal-mismatch", "C13"],
  ]);
  expect(found.counts.warning).toBeGreaterThan(0);
  expect(found.counts.info).toBeGreaterThan(0);
  expect(validateWorkbook(ready).ready).toBe(true);
});

afterEach(async () => {
  // Whatever a test did, the page asked nothing of any other origin, opened no dialog, threw
  // nothing and logged no error. The only CSP violations are office.js's own: outside a host it
  // tries to frame its telemetry service (and style that frame), which the policy blocks on purpose.
  for (const session of sessions.splice(0)) {
    expect(foreignRequests(session.requests, server.origin)).toEqual([]);
    expect(session.dialogs).toEqual([]);
    expect(session.problems).toEqual([]);
    for (const violation of session.cspViolations) {
      expect(violation).toEqual({
        directive: expect.stringMatching(/^(frame-src|style-src-attr)$/),
        blocked: expect.any(String),
        source: `${server.origin}/office-js/o15apptofilemappingtable.js`,
      });
    }
    await session.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(input: FakeWorkbookInput, options: PaneOptions = {}): Promise<PaneSession> {
  const session = await openPane(browser, server.origin, input, options);
  sessions.push(session);
  return session;
}

function errorsInput(notesSupported = true): FakeWorkbookInput {
  const input = fakeInput(withErrors, { notesSupported });
  input.sheets[0].notes = { D6: USER_NOTE };
  input.sheets[0].fills = { C8: USER_FILL };
  return input;
}

const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name });
/** The findings' buttons that select their cells (each finding also has its Accept… button). */
const findingButtons = (page: Page) => page.getByRole("list").getByRole("button", { name: /^(?!Accept finding )/ });
const finding = (page: Page, text: string) => page.getByRole("button", { name: new RegExp(escape(text)) });

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function check(page: Page, expected: string): Promise<void> {
  await button(page, "Check workbook").click();
  await page.getByText(expected, { exact: true }).waitFor();
}

/** The user's sheets' values, formulas and number formats. */
function userContent(state: FakeState): unknown {
  return state.sheets
    .filter((s) => s.name !== REPORT_SHEET && s.name !== RECORD_SHEET)
    .map((s) => ({ name: s.name, values: s.values, formulas: s.formulas, numberFormats: s.numberFormats }));
}

/**
 * Re-reads the fake until it shows `expected`: an Excel call the pane started may still be
 * finishing when the click returns. Polls on the condition (at most 5 s), then asserts.
 */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const deadline = Date.now() + 5000;
  let actual = await read();
  while (!equal(actual, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
    actual = await read();
  }
  expect(actual).toEqual(expected);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${key} never reached ${target}`);
}

describe("task pane", () => {
  test("empty state: the check and the actions, nothing to mark yet, no axe violations", async () => {
    const { page, axe } = await open(errorsInput());
    await expect(button(page, "Check workbook").isEnabled()).resolves.toBe(true);
    await expect(page.getByRole("switch", { name: "Active sheet only" }).isChecked()).resolves.toBe(false);
    await expect(button(page, "Mark on sheet").isDisabled()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: "Findings" }).count()).resolves.toBe(0);
    const background = page.locator(".fui-FluentProvider").evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect(background).resolves.toBe("rgb(255, 255, 255)"); // light outside Office
    expect(await axe()).toEqual([]);
  });

  test("check, go to a finding, filter, mark with notes, open the report, clear back to the original", async () => {
    const session = await open(errorsInput());
    const { page, fake, axe } = session;
    const before = await fake();
    const expected = found;
    await check(page, verdict(expected));
    expect(verdict(expected)).toBe("Not ready for committee: 2 errors");
    const { tables, counts } = expected;
    await page
      .getByText(
        `Checked the whole workbook at 2 Mar 2026, 10:30:00: ${plural(tables.length, "table")}, ${counts.info} info.`,
      )
      .waitFor();
    for (const table of ["Workstream summary A4:D16", "Savings target A20:C20", "Workstream summary A3:D12"])
      await expect(page.getByRole("heading", { name: new RegExp(escape(table)) }).count()).resolves.toBeGreaterThan(0);
    const pct = expected.findings.find((f) => f.rule === "pct-mismatch")!;
    await expect(finding(page, pct.message).textContent()).resolves.toBe(`Errorpct-mismatch${TT2017}!D6${pct.message}`);
    await expect(findingButtons(page).count()).resolves.toBe(expected.findings.length);
    expect(await axe()).toEqual([]);
    // Nothing wider than the narrowest pane: no sideways scrolling at 320 px.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    await finding(page, pct.message).click();
    await eventually(async () => (await fake()).selection, { sheet: TT2017, address: "D6" });

    // Filter: info off leaves errors and warnings only.
    const info = `Info (${counts.info})`;
    await button(page, info).click();
    await expect(button(page, info).getAttribute("aria-pressed")).resolves.toBe("false");
    await expect(findingButtons(page).count()).resolves.toBe(counts.error + counts.warning);
    await expect(page.getByRole("heading", { name: /Savings target/ }).count()).resolves.toBe(0);
    await button(page, info).click();
    await expect(findingButtons(page).count()).resolves.toBe(expected.findings.length);

    await button(page, "Mark on sheet").click();
    await page.getByText(/cells? marked; the report is on sheet “Savings check”\./).waitFor();
    await expect(page.getByText("No notes").count()).resolves.toBe(0);
    const marked = await fake();
    expect(userContent(marked)).toEqual(userContent(before));
    const markedCells = new Set(expected.findings.map((f) => `${f.sheet}!${f.cell}`));
    expect(Object.keys(marked.fills).sort()).toEqual([...markedCells].sort());
    expect(marked.notes[`${TT2017}!D6`]).toBe(USER_NOTE);
    for (const cell of markedCells)
      if (cell !== `${TT2017}!D6`) expect(marked.notes[cell]).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    expect(marked.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ...before.sheets.map((s) => [s.name, s.visibility]),
      [REPORT_SHEET, "Visible"],
      [RECORD_SHEET, "VeryHidden"],
    ]);
    const report = marked.sheets.find((s) => s.name === REPORT_SHEET)!;
    expect(report.values.flat()).toContain(pct.message);
    // Set up for the papers through pageLayout (ExcelApi 1.9): landscape A4, one page wide, the header on every page.
    expect(report.values[0][0]).toBe("Savings check report: Book1.xlsx");
    expect(report.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: `A1:F${report.values.length}`,
      printTitleRows: "$11:$11",
    });
    expect(report.formats.filter((f) => f.property === "columnWidth")).toHaveLength(6);
    expect(await axe()).toEqual([]); // with the notice and the report link

    await page.getByRole("button", { name: `Open the report sheet “${REPORT_SHEET}”` }).click();
    await eventually(async () => (await fake()).activeSheet, REPORT_SHEET);

    await button(page, "Clear marks").click();
    await page.getByText(/Marks removed from \d+ cells; fills and notes are as they were\.$/).waitFor();
    const cleared = await fake();
    expect(cleared.sheets).toEqual(before.sheets);
    expect(cleared.notes).toEqual(before.notes);
    expect(cleared.fills).toEqual(before.fills);
    await expect(page.getByRole("button", { name: /Open the report sheet/ }).count()).resolves.toBe(0);

    await button(page, "Clear marks").click();
    await page.getByText("This workbook has no marks from the savings check.").waitFor();
  });

  test("in Office's dark theme the pane is dark, with findings and no axe violations", async () => {
    const { page, axe } = await open(errorsInput(), { dark: true });
    const background = () => page.locator(".fui-FluentProvider").evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect(background()).resolves.toBe("rgb(41, 41, 41)"); // webDarkTheme's neutral background
    await check(page, verdict(found));
    expect(await axe()).toEqual([]);
  });

  test("without ExcelApi 1.18 marking uses fills and the report sheet, and says so", async () => {
    const { page, fake } = await open(errorsInput(false));
    const before = await fake();
    await check(page, verdict(found));
    await button(page, "Mark on sheet").click();
    await page.getByText(/Notes need Excel for Microsoft 365 \(ExcelApi 1\.18\)/).waitFor();
    const marked = await fake();
    expect(marked.notes).toEqual(before.notes);
    expect(Object.keys(marked.fills).length).toBeGreaterThan(Object.keys(before.fills).length);
    expect(marked.sheets.map((s) => s.name)).toContain(REPORT_SHEET);
    expect(userContent(marked)).toEqual(userContent(before));
  });

  test("progress while Excel works; a ready workbook, and the active sheet only: ready for committee, no axe violations", async () => {
    const { page, axe } = await open(fakeInput(ready));
    // Hold Excel's answer back: while it works, a spinner says what runs and the button does nothing.
    await page.evaluate(() => {
      const host = window as unknown as { Excel: { run(batch: unknown): Promise<unknown> }; releaseExcel(): void };
      const run = host.Excel.run;
      const gate = new Promise<void>((resolve) => (host.releaseExcel = resolve));
      host.Excel.run = (batch) => gate.then(() => run(batch));
    });
    await button(page, "Check workbook").click();
    await page.getByRole("progressbar", { name: "Checking the workbook…" }).waitFor();
    await expect(button(page, "Check workbook").getAttribute("aria-disabled")).resolves.toBe("true");
    await page.evaluate(() => (window as unknown as { releaseExcel(): void }).releaseExcel());
    await page.getByText("Ready for committee", { exact: true }).waitFor();
    await expect(page.getByRole("progressbar").count()).resolves.toBe(0);
    const readyResult = validateWorkbook(ready);
    const readyTables = plural(readyResult.tables.length, "table");
    await page
      .getByText(`Checked the whole workbook at 2 Mar 2026, 10:30:00: ${readyTables}, ${readyResult.counts.info} info.`)
      .waitFor();
    expect(await axe()).toEqual([]);

    const both = await open(errorsInput());
    await both.page.evaluate(() => (window.fakeExcel.activeSheet = "Table 1"));
    await both.page.getByRole("switch", { name: "Active sheet only" }).check();
    await check(both.page, "Ready for committee");
    await both.page.getByText(/Checked the active sheet at /).waitFor();
    await expect(both.page.getByText(TT2017).count()).resolves.toBe(0);
    for (const group of groupFindings(readyResult.findings, new Set(SEVERITIES)))
      await expect(both.page.getByText(`${TT2019}: ${countsText(group.counts)}`).count()).resolves.toBeGreaterThan(0);
  });

  test("insert blank template: a new sheet, the others untouched", async () => {
    const { page, fake } = await open(errorsInput());
    const before = await fake();
    await button(page, "Insert blank template").click();
    await page.getByText(/A blank savings template is on the new sheet “.+”\.$/).waitFor();
    const after = await fake();
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    expect(after.sheets).toHaveLength(before.sheets.length + 1);
    const name = after.sheets[after.sheets.length - 1].name;
    await expect(page.getByText(`A blank savings template is on the new sheet “${name}”.`).count()).resolves.toBe(1);
  });

  test("workbook text with HTML and script is shown as text and never runs", async () => {
    const hostile = sheetFromValues(IMG, [
      ["Workstream", "Total Budget", "Full Year Savings Proposals", "Savings Proposals as % of Budget"],
      ["", "£m", "£m", "%"],
      [SCRIPT, 10, 2, 20],
      [SCRIPT, 10, 2, 20],
      [IMG, 10, 6, 60],
      [`${IMG} ${SCRIPT}`, 5, null, null],
      ["Total", 35, 10, 28.6],
    ]);
    const result = validateWorkbook({ sheets: [hostile] });
    const messages = result.findings.map((f) => f.message);
    expect(messages.some((m) => m.includes(IMG)) && messages.some((m) => m.includes(SCRIPT))).toBe(true);
    const { page, fake } = await open(fakeInput({ sheets: [hostile] }));
    await check(page, verdict(result));
    for (const message of messages) await page.getByText(message, { exact: true }).first().waitFor();
    await expect(page.getByText(`${IMG}: ${countsText(result.counts)}`).count()).resolves.toBe(1);
    await button(page, "Mark on sheet").click();
    await page.getByText(/cells? marked/).waitFor();
    const target = result.findings.find((f) => f.message.includes(SCRIPT))!;
    await finding(page, target.message).first().click();
    await eventually(async () => (await fake()).selection, { sheet: IMG, address: target.cell });
    // Nothing the workbook said became markup: no image, no script besides the page's own.
    await expect(page.locator("img").count()).resolves.toBe(0);
    const scripts = await page
      .locator("script")
      .evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).src || `inline: ${s.textContent}`));
    expect(scripts.sort()).toEqual(
      ["office-js/o15apptofilemappingtable.js", "office-js/office.js", "taskpane.js"].map(
        (file) => `${server.origin}/${file}`,
      ),
    );
    // The session's checks (afterEach) assert no dialog opened and nothing was fetched from elsewhere.
  });

  test("a failing Excel call shows a message, not a stack trace", async () => {
    const { page } = await open(errorsInput());
    await check(page, verdict(found));
    await page.evaluate(() => window.fakeExcel.removeSheet(window.fakeExcel.get("Table 1")));
    await finding(page, "Table 1!C9").click();
    await page.getByText("Could not select Table 1!C9").waitFor();
    const text = await page.locator(".fui-MessageBar").innerText();
    expect(text).toMatch(/^Could not select Table 1!C9\s*\S/);
    expect(text).not.toMatch(/\n\s*at |:\d+:\d+|RichApi\.Error|FakeExcelError/);
  });

  test("the whole flow with the keyboard alone", async () => {
    const { page, fake } = await open(errorsInput());
    const before = await fake();
    await tabTo(page, button(page, "Check workbook"));
    await page.keyboard.press("Enter");
    await page.getByText(verdict(found), { exact: true }).waitFor();

    await tabTo(page, button(page, "Mark on sheet"));
    await page.keyboard.press("Enter");
    await page.getByText(/cells marked/).waitFor();
    expect(Object.keys((await fake()).fills).length).toBeGreaterThan(1);

    await tabTo(page, page.getByRole("button", { name: /Open the report sheet/ }));
    await page.keyboard.press("Enter");
    await eventually(async () => (await fake()).activeSheet, REPORT_SHEET);

    const warnings = button(page, `Warnings (${found.counts.warning})`);
    await tabTo(page, warnings);
    await page.keyboard.press("Space");
    await expect(warnings.getAttribute("aria-pressed")).resolves.toBe("false");
    await page.keyboard.press("Space");

    await tabTo(page, finding(page, `${TT2017}!C13`).first());
    await page.keyboard.press("Enter");
    await eventually(async () => (await fake()).selection, { sheet: TT2017, address: "C13" });

    await tabTo(page, button(page, "Clear marks"), "Shift+Tab");
    await page.keyboard.press("Enter");
    await page.getByText(/Marks removed from/).waitFor();
    expect((await fake()).sheets).toEqual(before.sheets);

    await tabTo(page, page.getByRole("switch", { name: "Active sheet only" }), "Shift+Tab");
    await page.keyboard.press("Space");
    await expect(page.getByRole("switch", { name: "Active sheet only" }).isChecked()).resolves.toBe(true);
  });
});

describe("teaching the check the workbook's layout (SPEC §8)", () => {
  const dialog = (page: Page) => page.getByRole("dialog");
  const pct = () => found.findings.find((f) => f.rule === "pct-mismatch")!;

  test("accept a finding from the keyboard, change a severity, declare the selection: saved, checked again at once, no axe violations", async () => {
    const { page, fake, axe } = await open(errorsInput());
    await check(page, verdict(found));

    // Accept, with the keyboard alone: a reason is required.
    const accept = page.getByRole("button", { name: `Accept finding pct-mismatch on ${TT2017} cell ${pct().cell}` });
    await tabTo(page, accept);
    await page.keyboard.press("Enter");
    await dialog(page).waitFor();
    expect(await axe()).toEqual([]);
    await tabTo(page, dialog(page).getByRole("button", { name: "Accept", exact: true }));
    await page.keyboard.press("Enter");
    await page.getByText("Say why the finding is accepted.").waitFor();
    await tabTo(page, dialog(page).getByRole("textbox", { name: /Reason/ }), "Shift+Tab");
    await page.keyboard.type("Agreed with the Director: the % is of the gross budget");
    await tabTo(page, dialog(page).getByRole("button", { name: "Accept", exact: true }));
    await page.keyboard.press("Enter");
    await page.getByText("Not ready for committee: 1 error", { exact: true }).waitFor();
    await page.getByText("Accepted: Agreed with the Director: the % is of the gross budget").waitFor();
    await page.getByText("Your settings: 1 finding accepted.").waitFor();
    const saved = (await fake()).sheets.find((s) => s.name === SETTINGS_SHEET)!;
    expect(saved.visibility).toBe("VeryHidden");
    expect(saved.values.flat().join("")).toContain("Agreed with the Director");

    // Settings: the remaining error made a warning.
    await button(page, "Settings…").click();
    await dialog(page).waitFor();
    expect(await axe()).toEqual([]);
    await dialog(page).getByRole("combobox", { name: "subtotal-mismatch" }).selectOption("warning");
    await page.getByText("Ready for committee", { exact: true }).waitFor();
    await dialog(page).getByRole("button", { name: "Close" }).click();
    await dialog(page).waitFor({ state: "detached" });

    // Declare table: the selection, its kind and columns prefilled from recognition.
    const table = found.tables[0];
    await page.evaluate((sel) => (window.fakeExcel.selection = sel), { sheet: table.sheet, address: table.range });
    await button(page, "Declare table…").click();
    await dialog(page).getByText(`Declare table ${table.sheet}!${table.range}`).waitFor();
    await expect(dialog(page).getByRole("combobox", { name: "Kind of table" }).inputValue()).resolves.toBe(table.kind);
    expect(await axe()).toEqual([]);
    await dialog(page).getByRole("button", { name: "Save" }).click();
    await dialog(page).waitFor({ state: "detached" });
    const settings = (await fake()).sheets
      .find((s) => s.name === SETTINGS_SHEET)!
      .values.flat()
      .join("");
    expect(settings).toContain(`"range":"${table.range}"`);
  });

  test("the new dialogs in Office's dark theme at 320 px: no axe violations", async () => {
    const { page, axe } = await open(errorsInput(), { dark: true });
    await check(page, verdict(found));
    await page.getByRole("button", { name: `Accept finding pct-mismatch on ${TT2017} cell ${pct().cell}` }).click();
    await dialog(page).waitFor();
    expect(await axe()).toEqual([]);
    await dialog(page).getByRole("button", { name: "Cancel" }).click();
    await button(page, "Settings…").click();
    await dialog(page).waitFor();
    expect(await axe()).toEqual([]);
    const width = await dialog(page).evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(320);
    await dialog(page).getByRole("button", { name: "Close" }).click();
    await button(page, "Declare table…").click();
    await dialog(page).waitFor();
    expect(await axe()).toEqual([]);
  });
});
