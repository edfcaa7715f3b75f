/**
 * The task pane's Excel adapter through the fake Excel (test/support/fake-excel.ts): sync calls
 * and time to read and validate savings registers of 5,000 and 50,000 lines (six columns, like
 * the validate section's), the largest response one sync carries (Excel on the web caps it at
 * 5 MB), and sync calls and time to mark 1,000 findings. The fake answers at memory speed, so the
 * times are the adapter's and the engine's own work, not Excel's.
 */
import { validateWorkbook } from "../src/core/validate";
import { markFindings, readWorkbook } from "../src/taskpane/excel";
import { FakeExcel, FakeSheetInput } from "../test/support/fake-excel";
import { BenchSection } from "./section";

const RUNS = 3;
const RAG = ["Green", "Amber", "Red", "Blue"];
const MARKED = 1_000;

function register(lines: number): FakeSheetInput {
  const values: (string | number)[][] = [
    ["Ref", "Description", "Workstream", "Full Year Saving", "RAG", "EIA"],
    ["", "", "", "£000", "", ""],
  ];
  let total = 0;
  for (let i = 1; i <= lines; i++) {
    const saving = 10 + ((i * 37) % 990);
    total += saving;
    values.push([
      `S${String(i).padStart(6, "0")}`,
      `Saving proposal ${i}`,
      `Workstream ${1 + (i % 12)}`,
      saving,
      RAG[i % 4],
      i % 5 === 0 ? "No" : "Yes",
    ]);
  }
  values.push(["TOTAL", "", "", total, "", ""]);
  const formulas: (string | null)[][] = [];
  formulas[lines + 2] = [null, null, null, `=SUM(D3:D${lines + 2})`];
  return { name: "Register", values, formulas };
}

async function elapsedMs<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await body();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Median time of RUNS runs; the sync count and largest response of the last run. */
async function readAndValidate(lines: number) {
  const input = register(lines);
  const times: number[] = [];
  let fake: FakeExcel | null = null;
  for (let run = 0; run < RUNS; run++) {
    fake = new FakeExcel({ sheets: [input] });
    fake.install();
    times.push((await elapsedMs(async () => validateWorkbook(await readWorkbook()))).ms);
  }
  return {
    ms: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)],
    syncs: fake!.syncCount,
    maxResponseBytes: fake!.maxResponseBytes,
  };
}

export const paneBench: BenchSection = {
  name: "pane",
  async run(log) {
    const globals = globalThis as unknown as Record<string, unknown>;
    const small = await readAndValidate(5_000);
    const large = await readAndValidate(50_000);
    log(`read + validate 5,000 register lines: ${small.syncs} syncs, ${small.ms.toFixed(0)} ms`);
    log(
      `read + validate 50,000 register lines: ${large.syncs} syncs, ${large.ms.toFixed(0)} ms; largest response ${(large.maxResponseBytes / 1e6).toFixed(2)} MB (cap 5 MB)`,
    );

    const fake = new FakeExcel({ sheets: [register(5_000)] });
    fake.install();
    const workbook = await readWorkbook();
    const result = validateWorkbook(workbook);
    const findings = result.findings.slice(0, MARKED);
    if (findings.length < MARKED) throw new Error(`the register gave only ${findings.length} findings to mark`);
    fake.syncCount = 0;
    const mark = await elapsedMs(() => markFindings(workbook, { ...result, findings }, new Date()));
    log(
      `mark ${MARKED.toLocaleString("en-GB")} findings: ${fake.syncCount} syncs, ${mark.ms.toFixed(0)} ms (goal: at most 2 syncs)`,
    );
    delete globals.Excel;
    delete globals.Office;
    return {
      readSyncs5k: small.syncs,
      readMs5k: Math.round(small.ms),
      readSyncs50k: large.syncs,
      readMs50k: Math.round(large.ms),
      maxResponseBytes50k: large.maxResponseBytes,
      markSyncs1000: fake.syncCount,
      markMs1000: Math.round(mark.ms),
    };
  },
};
