/**
 * The pane shows workbook text (labels, sheet names, messages quoting them): it must only ever
 * reach the page as React text. This guards the source against the APIs that would parse it as HTML.
 */
import * as fs from "fs";
import * as path from "path";

const PANE = path.resolve(__dirname, "../../src/taskpane");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : /\.(tsx?|html)$/.test(entry.name) ? [file] : [];
  });
}

test("no source of the pane parses strings as HTML or script", () => {
  const files = sources(PANE);
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const api of [
      "dangerouslySetInnerHTML",
      "innerHTML",
      "outerHTML",
      "insertAdjacentHTML",
      "document.write",
      "eval(",
      "new Function",
    ]) {
      expect({ file: path.relative(PANE, file), uses: text.includes(api) ? api : null }).toEqual({
        file: path.relative(PANE, file),
        uses: null,
      });
    }
  }
});

test("the page allows no inline script and no eval", () => {
  const html = fs.readFileSync(path.join(PANE, "taskpane.html"), "utf8");
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
  const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1];
  expect(scriptSrc).toBe("'self' https://appsforoffice.microsoft.com");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
});
