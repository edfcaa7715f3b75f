/**
 * `savings-check demo` (`npm run demo`): validates the bundled example workbook (Hampshire's
 * Tt2019 Table 1 with faults planted by scripts/make-examples.js), writes its annotated copy next
 * to it, and prints the summary and findings; then compares it with its second draft
 * (scripts/make-second-draft.js) and writes that draft's copy annotated with the changes. Those
 * two copies are the only files it writes. Exits 0 when the demo ran: the findings are the point of it.
 */
import { existsSync } from "fs";
import { dirname, join, relative } from "path";
import { Command, EXIT_OK, UsageError } from "./command";
import { runValidate } from "./validate";
import { runCompare } from "./compare";

const EXAMPLE = "examples/savings-proposals.xlsx";
const ANNOTATED = "examples/savings-proposals.annotated.xlsx";
const SECOND_DRAFT = "examples/savings-proposals-draft2.xlsx";
const SECOND_ANNOTATED = "examples/savings-proposals-draft2.annotated.xlsx";

export const demoCommand: Command = {
  usage: "demo",
  summary: "check the bundled example workbook, compare it with its second draft, write both annotated copies",
  async run(args, output) {
    if (args.length > 0) throw new UsageError("demo takes no arguments");
    const root = packageRoot();
    const input = join(root, EXAMPLE);
    if (!existsSync(input))
      throw new UsageError(`the example workbook ${EXAMPLE} is missing: run node scripts/make-examples.js`);
    const shown = (path: string) => relative(process.cwd(), path) || path;
    output.out(
      `Checking ${shown(input)}: Hampshire's Tt2019 Table 1 with planted faults, plus a phasing sheet and a savings register.\n`,
    );
    // The demo replaces its own annotated copy on every run.
    await runValidate(
      {
        input: shown(input),
        json: false,
        annotate: shown(join(root, ANNOTATED)),
        force: true,
        config: null,
        configPath: null,
      },
      output,
    );
    output.out(
      "Open the annotated copy in Excel: notes and fills on the cells, and a 'Savings check' sheet listing every finding, set up to print with the papers.",
    );
    const second = join(root, SECOND_DRAFT);
    if (!existsSync(second))
      throw new UsageError(`the second draft ${SECOND_DRAFT} is missing: run node scripts/make-second-draft.js`);
    output.out(`\nWhat changed in the second draft, ${shown(second)}:\n`);
    await runCompare(
      {
        before: shown(input),
        after: shown(second),
        json: false,
        annotate: shown(join(root, SECOND_ANNOTATED)),
        force: true,
        config: null,
      },
      output,
    );
    output.out(
      "Open that copy in Excel: each changed cell has a note saying what it was, and a 'Changes since draft' sheet lists every change.",
    );
    return EXIT_OK;
  },
};

/** The directory holding package.json, from src/cli (ts-jest) or lib/src/cli (built). */
function packageRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new UsageError("cannot find the savings-check package directory");
  }
}
