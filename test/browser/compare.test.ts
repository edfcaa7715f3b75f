/**
 * What changed since the last draft, in the built pane in headless Chromium over the fake Excel:
 * mark, change a figure in Excel, Compare with last marked version lists that one change and
 * choosing it selects the cell; Compare with a file… loads the file reader only then (a chunk of
 * its own, from the pane's origin) and compares the open workbook with the picked draft.
 */
/* global Excel */
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { readWorkbookGrid } from "../../src/cli/xlsx/workbook-file";
import {
  foreignRequests,
  fakeInput,
  launchChromium,
  openPane,
  PaneSession,
  startServer,
  StaticServer,
} from "./harness";

jest.setTimeout(60_000);

const FIXTURE = path.resolve(__dirname, "../fixtures/hampshire-tt2019-table1.xlsx");
const CHANGE = "Children's Social Care Transformation: saving 21,890 → 22,400 (+510, £000)";

let server: StaticServer;
let browser: Browser;
const sessions: PaneSession[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});

afterEach(async () => {
  for (const session of sessions.splice(0)) {
    expect(foreignRequests(session.requests, server.origin)).toEqual([]);
    expect(session.dialogs).toEqual([]);
    expect(session.problems).toEqual([]);
    await session.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(): Promise<PaneSession> {
  const session = await openPane(browser, server.origin, fakeInput(readWorkbookGrid(FIXTURE)));
  sessions.push(session);
  return session;
}

const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name });

/** Saving 21,890 typed over as 22,400 in Excel, as the user would. */
async function changeSaving(page: Page): Promise<void> {
  await page.evaluate(() =>
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Table 1").getRange("C5").values = [[22400]];
      await context.sync();
    }),
  );
}

test("mark, change a figure, compare with the last marked version: one change, and choosing it selects its cell", async () => {
  const { page, fake, axe } = await open();
  await button(page, "Check workbook").click();
  await page.getByText("Ready for committee", { exact: true }).waitFor();
  await button(page, "Mark on sheet").click();
  await page.getByText(/cells? marked/).waitFor();
  await changeSaving(page);
  await button(page, "Compare with last marked version").click();
  await page.getByText(/^1 change since the last marked version\./).waitFor();
  await button(page, new RegExp(CHANGE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).click();
  // The click returns before Excel has run the selection: wait for it (at most 5 s).
  const deadline = Date.now() + 5000;
  while ((await fake()).selection === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect((await fake()).selection).toEqual({ sheet: "Table 1", address: "C5" });
  expect(await axe()).toEqual([]);
});

test("compare with a file: the reader loads only then, and the picked draft is compared with the open workbook", async () => {
  const { page, requests } = await open();
  await changeSaving(page);
  const chunk = (url: string) => /compare-file/.test(url);
  expect(requests.filter(chunk)).toEqual([]);
  await page.getByLabel("Earlier draft to compare with").setInputFiles(FIXTURE);
  await page.getByText(/^1 change since hampshire-tt2019-table1\.xlsx\./).waitFor();
  await page.getByText(CHANGE).waitFor();
  expect(requests.filter(chunk)).toEqual([`${server.origin}/compare-file.js`]);
});

test("compare with a file that is not a workbook: one line saying why", async () => {
  const { page } = await open();
  await page.getByLabel("Earlier draft to compare with").setInputFiles({
    name: "notes.xlsx",
    mimeType: "text/csv",
    buffer: Buffer.from("Ref,Saving\nS1,100\n"),
  });
  await page.getByText("notes.xlsx is a text or CSV file, not an .xlsx workbook").waitFor();
});
