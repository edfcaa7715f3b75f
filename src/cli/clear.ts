/**
 * `savings-check clear <annotated.xlsx> <out.xlsx>` (SPEC §7): writes a copy of an annotated
 * workbook with exactly what annotating added removed (notes, fills, the two add-in sheets),
 * from the record inside it, whichever host annotated it. The input is never written.
 */
import { plural } from "../core/findings";
import { Command, EXIT_OK, UsageError } from "./command";
import { clearAnnotatedCopy } from "./xlsx/annotate";

const USAGE = "clear <annotated.xlsx> <out.xlsx>";

export const clearCommand: Command = {
  usage: USAGE,
  summary: "remove exactly what annotating added, into a copy (never overwrites its input)",
  async run(args, output) {
    const option = args.find((a) => a.startsWith("--"));
    if (option !== undefined) throw new UsageError(`unknown option '${option}' (usage: savings-check ${USAGE})`);
    if (args.length !== 2)
      throw new UsageError(
        `${args.length < 2 ? "needs" : "takes"} two files, the annotated workbook and the copy to write (usage: savings-check ${USAGE})`,
      );
    const [input, out] = args;
    const { cleared } = await clearAnnotatedCopy(input, out);
    output.out(`Cleared ${plural(cleared, "marked cell")} and the report: ${out}`);
    return EXIT_OK;
  },
};
