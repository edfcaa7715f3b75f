/**
 * `npm run bench`: prints the speed and memory figures that the issues set goals for.
 * `npm run bench -- --json` prints them as one JSON object with dotted keys
 * (`functions.evalsPerSecond`, `validate.ratio50k`, `pane.readSyncs50k`, `compare.ms50k`, …).
 * Each section lives in its own file beside this one and returns its figures.
 */
import { BenchSection } from "./section";
import { functionsBench } from "./functions";
import { validateBench } from "./validate";
import { paneBench } from "./pane";
import { compareBench } from "./compare";

const SECTIONS: BenchSection[] = [functionsBench, validateBench, paneBench, compareBench];

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const figures: Record<string, number> = {};
  for (const section of SECTIONS) {
    const log = json ? () => undefined : (line: string) => console.log(line);
    log(`\n== ${section.name}`);
    const result = await section.run(log);
    for (const [key, value] of Object.entries(result)) figures[`${section.name}.${key}`] = value;
  }
  if (json) console.log(JSON.stringify(figures, null, 2));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
