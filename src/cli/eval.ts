import { Command, UsageError } from "./command";

/** `savings-check eval "<FUNCTION(args)>"` (being written: issue 2). */
export const evalCommand: Command = {
  usage: 'eval "<FUNCTION(args)>"',
  summary: "evaluate one custom function, e.g. eval \"CLA.RATE(870, 280000, 1)\"",
  async run() {
    throw new UsageError("eval is not implemented yet");
  },
};
