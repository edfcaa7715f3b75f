/**
 * Writes that never damage a file (the built command, as a child process): the input is refused
 * as output by path, symbolic link or hard link, even with --force; an existing output is replaced
 * only with --force (validate --annotate, clear, template); a write that fails (a file size limit)
 * or a process stopped while writing leaves no partial file and the old output as it was.
 */
import { spawn, spawnSync } from "child_process";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { PackageBuilder, worksheetXml } from "../../support/xlsx-package";
import { buildFeatureWorkbook, plainWorkbook } from "./feature-workbooks";
import { readParts } from "./package-parts";
import { BIN, cli, requireBuiltCommand } from "../built-command";

let dir: string;
let input: string;
beforeAll(() => {
  requireBuiltCommand();
  dir = mkdtempSync(join(tmpdir(), "safe-write-"));
  input = join(dir, "input.xlsx");
  buildFeatureWorkbook(plainWorkbook(), input);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files in `dir` other than those given: a partial or temporary file left behind shows here. */
const others = (...known: string[]) => readdirSync(dir).filter((name) => !known.includes(name));

describe("the input is never the output", () => {
  test.each([
    ["by path", () => input],
    [
      "by a symbolic link",
      () => {
        const link = join(dir, "symlink.xlsx");
        if (!existsSync(link)) symlinkSync(input, link);
        return link;
      },
    ],
    [
      "by a hard link (the same inode)",
      () => {
        const link = join(dir, "hardlink.xlsx");
        if (!existsSync(link)) linkSync(input, link);
        return link;
      },
    ],
  ])("%s, even with --force: exit 2, one line, the input's bytes unchanged", (_how, output) => {
    const before = readFileSync(input);
    for (const args of [
      ["validate", input, "--annotate", output()],
      ["validate", input, "--annotate", output(), "--force"],
      ["clear", input, output(), "--force"],
    ]) {
      const run = cli(...args);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/is the input file/);
    }
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe("an existing output is replaced only with --force", () => {
  test.each([
    ["validate --annotate", (out: string, ...force: string[]) => cli("validate", input, "--annotate", out, ...force)],
    [
      "clear",
      (out: string, ...force: string[]) => {
        const annotated = join(dir, "for-clear.xlsx");
        if (!existsSync(annotated)) cli("validate", input, "--annotate", annotated);
        return cli("clear", annotated, out, ...force);
      },
    ],
    ["template", (out: string, ...force: string[]) => cli("template", out, ...force)],
  ])("%s", (_command, run) => {
    const out = join(dir, "existing.xlsx");
    writeFileSync(out, "the user's own file");
    const refused = run(out);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toMatch(
      /existing\.xlsx already exists: choose another output path, or add --force to replace it$/,
    );
    expect(readFileSync(out, "utf8")).toBe("the user's own file");
    const replaced = run(out, "--force");
    expect(replaced.status).not.toBe(2);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    rmSync(out);
  });
});

/** A workbook large enough that writing its annotated copy takes a while: a register of `lines` lines. */
function largeWorkbook(path: string, lines: number): void {
  const builder = new PackageBuilder();
  const rows = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Description</t></is></c><c r="C1" t="inlineStr"><is><t>Full Year Saving £000</t></is></c><c r="D1" t="inlineStr"><is><t>EIA</t></is></c></row>`,
  ];
  for (let i = 2; i <= lines + 1; i++)
    rows.push(
      `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>S${i}</t></is></c><c r="B${i}" t="inlineStr"><is><t>Saving proposal ${i}</t></is></c><c r="C${i}"><v>${10 + (i % 90)}</v></c></row>`,
    );
  builder.addSheet({ name: "Register", xml: worksheetXml({ rows: rows.join("") }) });
  builder.write(path);
}

describe("a failed or stopped write leaves no partial file", () => {
  let large: string;
  beforeAll(() => {
    large = join(dir, "large.xlsx");
    largeWorkbook(large, 30_000);
  }, 60000);

  test("a write over the file size limit: exit 2, one line, no file and no temporary file", () => {
    const out = join(dir, "limited.xlsx");
    const known = readdirSync(dir);
    const run = spawnSync(
      "bash",
      ["-c", `ulimit -f 64; exec "${process.execPath}" "${BIN}" validate "${large}" --annotate "${out}"`],
      { encoding: "utf8", timeout: 120000 },
    );
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^savings-check validate: cannot write .*limited\.xlsx \(the file is larger than this process may write, EFBIG\); nothing was written$/,
    );
    expect(others(...known)).toEqual([]);
  }, 120000);

  test.each(["SIGTERM", "SIGKILL"] as const)(
    "%s while the copy is written: the output is the old file or the whole new one",
    async (signal) => {
      const out = join(dir, `stopped-${signal}.xlsx`);
      copyFileSync(input, out); // a good file there already, replaced only once the new one is whole
      const before = readFileSync(out);
      const known = readdirSync(dir);
      const child = spawn(process.execPath, [BIN, "validate", large, "--annotate", out, "--force"], {
        stdio: "ignore",
      });
      const exited = new Promise<NodeJS.Signals | null>((done) => child.on("exit", (_code, by) => done(by)));
      // Stop it as soon as its temporary file appears beside the output.
      await new Promise<void>((done) => {
        const poll = setInterval(() => {
          if (others(...known).length > 0 || child.exitCode !== null) {
            clearInterval(poll);
            child.kill(signal);
            done();
          }
        }, 2);
      });
      // The signal takes effect (once the write is over, for one it can handle).
      expect(await exited).toBe(signal);
      // The output is the old file, or the whole new copy: never a part of one.
      const now = readFileSync(out);
      if (!now.equals(before)) expect(readParts(out).has("xl/workbook.xml")).toBe(true);
      // A signal it can handle waits for the write to end (it is synchronous) and leaves no temporary
      // file; SIGKILL cannot be handled and may leave one, but never touches the output.
      if (signal === "SIGTERM") expect(others(...known)).toEqual([]);
      for (const name of others(...known)) rmSync(join(dir, name));
    },
    120000,
  );
});
