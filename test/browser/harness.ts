/**
 * What the browser tests share: a static server on 127.0.0.1 for the built pane (dist/) and office.js
 * from node_modules; Debian's Chromium through playwright-core; axe-core; and a page with the
 * fake Excel (test/support/fake-excel.ts, compiled by the build into lib/) injected before the
 * pane's own scripts, holding grids read from the fixture workbooks.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { Browser, chromium, Page } from "playwright-core";
import { WorkbookGrid } from "../../src/core/grid";
import type { FakeSheetInput, FakeSheetView, FakeValue, FakeWorkbookInput } from "../support/fake-excel";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
const FAKE_EXCEL = path.join(ROOT, "lib/test/support/fake-excel.js");
/** Production pages load office.js from Microsoft's CDN; the test serves the same file itself. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `/` from dist/ and `/office-js/` from the office-js package. */
export async function startServer(): Promise<StaticServer> {
  for (const file of [path.join(DIST, "taskpane.html"), path.join(DIST, "taskpane.js"), FAKE_EXCEL]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
  }
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = pathname.startsWith("/office-js/")
      ? inside(OFFICE_JS, pathname.slice("/office-js/".length))
      : inside(DIST, pathname.slice(1));
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    let body: Buffer | string = fs.readFileSync(file);
    if (file === path.join(DIST, "taskpane.html"))
      body = body.toString("utf8").replace(OFFICE_CDN, "/office-js/office.js");
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `relative` under `root`, or null if it climbs out. */
function inside(root: string, relative: string): string | null {
  const file = path.resolve(root, relative || "index.html");
  return file.startsWith(root + path.sep) ? file : null;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** The fake's input from a grid read from a fixture (error values as `{ error }`, sets as arrays). */
export function fakeInput(workbook: WorkbookGrid, extra: Partial<FakeWorkbookInput> = {}): FakeWorkbookInput {
  const sheets: FakeSheetInput[] = workbook.sheets.map((sheet) => ({
    name: sheet.name,
    values: sheet.values.map((row) => (row ?? []).map((value) => value as FakeValue)),
    formulas: sheet.formulas.map((row) => [...(row ?? [])]),
    numberFormats: sheet.numberFormats.map((row) => [...(row ?? [])]),
    hiddenRows: [...sheet.hiddenRows],
    hiddenColumns: [...sheet.hiddenColumns],
  }));
  return { sheets, ...extra };
}

/** Everything the pane could have changed, as the fake holds it. */
export interface FakeState {
  sheets: FakeSheetView[];
  notes: Record<string, string>;
  fills: Record<string, string>;
  selection: { sheet: string; address: string } | null;
  activeSheet: string;
}

export interface PaneSession {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Messages of any dialog (alert, confirm…) the page opened. */
  dialogs: string[];
  /** Uncaught errors and console errors (the browser's own reports of CSP violations aside). */
  problems: string[];
  /** Content-Security-Policy violations: what was blocked and which script tried. */
  cspViolations: CspViolation[];
  fake(): Promise<FakeState>;
  /** axe-core's violations on the page as it is now (rule id and the offending nodes). */
  axe(): Promise<string[]>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    FakeExcelModule: typeof import("../support/fake-excel");
    fakeExcel: import("../support/fake-excel").FakeExcel;
  }
}

export interface PaneOptions {
  /** Viewport width in pixels (default 320, the narrowest task pane). */
  width?: number;
  /** Pretend Office is in a dark theme (Office.context.officeTheme). */
  dark?: boolean;
}

/** Opens the pane with a fake Excel holding `input`. */
export async function openPane(
  browser: Browser,
  origin: string,
  input: FakeWorkbookInput,
  options: PaneOptions = {},
): Promise<PaneSession> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 320, height: 720 },
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  const page = await context.newPage();
  // One moment for every check, so that the verdict's time (and the README's screenshot) is stable.
  await page.clock.setFixedTime(CHECK_TIME);
  const requests: string[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];
  const cspViolations: CspViolation[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(CSP_PREFIX)) cspViolations.push(JSON.parse(text.slice(CSP_PREFIX.length)) as CspViolation);
    else if (message.type() === "error" && !/Content Security Policy/.test(text))
      problems.push(`console error: ${text}`);
  });
  // The fake, compiled to CommonJS by the build, wrapped so that it runs as a plain script; then
  // `Excel` is the fake's. Init scripts run before the page's own (and are not subject to its CSP).
  const fakeSource = fs.readFileSync(FAKE_EXCEL, "utf8");
  await page.addInitScript(
    `(function (exports) {\n${fakeSource}\n})(window.FakeExcelModule = {});\n` +
      `window.fakeExcel = new window.FakeExcelModule.FakeExcel(${JSON.stringify(input)});\n` +
      `window.Excel = window.fakeExcel.Excel;\n` +
      `document.addEventListener("securitypolicyviolation", function (e) {\n` +
      `  console.error(${JSON.stringify(CSP_PREFIX)} + JSON.stringify({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile }));\n` +
      `});`,
  );
  if (options.dark) {
    // Outside a host office.js gives Office.context no theme; hand the pane Office's dark one when
    // its onReady callback runs (office.js has loaded by the time the document is interactive).
    await page.addInitScript(() => {
      document.addEventListener("readystatechange", () => {
        if (document.readyState !== "interactive") return;
        const office = (
          window as unknown as { Office: { onReady(callback: (info: unknown) => void): unknown; context: object } }
        ).Office;
        // A frame of the page's own (a dialog's, a library's) has no office.js: nothing to theme there.
        if (!office) return;
        const onReady = office.onReady;
        office.onReady = (callback) =>
          onReady.call(office, (info) => {
            Object.assign(office.context, { officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#262626" } });
            callback(info);
          });
      });
    });
  }
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole("button", { name: "Check workbook" }).waitFor();
  // Outside Office, office.js leaves Office.context empty: give it the fake host's requirement sets.
  await page.evaluate(() => {
    (Office.context as { requirements: unknown }).requirements = window.fakeExcel.requirements;
  });
  return {
    page,
    requests,
    dialogs,
    problems,
    cspViolations,
    fake: () =>
      page.evaluate(() => {
        const fake = window.fakeExcel;
        return {
          sheets: fake.sheets,
          notes: fake.notes,
          fills: fake.fills,
          selection: fake.selection,
          activeSheet: fake.activeSheet,
        };
      }),
    axe: async () => {
      // Evaluated through the DevTools protocol rather than a <script> tag: the page's CSP allows no
      // inline script, and a tag's load would be blamed for office.js's own blocked telemetry.
      await page.evaluate(fs.readFileSync(AXE, "utf8"));
      return page.evaluate(async () => {
        // A dialog fading in has its colours part-way: contrast is judged once every animation has ended.
        // (A spinner's animation never ends: only those that do are waited for.)
        const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
        await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
        const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
        const results = await axe.run(document);
        return results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
      });
    },
    close: () => context.close(),
  };
}

const CSP_PREFIX = "CSP violation: ";
/** The page's clock: 10:30 on 2 March 2026, London time (GMT then). */
export const CHECK_TIME = new Date("2026-03-02T10:30:00Z");

export interface CspViolation {
  directive: string;
  blocked: string;
  /** The script that tried, when the browser knows it. */
  source: string;
}

interface AxeResults {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/** Origins of the requests that did not go to `origin`. */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => new URL(url).origin !== origin);
}
