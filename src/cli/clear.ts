/**
 * `savings-check clear <annotated.xlsx> <out.xlsx> [--force]` (SPEC §7): writes a copy of an
 * annotated workbook with exactly what annotating added removed (notes, fills, the two add-in
 * sheets), from the record inside it, whichever host annotated it. Marks are found where the user
 * moved them; marks that cannot be found are named, their record is kept, and the exit status is
 * 1. The input is never written.
 */
import { plural } from "../core/findings";
import { describeMarks } from "./cell-references";
import { Command, EXIT_FAILED, EXIT_OK, UsageError } from "./command";
import { clearAnnotatedCopy } from "./xlsx/annotated-copy";
import { escapeControlCharacters } from "./terminal-text";
import { FORCE_OPTION } from "./xlsx/safe-write";

const USAGE = `clear <annotated.xlsx> <out.xlsx> [${FORCE_OPTION}]`;

export const clearCommand: Command = {
  usage: USAGE,
  summary: "remove exactly what annotating added, into a copy (never overwrites its input)",
  async run(args, output) {
    const force = args.includes(FORCE_OPTION);
    const files = args.filter((a) => a !== FORCE_OPTION);
    const option = files.find((a) => a.startsWith("--"));
    if (option !== undefined) throw new UsageError(`unknown option '${option}' (usage: savings-check ${USAGE})`);
    if (files.length !== 2)
      throw new UsageError(
        `${files.length < 2 ? "needs" : "takes"} two files, the annotated workbook and the copy to write (usage: savings-check ${USAGE})`,
      );
    const [input, out] = files;
    const { cleared, notFound } = clearAnnotatedCopy(input, out, force);
    if (notFound.length === 0) {
      output.out(`Cleared ${plural(cleared, "marked cell")} and the report: ${out}`);
      return EXIT_OK;
    }
    output.out(
      escapeControlCharacters(
        `Cleared ${cleared} of ${plural(cleared + notFound.length, "marked cell")} into ${out}; ` +
          `not found (moved by another program, or their notes and fills changed): ${describeMarks(notFound)}. ` +
          "Their record and the report are kept in the copy, so that clear can finish once they are back.",
      ),
    );
    return EXIT_FAILED;
  },
};
