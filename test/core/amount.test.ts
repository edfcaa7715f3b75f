import { isNotApplicable, parseAmountText, splitFootnoteMarkers } from "../../src/core/amount";
import { labelMarkers } from "../../src/core/validate/reader";

describe("parseAmountText", () => {
  it.each([
    ["£4.462m", "4.462", "£m", 3, []],
    ["£189k", "189", "£000", 0, []],
    ["£30.1m", "30.1", "£m", 1, []],
    ["2,800**", "2800", null, 0, ["**"]],
    ["1,368*", "1368", null, 0, ["*"]],
    ["3.2 ¹", "3.2", null, 1, ["¹"]],
    ["(1,250)", "-1250", null, 0, []],
    ["-£1.5m", "-1.5", "£m", 1, []],
    ["£750K", "750", "£000", 0, []],
    ["£1.2bn", "1200", "£m", 1, []],
    ["£1,250", "1250", "£", 0, []],
    [" 87,282 ", "87282", null, 0, []],
    ["+5", "5", null, 0, []],
    [".5", "0.5", null, 1, []],
  ])("reads %p", (text, value, unit, decimals, markers) => {
    const parsed = parseAmountText(text);
    expect(parsed).not.toBeNull();
    expect(parsed?.value.toFixed()).toBe(value);
    expect(parsed?.unit).toBe(unit);
    expect(parsed?.decimals).toBe(decimals);
    expect(parsed?.markers).toEqual(markers);
  });

  it.each(["abc", "NA", "1,2", "1,23,456", "", "£", ".", "(-5)", "12/13", "1e3", "Total", "2015/16", "£5x"])(
    "refuses %p",
    (text) => {
      expect(parseAmountText(text)).toBeNull();
    },
  );
});

describe("isNotApplicable", () => {
  it.each(["NA", "N/A", "n/a", "-", "–", "nil", "", "  ", "None"])("%p is not applicable", (text) => {
    expect(isNotApplicable(text)).toBe(true);
  });
  it.each(["0", "abc", "2,800", "NAB"])("%p is not a not-applicable marker", (text) => {
    expect(isNotApplicable(text)).toBe(false);
  });
});

describe("cost: every pattern linear in its text", () => {
  /** Milliseconds per call of `work` on `text`: the fastest of 7 rounds of calls for at least 20 ms each (the least disturbed by other work on the machine). */
  const timeOf = (work: (text: string) => unknown, text: string) => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = process.hrtime.bigint();
      let calls = 0;
      let elapsed = 0;
      do {
        work(text);
        calls++;
        elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      } while (elapsed < 20);
      times.push(elapsed / calls);
    }
    return Math.min(...times);
  };
  /** Pathological texts of about `n` characters: long runs of markers, where the old pattern backtracked. */
  const pathological: Record<string, (n: number) => string> = {
    "a long run of stars before a letter": (n) => "*".repeat(n) + "x",
    "a long run of stars after a figure": (n) => "1,368" + "*".repeat(n),
    "stars and spaces": (n) => "* ".repeat(n / 2),
    "markers of two kinds in turn": (n) => "†*".repeat(n / 2),
  };
  const works: Record<string, (text: string) => unknown> = {
    parseAmountText: (text) => parseAmountText(text),
    labelMarkers: (text) => labelMarkers(text),
  };
  const cases = Object.entries(works).flatMap(([w, work]) =>
    Object.entries(pathological).map(([p, make]) => [w, p, work, make] as const),
  );

  // Eight times the text costs about eight times the time; a quadratic pattern would take 64 (the
  // bound leaves room for a busy machine). Against ordinary text of the same length, the ratio is
  // measured on whole workbooks in test/cli/hygiene.test.ts.
  it.each(cases)("%s on %s: eight times the text, about eight times the time", (_w, _p, work, make) => {
    timeOf(work, make(2_000)); // warm-up
    const ratio = timeOf(work, make(80_000)) / timeOf(work, make(10_000));
    expect(ratio).toBeLessThan(24);
  });

  it("splits every marker off, in order", () => {
    expect(splitFootnoteMarkers("1,368 *† ¹")).toEqual({ rest: "1,368", markers: ["*", "†", "¹"] });
    expect(splitFootnoteMarkers("* ".repeat(5000)).markers).toHaveLength(5000);
  });
});
