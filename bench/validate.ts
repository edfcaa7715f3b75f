/**
 * Validating files: generated savings registers of 5,000 and 50,000 lines (six columns) written
 * as .xlsx with exceljs; the time to parse a file with exceljs alone, the time to read it into
 * grids and validate it (what `savings-check validate` does), their ratio, how the time scales
 * from 5,000 to 50,000 lines, and the peak resident memory while validating 50,000 lines.
 * Goals (issue 3): ratio <= 1.15 at 50,000 lines; 10 times the lines in <= 11 times the time.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { validateWorkbook } from "../src/core/validate";
import { readWorkbookGrid } from "../src/cli/xlsx/read";
import { BenchSection } from "./section";

const RUNS = 5;
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

async function elapsedMs(body: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await body();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

/** Median times of RUNS runs of each, interleaved so that a busy moment of the machine hits both alike. */
async function medianMs(...bodies: (() => Promise<unknown>)[]): Promise<number[]> {
  const times = bodies.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run++) {
    for (let k = 0; k < bodies.length; k++) times[k].push(await elapsedMs(bodies[k]));
  }
  return times.map(median);
}

async function parseAlone(path: string): Promise<void> {
  await new ExcelJS.Workbook().xlsx.readFile(path);
}

async function parseAndValidate(path: string, lines: number): Promise<void> {
  const result = validateWorkbook(await readWorkbookGrid(path));
  if (result.tables.length !== 1 || result.tables[0].kind !== "register")
    throw new Error(`the ${lines}-line register was not found`);
}

/** Peak resident set size (MB) while `body` runs, sampled every 5 ms and after it. */
async function peakMB(body: () => Promise<unknown>): Promise<number> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await body();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) / (1024 * 1024);
}

const round = (n: number, places = 0) => Number(n.toFixed(places));

export const validateBench: BenchSection = {
  name: "validate",
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), "savings-bench-"));
    try {
      const figures: Record<string, number> = {};
      const totals: Record<number, number> = {};
      for (const lines of [5000, 50000]) {
        const path = join(dir, `register-${lines}.xlsx`);
        await writeRegister(path, lines);
        await parseAndValidate(path, lines); // warm-up
        const [parseMs, totalMs] = await medianMs(
          () => parseAlone(path),
          () => parseAndValidate(path, lines),
        );
        totals[lines] = totalMs;
        const ratio = totalMs / parseMs;
        log(
          `${lines} lines: parse alone ${round(parseMs)} ms, parse + validate ${round(totalMs)} ms, ratio ${round(ratio, 2)} (goal <= 1.15)`,
        );
        if (lines === 50000) {
          const peak = await peakMB(() => parseAndValidate(path, lines));
          log(`50000 lines: peak memory ${round(peak)} MB (resident set)`);
          Object.assign(figures, {
            parseMs50k: round(parseMs),
            totalMs50k: round(totalMs),
            ratio50k: round(ratio, 3),
            peakMB50k: round(peak),
          });
        }
      }
      figures.scaling5kTo50k = round(totals[50000] / totals[5000], 2);
      log(`5000 -> 50000 lines: time x${figures.scaling5kTo50k} (goal <= 11)`);
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
