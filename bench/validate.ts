/**
 * Validating files: generated savings registers of 5,000 and 50,000 lines (six columns) written
 * as .xlsx with exceljs. The floor: unzipping the sheet and one SAX pass over its XML doing
 * nothing else; the time to read the file into grids and validate it (what `savings-check
 * validate` does) and its ratio to the floor; the same with the annotated copy written (`validate
 * --annotate`) and its ratio to validating alone; how the time scales from 5,000 to 50,000 lines;
 * and the peak resident memory of reading and validating 50,000 lines in a fresh process.
 * Goals (issue 9): ratio to the floor <= 2 and peak <= 150 MB at 50,000 lines; (issue 3) 10 times
 * the lines in <= 11 times the time; (issue 8) the engine within 1.5x of the engine before
 * recognition by meaning, and the time of counting figures for the coverage printed. Each timed
 * run follows a forced collection, which also discards optimised code: the engine is timed a second
 * way too, back to back once its code is optimised (`engineSteadyMs50k`).
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { validateWorkbook } from "../src/core/validate";
import { measureCoverage } from "../src/core/validate/coverage";
import { detectTables } from "../src/core/validate/detect";
import { writeAnnotatedCopy } from "../src/cli/xlsx/annotated-copy";
import { readWorkbookFile, readWorkbookGrid } from "../src/cli/xlsx/workbook-file";
import { xmlParser } from "../src/cli/xlsx/xml";
import { XlsxPackage } from "../src/cli/xlsx/zip-package";
import { BenchSection } from "./section";

const RUNS = 7;
const RAG = ["Green", "Amber", "Red", "Blue"];

/** A register of `lines` lines; `saving` gives line i's saving (the compare bench changes some). */
export async function writeRegister(path: string, lines: number, saving = savingOf): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Register");
  sheet.addRow(["Ref", "Description", "Workstream", "Full Year Saving", "RAG", "EIA"]);
  sheet.addRow(["", "", "", "£000", "", ""]);
  for (let i = 1; i <= lines; i++) {
    sheet.addRow([
      `S${String(i).padStart(6, "0")}`,
      `Saving proposal ${i}`,
      `Workstream ${1 + (i % 12)}`,
      saving(i),
      RAG[i % 4],
      i % 5 === 0 ? "No" : "Yes",
    ]);
  }
  const last = lines + 2;
  let total = 0;
  for (let i = 1; i <= lines; i++) total += saving(i);
  sheet.addRow(["TOTAL", "", "", { formula: `SUM(D3:D${last})`, result: total }, "", ""]);
  await workbook.xlsx.writeFile(path);
}

function savingOf(i: number): number {
  return 10 + ((i * 37) % 990);
}

export interface Time {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds of this process (all its threads): steadier than wall time on a shared machine. */
  cpu: number;
}

async function timed(body: () => Promise<unknown>, collect = true): Promise<Time> {
  // Collect the previous run's garbage first (npm run bench passes --expose-gc), so that no run pays
  // for the heap another left behind. A forced collection also discards V8's optimised code, so each
  // run after one compiles its hot functions again (see the engine's steady figure).
  if (collect) (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await body();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median times of RUNS runs of each body, interleaved so that a busy moment of the machine hits all alike. */
export async function medianTimes(...bodies: (() => Promise<unknown>)[]): Promise<Time[]> {
  return medianTimesOf(true, bodies);
}

async function medianTimesOf(collect: boolean, bodies: (() => Promise<unknown>)[]): Promise<Time[]> {
  const times = bodies.map(() => [] as Time[]);
  for (let run = 0; run < RUNS; run++) {
    for (let k = 0; k < bodies.length; k++) times[k].push(await timed(bodies[k], collect));
  }
  return times.map((t) => ({ wall: median(t.map((x) => x.wall)), cpu: median(t.map((x) => x.cpu)) }));
}

/** The floor: the sheet's part inflated and one SAX pass over its XML, with handlers that do nothing. */
async function floor(path: string): Promise<void> {
  const pkg = XlsxPackage.open(path);
  const parser = xmlParser();
  const nothing = () => undefined;
  parser.on("opentag", nothing);
  parser.on("text", nothing);
  parser.on("closetag", nothing);
  pkg.stream("xl/worksheets/sheet1.xml", (chunk) => parser.write(chunk));
  parser.close();
}

async function parseAndValidate(path: string, lines: number): Promise<void> {
  const result = validateWorkbook(readWorkbookGrid(path));
  if (result.tables.length !== 1 || result.tables[0].kind !== "register")
    throw new Error(`the ${lines}-line register was not found`);
}

/** `validate --annotate`: read, validate, write the annotated copy. */
async function validateAndAnnotate(path: string, out: string): Promise<void> {
  const file = readWorkbookFile(path);
  writeAnnotatedCopy(file, out, validateWorkbook(file.grid), new Date(), true);
}

/**
 * Peak resident set size (MB) of a fresh Node process that reads and validates `path` once: the
 * kernel's high-water mark (maxRSS), as the bench's own process carries the heap of earlier runs.
 */
function peakMB(path: string): number {
  const script = `
    const grid = require(${JSON.stringify(join(__dirname, "../src/cli/xlsx/workbook-file.js"))}).readWorkbookGrid(process.argv[1]);
    require(${JSON.stringify(join(__dirname, "../src/core/validate/index.js"))}).validateWorkbook(grid);
    console.log(process.resourceUsage().maxRSS * 1024);`;
  const run = spawnSync(process.execPath, ["-e", script, path], { encoding: "utf8", cwd: join(__dirname, "../..") });
  if (run.status !== 0) throw new Error(`memory probe failed: ${run.stderr.split("\n")[0]}`);
  return Number(run.stdout.trim()) / (1024 * 1024);
}

const round = (n: number, places = 0) => Number(n.toFixed(places));

export const validateBench: BenchSection = {
  name: "validate",
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), "savings-bench-"));
    try {
      const figures: Record<string, number> = {};
      const totals: Record<number, Time> = {};
      for (const lines of [5000, 50000]) {
        const path = join(dir, `register-${lines}.xlsx`);
        const annotated = join(dir, `register-${lines}.annotated.xlsx`);
        await writeRegister(path, lines);
        await parseAndValidate(path, lines); // warm-up
        await validateAndAnnotate(path, annotated);
        const [bare, total, annotate] = await medianTimes(
          () => floor(path),
          () => parseAndValidate(path, lines),
          () => validateAndAnnotate(path, annotated),
        );
        totals[lines] = total;
        const grid = readWorkbookGrid(path);
        const tables = grid.sheets.flatMap((sheet, index) => detectTables(sheet, index));
        // Timed apart, as the engine was before recognition by meaning (the figure its goal compares with).
        const [engine] = await medianTimes(async () => validateWorkbook(grid));
        const [coverage] = await medianTimes(async () => measureCoverage(grid, tables));
        // The engine once its code is optimised: runs back to back (after five to warm up), no forced
        // collection between them.
        for (let run = 0; run < 5; run++) validateWorkbook(grid);
        const [steady] = await medianTimesOf(false, [async () => validateWorkbook(grid)]);
        log(
          `${lines} lines: floor (unzip + one SAX pass) ${round(bare.wall)} ms, read + validate ${round(total.wall)} ms, ` +
            `ratio ${round(total.wall / bare.wall, 2)} (goal <= 2); CPU time ${round(bare.cpu)} / ${round(total.cpu)} ms, ` +
            `ratio ${round(total.cpu / bare.cpu, 2)}; the engine alone ${round(engine.wall)} ms ` +
            `(${round(steady.wall)} ms run back to back, its code optimised), of which counting ` +
            `figures for the coverage ${round(coverage.wall, 1)} ms; ` +
            `with the annotated copy written ${round(annotate.wall)} ms (x${round(annotate.wall / total.wall, 2)} validating alone)`,
        );
        if (lines === 50000) {
          const peak = peakMB(path);
          log(`50000 lines: peak memory ${round(peak)} MB (resident set; goal <= 150)`);
          Object.assign(figures, {
            floorMs50k: round(bare.wall),
            totalMs50k: round(total.wall),
            ratioToFloor50k: round(total.wall / bare.wall, 3),
            cpuRatioToFloor50k: round(total.cpu / bare.cpu, 3),
            engineMs50k: round(engine.wall),
            engineSteadyMs50k: round(steady.wall),
            coverageMs50k: round(coverage.wall, 1),
            peakMB50k: round(peak),
            annotateMs50k: round(annotate.wall),
            annotateRatio50k: round(annotate.wall / total.wall, 3),
          });
        }
      }
      figures.scaling5kTo50k = round(totals[50000].wall / totals[5000].wall, 2);
      figures.cpuScaling5kTo50k = round(totals[50000].cpu / totals[5000].cpu, 2);
      log(`5000 -> 50000 lines: time x${figures.scaling5kTo50k} (goal <= 11); CPU time x${figures.cpuScaling5kTo50k}`);
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
