/**
 * Validating files: generated savings registers of 5,000 and 50,000 lines (six columns) written
 * as .xlsx with exceljs; the time to parse a file with exceljs alone, the time to read it into
 * grids and validate it (what `savings-check validate` does), their ratio, how the time scales
 * from 5,000 to 50,000 lines, and the peak resident memory of reading and validating 50,000 lines
 * (and of parsing alone) in a fresh process.
 * Goals (issue 3): ratio <= 1.15 at 50,000 lines; 10 times the lines in <= 11 times the time.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { validateWorkbook } from "../src/core/validate";
import { readWorkbookGrid } from "../src/cli/xlsx/workbook-file";
import { BenchSection } from "./section";

const RUNS = 7;
const RAG = ["Green", "Amber", "Red", "Blue"];

async function writeRegister(path: string, lines: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Register");
  sheet.addRow(["Ref", "Description", "Workstream", "Full Year Saving", "RAG", "EIA"]);
  sheet.addRow(["", "", "", "£000", "", ""]);
  for (let i = 1; i <= lines; i++) {
    sheet.addRow([
      `S${String(i).padStart(6, "0")}`,
      `Saving proposal ${i}`,
      `Workstream ${1 + (i % 12)}`,
      10 + ((i * 37) % 990),
      RAG[i % 4],
      i % 5 === 0 ? "No" : "Yes",
    ]);
  }
  const last = lines + 2;
  sheet.addRow(["TOTAL", "", "", { formula: `SUM(D3:D${last})`, result: totalOf(lines) }, "", ""]);
  await workbook.xlsx.writeFile(path);
}

function totalOf(lines: number): number {
  let total = 0;
  for (let i = 1; i <= lines; i++) total += 10 + ((i * 37) % 990);
  return total;
}

interface Time {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds of this process (all its threads): steadier than wall time on a shared machine. */
  cpu: number;
}

async function timed(body: () => Promise<unknown>): Promise<Time> {
  // Collect the previous run's garbage first (npm run bench passes --expose-gc), so that no run pays
  // for the heap another left behind.
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await body();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median times of RUNS runs of each body, interleaved so that a busy moment of the machine hits all alike. */
async function medianTimes(...bodies: (() => Promise<unknown>)[]): Promise<Time[]> {
  const times = bodies.map(() => [] as Time[]);
  for (let run = 0; run < RUNS; run++) {
    for (let k = 0; k < bodies.length; k++) times[k].push(await timed(bodies[k]));
  }
  return times.map((t) => ({ wall: median(t.map((x) => x.wall)), cpu: median(t.map((x) => x.cpu)) }));
}

async function parseAlone(path: string): Promise<void> {
  await new ExcelJS.Workbook().xlsx.readFile(path);
}

async function parseAndValidate(path: string, lines: number): Promise<void> {
  const result = validateWorkbook(await readWorkbookGrid(path));
  if (result.tables.length !== 1 || result.tables[0].kind !== "register")
    throw new Error(`the ${lines}-line register was not found`);
}

/**
 * Peak resident set size (MB) of a fresh Node process that runs `what` on `path` once, sampling
 * process.memoryUsage().rss every 5 ms and taking the kernel's maxRSS: the bench's own process
 * carries the heap of earlier runs.
 */
function peakMB(what: "parse" | "validate", path: string): number {
  const script = `
    const started = process.memoryUsage().rss;
    let peak = started;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const work = ${
      what === "parse"
        ? `new (require("exceljs").Workbook)().xlsx.readFile(process.argv[1])`
        : `require(${JSON.stringify(join(__dirname, "../src/cli/xlsx/read.js"))}).readWorkbookGrid(process.argv[1])
            .then((grid) => require(${JSON.stringify(join(__dirname, "../src/core/validate/index.js"))}).validateWorkbook(grid))`
    };
    work.then(() => {
      clearInterval(timer);
      // The kernel's own high-water mark catches a peak between two samples.
      console.log(Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024));
    });`;
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
        await writeRegister(path, lines);
        await parseAndValidate(path, lines); // warm-up
        const [parse, total] = await medianTimes(
          () => parseAlone(path),
          () => parseAndValidate(path, lines),
        );
        totals[lines] = total;
        const grid = await readWorkbookGrid(path);
        const [engine] = await medianTimes(async () => validateWorkbook(grid));
        log(
          `${lines} lines: parse alone ${round(parse.wall)} ms, parse + validate ${round(total.wall)} ms, ` +
            `ratio ${round(total.wall / parse.wall, 2)} (goal <= 1.15); CPU time ${round(parse.cpu)} / ${round(total.cpu)} ms, ` +
            `ratio ${round(total.cpu / parse.cpu, 2)}; the engine alone ${round(engine.wall)} ms`,
        );
        if (lines === 50000) {
          const peak = peakMB("validate", path);
          const parsePeak = peakMB("parse", path);
          log(`50000 lines: peak memory ${round(peak)} MB (resident set; parse alone ${round(parsePeak)} MB)`);
          Object.assign(figures, {
            parseMs50k: round(parse.wall),
            totalMs50k: round(total.wall),
            ratio50k: round(total.wall / parse.wall, 3),
            cpuRatio50k: round(total.cpu / parse.cpu, 3),
            engineMs50k: round(engine.wall),
            peakMB50k: round(peak),
            parsePeakMB50k: round(parsePeak),
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
