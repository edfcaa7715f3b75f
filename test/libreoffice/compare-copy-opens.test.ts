/**
 * LibreOffice Calc opens the copy `compare --annotate` writes: the example's second draft with
 * its changes marked has the draft's values on every sheet, plus the `Changes since draft` sheet
 * (the record is very hidden, and LibreOffice exports it too), and its cleared copy has the
 * draft's values alone. Needs `soffice`, as copies-open.test.ts does.
 */
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { CHANGES_SHEET, RECORD_SHEET } from "../../src/core/annotation/names";
import { main } from "../../src/cli/main";

const FIRST = resolve(__dirname, "../../examples/savings-proposals.xlsx");
const SECOND = resolve(__dirname, "../../examples/savings-proposals-draft2.xlsx");
const CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

let dir: string;
/** File kind ("draft", "annotated", "cleared") -> sheet name -> CSV text. */
const converted = new Map<string, Map<string, string>>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "libreoffice-compare-"));
  const files = {
    draft: join(dir, "draft.xlsx"),
    annotated: join(dir, "annotated.xlsx"),
    cleared: join(dir, "cleared.xlsx"),
  };
  const quiet = { out: () => undefined, err: () => undefined };
  copyFileSync(SECOND, files.draft);
  expect(await main(["compare", FIRST, SECOND, "--annotate", files.annotated], quiet)).toBe(1);
  expect(await main(["clear", files.annotated, files.cleared], quiet)).toBe(0);
  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
  if (!soffice)
    throw new Error("LibreOffice is missing: apt-get install -y --no-install-recommends libreoffice-calc-nogui");
  const out = join(dir, "csv");
  mkdirSync(out);
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      CSV_EVERY_SHEET,
      "--outdir",
      out,
      ...Object.values(files),
    ],
    { stdio: "ignore", timeout: 300_000 },
  );
  for (const csv of readdirSync(out)) {
    const match = /^(draft|annotated|cleared)-(.*)\.csv$/.exec(csv)!;
    if (!converted.has(match[1])) converted.set(match[1], new Map());
    converted.get(match[1])!.set(match[2], readFileSync(join(out, csv), "utf8"));
  }
}, 400_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the annotated copy opens with the draft's values and the changes sheet; the cleared copy is the draft", () => {
  const draft = converted.get("draft")!;
  const annotated = converted.get("annotated")!;
  expect([...draft.keys()].sort()).toEqual(["Phasing", "Register", "Table 1"]);
  expect([...annotated.keys()].sort()).toEqual([...draft.keys(), CHANGES_SHEET, RECORD_SHEET].sort());
  for (const [sheet, csv] of draft) expect({ sheet, csv: annotated.get(sheet) }).toEqual({ sheet, csv });
  expect(annotated.get(CHANGES_SHEET)).toMatch(/^Changes since draft/);
  expect(annotated.get(CHANGES_SHEET)).toContain(
    "Children's Social Care Transformation: saving 21,890 → 22,400 (+510, £000)",
  );
  expect(Object.fromEntries(converted.get("cleared")!)).toEqual(Object.fromEntries(draft));
});
