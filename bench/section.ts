/** One section of `npm run bench`: prints human lines through `log`, returns its figures. */
export interface BenchSection {
  name: string;
  run(log: (line: string) => void): Promise<Record<string, number>>;
}
