import { BenchSection } from "./section";

/** Custom-function speed and bundle size (being written: issue 2). */
export const functionsBench: BenchSection = {
  name: "functions",
  async run() {
    return {};
  },
};
