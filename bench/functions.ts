/**
 * Custom functions: 100,000 evaluations each of SAVINGS.PCT and CLA.RATE through the add-in's own
 * functions.ts (arguments shaped as Excel passes them: 1×1 ranges for range arguments), against the
 * same arithmetic in plain JavaScript numbers; and the minified size of dist/functions.js.
 */
import { statSync } from "fs";
import { resolve } from "path";
import { installCustomFunctionsShim } from "../src/cli/custom-functions-shim";
import { claRateFunction, savingsPctFunction } from "../src/functions/functions";
import { BenchSection } from "./section";

const EVALUATIONS = 100000;
const RUNS = 5;

/** Budget and saving pairs from the seeds (Table 1 in £000, the Tt2017 workstreams in £m). */
const PCT_INPUTS: [number, number][] = [
  [87282, 21890],
  [17514, 3000],
  [1368, 59],
  [6695, 979],
  [28241, 2800],
  [7813, 904],
  [148913, 30132],
  [52.5, 4.0],
  [21.3, 3.2],
  [13.4, 8.4],
  [23.1, 1.6],
  [22.0, 3.6],
  [4.4, 1.0],
  [12.9, 1.5],
  [161.4, 23.3],
];

/** Median time of RUNS runs of `body`, in seconds. */
function time(body: () => number): number {
  const times: number[] = [];
  let sink = 0;
  body(); // warm-up
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    sink += body();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  if (Number.isNaN(sink)) throw new Error("benchmark produced NaN");
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

export const functionsBench: BenchSection = {
  name: "functions",
  async run(log) {
    installCustomFunctionsShim();
    const n = EVALUATIONS;
    const budgets = Array.from({ length: n }, (_, i) => [[PCT_INPUTS[i % PCT_INPUTS.length][0]]]);
    const savings = Array.from({ length: n }, (_, i) => [[PCT_INPUTS[i % PCT_INPUTS.length][1]]]);
    const children = Array.from({ length: n }, (_, i) => [[300 + (i % 1700)]]);
    const populations = Array.from({ length: n }, (_, i) => [[200000 + ((i * 7919) % 100000)]]);
    // Amounts typed as text take the checked Decimal path: the slowest way a cell reaches a function.
    const textBudgets = budgets.map(([[b]]) => [[b.toLocaleString("en-GB")]]);

    const functions = time(() => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += savingsPctFunction(budgets[i], savings[i], 1)[0][0];
      for (let i = 0; i < n; i++) sum += claRateFunction(children[i], populations[i], 1)[0][0];
      return sum;
    });
    const float = time(() => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += Math.round((savings[i][0][0] / budgets[i][0][0]) * 1000) / 10;
      for (let i = 0; i < n; i++) sum += Math.round((children[i][0][0] / populations[i][0][0]) * 100000) / 10;
      return sum;
    });
    const checked = time(() => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += savingsPctFunction(textBudgets[i], savings[i], 1)[0][0];
      return sum;
    });

    const evalsPerSecond = Math.round((2 * n) / functions);
    const ratioToFloat = Number((functions / float).toFixed(2));
    const checkedPathEvalsPerSecond = Math.round(n / checked);
    const bundleBytes = statSync(resolve(__dirname, "../../dist/functions.js")).size;
    log(
      `SAVINGS.PCT + CLA.RATE, ${2 * n} evaluations: ${evalsPerSecond.toLocaleString("en-GB")} evals/s (goal >= 1,000,000)`,
    );
    log(`ratio to plain float arithmetic: ${ratioToFloat}x (goal <= 5x)`);
    log(
      `SAVINGS.PCT with the budget typed as text (checked Decimal path): ${checkedPathEvalsPerSecond.toLocaleString("en-GB")} evals/s`,
    );
    log(`dist/functions.js: ${bundleBytes.toLocaleString("en-GB")} bytes minified (goal <= 61,440)`);
    return { evalsPerSecond, ratioToFloat, bundleBytes, checkedPathEvalsPerSecond };
  },
};
