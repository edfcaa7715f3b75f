/**
 * `savings-check eval` end to end: the real command (node bin/savings-check.js) as a child process,
 * after `npm run build:cli` (the README's test command builds first).
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const BIN = resolve(ROOT, "bin/savings-check.js");

beforeAll(() => {
  if (!existsSync(resolve(ROOT, "lib/src/cli/main.js")))
    throw new Error("lib/ is missing: run npm run build:cli first");
});

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const evaluate = (formula: string) => run("eval", formula);

describe("savings-check eval: results", () => {
  it.each([
    ["SAVINGS.PCT(87282, 21890, 1)", "25.1"],
    ["=SAVINGS.PCT(87282, 21890, 1)", "25.1"],
    ["savings.pct(87282,21890,1)", "25.1"],
    ['SAVINGS.TOTAL({21890;3000;59;979;"2,800**";904;500})', "30132"],
    ['SAVINGS.TOTAL({87282;17514;"1,368*";6695;28241;7813;"NA"})', "148913"],
    ["SAVINGS.GAP(30100, 30132)", "-32"],
    ['SAVINGS.PARSE("£4.462m")', "4462000"],
    ['SAVINGS.PARSE("£30.1m", "£000")', "30100"],
    ['SAVINGS.CONVERT(30132, "£000", "£m")', "30.132"],
    ['SAVINGS.PHASE(1.2, "2017-10-01", "2017/18")', "0.6"],
    ['SAVINGS.FY("2017-10-01")', "2017/18"],
    ['SAVINGS.FYNEXT("2015/16")', "2016/17"],
    ['SAVINGS.FYNEXT("2015/16", -2)', "2013/14"],
    ["CLA.RATE(870, 280000, 1)", "31.1"],
    ["CLA.CHILDREN(31, 280000)", "868"],
    ["CLA.REDUCTION(1053, 34, 270000)", "135"],
    ["CLA.COST(893, 1)", "46436"],
    ["CLA.SAVING(410, 840)", "17908800"],
    ["SAVINGS.PCT(87282, 21890, )", "25.0796269563026"],
  ])("%s prints %s and exits 0", (formula, printed) => {
    expect(evaluate(formula)).toEqual({ status: 0, stdout: `${printed}\n`, stderr: "" });
  });

  it("an array literal {1,2;3,4} spills one row per line, cells tab-separated", () => {
    expect(evaluate("SAVINGS.GAP({1,2;3,4}, 1)")).toEqual({ status: 0, stdout: "0\t1\n2\t3\n", stderr: "" });
    expect(evaluate("SAVINGS.PCT({87282;17514;1368}, {21890;3000;59}, 1)")).toEqual({
      status: 0,
      stdout: "25.1\n17.1\n4.3\n",
      stderr: "",
    });
  });

  it("an error inside an array shows its code in its cell, its message on standard error, and exits 1", () => {
    expect(evaluate("SAVINGS.PCT({100;0}, {25;5})")).toEqual({
      status: 1,
      stdout: "25\n#DIV/0!\n",
      stderr: "row 2, column 1: #DIV/0! budget must not be zero\n",
    });
  });
});

describe("savings-check eval: Excel errors print the error and its message, exit 1", () => {
  it.each([
    ["SAVINGS.PCT(0, 5)", "#DIV/0! budget must not be zero"],
    ["SAVINGS.PCT(TRUE, 5)", "#VALUE! budget must be a number, got the logical value TRUE"],
    ["SAVINGS.PCT(100, FALSE)", "#VALUE! saving must be a number, got the logical value FALSE"],
    ['SAVINGS.PCT("abc", 5)', "#VALUE! budget must be a number, got text 'abc'"],
    [
      'SAVINGS.PARSE("say ""hi""")',
      "#VALUE! text must be an amount such as £4.462m, 2,800 or (1,250), got text 'say \"hi\"'",
    ],
    ["SAVINGS.PCT(#N/A, 5)", "#N/A budget is the error #N/A"],
    ["CLA.RATE(5, 0)", "#DIV/0! population must not be zero"],
    ["CLA.COST(893, 1, 60)", "#NUM! weeks must be from 1 to 53, got 60"],
    ['SAVINGS.CONVERT(1, "£bn", "£")', "#VALUE! from must be one of £, £000 or £m, got text '£bn'"],
    ["SAVINGS.PCT({1,2;3,4}, 1, {1,2})", "#VALUE! decimals must be a single value, got a range of 1×2 cells"],
  ])("%s", (formula, printed) => {
    expect(evaluate(formula)).toEqual({ status: 1, stdout: `${printed}\n`, stderr: "" });
  });

  it("an unknown function is #NAME?, listing the functions there are", () => {
    const result = evaluate("SAVINGS.PERCENT(1, 2)");
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^#NAME\? unknown function SAVINGS\.PERCENT \(functions: SAVINGS\.PCT, .*CLA\.SAVING\)\n$/,
    );
    expect(result.stderr).toBe("");
  });
});

describe("savings-check eval: a formula that cannot be read exits 2 with one line on standard error", () => {
  it.each([
    ["SAVINGS.PCT(1,", "cannot read the formula at character 15"],
    ["SAVINGS.PCT(1 2)", "cannot read the formula"],
    ['SAVINGS.PCT("abc, 1)', "a text argument has no closing quote"],
    ["SAVINGS.PCT({1,2;3}, 1)", "every row of an array literal needs the same number of values"],
    ["SAVINGS.PCT 1, 2", "expected ( after the function name"],
    ["SAVINGS.PCT(1)", "SAVINGS.PCT takes 2 to 3 arguments, got 1"],
    ["SAVINGS.GAP(1, 2, 3)", "SAVINGS.GAP takes 2 arguments, got 3"],
  ])("%s", (formula, reason) => {
    const result = evaluate(formula);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(reason);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/); // never a stack trace
  });

  it("no formula, or two, is a usage error", () => {
    for (const args of [["eval"], ["eval", "SAVINGS.PCT(1,2)", "CLA.RATE(1,2)"]]) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain("give one formula in quotes");
    }
  });
});
