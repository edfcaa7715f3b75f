/**
 * The functions.json that the webpack build generates from the JSDoc (custom-functions-metadata-plugin)
 * lists every function of SPEC §3 with the ids users type, its parameters and ranges; and the build
 * step that fails the build when a function loses its metadata.
 */
import { existsSync, readFileSync } from "fs";
import { resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const FUNCTIONS_JSON = resolve(ROOT, "dist/functions.json");

const { FunctionsMetadataCheck, metadataProblems, expectedMetadata } =
  require("../../src/functions/metadata-check") as {
    FunctionsMetadataCheck: new () => { apply(compiler: unknown): void };
    metadataProblems(json: string, expected?: unknown): string[];
    expectedMetadata(): { id: string }[];
  };

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

/** SPEC §3, as the user types the functions: parameters (`?` optional, `[]` a range), result shape. */
const SPEC: [id: string, parameters: string[], result: "number" | "number[][]" | "string"][] = [
  ["SAVINGS.PCT", ["budget[]", "saving[]", "decimals?"], "number[][]"],
  ["SAVINGS.TOTAL", ["range[]"], "number"],
  ["SAVINGS.GAP", ["target[]", "proposals[]"], "number[][]"],
  ["SAVINGS.PARSE", ["text[]", "unit?"], "number[][]"],
  ["SAVINGS.CONVERT", ["value[]", "from", "to"], "number[][]"],
  ["SAVINGS.PHASE", ["full_year[]", "start", "fy?"], "number[][]"],
  ["SAVINGS.FY", ["date"], "string"],
  ["SAVINGS.FYNEXT", ["fy", "n?"], "string"],
  ["CLA.RATE", ["children[]", "population[]", "decimals?"], "number[][]"],
  ["CLA.CHILDREN", ["rate[]", "population[]"], "number[][]"],
  ["CLA.REDUCTION", ["children[]", "target_rate[]", "population[]"], "number[][]"],
  ["CLA.COST", ["weekly_cost[]", "children[]", "weeks?"], "number[][]"],
  ["CLA.SAVING", ["children_fewer[]", "weekly_cost[]", "weeks?"], "number[][]"],
];

let json: string;
let functions: FunctionMetadata[];

beforeAll(() => {
  if (!existsSync(FUNCTIONS_JSON)) throw new Error("dist/functions.json is missing: run npm run build first");
  json = readFileSync(FUNCTIONS_JSON, "utf8");
  functions = JSON.parse(json).functions;
});

describe("dist/functions.json", () => {
  it("lists exactly the functions of SPEC §3, in its order", () => {
    expect(functions.map((f) => f.id)).toEqual(SPEC.map(([id]) => id));
  });

  it.each(SPEC)("%s: id and name as typed (no namespace), parameters, ranges and result", (id, parameters, result) => {
    const f = functions.find((candidate) => candidate.id === id) as FunctionMetadata;
    expect(f.name).toBe(id);
    // Shown in formula autocomplete: short (128 characters is the unified manifest's limit too).
    expect(f.description?.length).toBeGreaterThan(20);
    expect(f.description?.length).toBeLessThanOrEqual(128);
    expect(
      f.parameters.map((p) => `${p.name}${p.dimensionality === "matrix" ? "[]" : ""}${p.optional ? "?" : ""}`),
    ).toEqual(parameters);
    for (const p of f.parameters) {
      // `any`: the functions read text amounts, blanks and error values themselves.
      expect(p.type).toBe("any");
      expect(p.description?.length).toBeGreaterThan(5);
      expect(p.description?.length).toBeLessThanOrEqual(128);
    }
    expect(f.result).toEqual(result === "number[][]" ? { type: "number", dimensionality: "matrix" } : { type: result });
  });

  it("agrees with src/core/function-args.ts, as the build step checks", () => {
    expect(expectedMetadata().map((f) => f.id)).toEqual(SPEC.map(([id]) => id));
    expect(metadataProblems(json)).toEqual([]);
  });
});

describe("the build step that fails the build when a function loses its metadata", () => {
  const without = (change: (fs: FunctionMetadata[]) => FunctionMetadata[]) =>
    JSON.stringify({ ...JSON.parse(json), functions: change(JSON.parse(json).functions) });

  it("names a function whose @customfunction tag was lost", () => {
    expect(metadataProblems(without((fs) => fs.filter((f) => f.id !== "CLA.RATE")))).toEqual([
      "CLA.RATE is missing from functions.json: its JSDoc in src/functions/functions.ts needs @customfunction CLA.RATE",
    ]);
  });

  it("names a lost parameter, a lost optional flag, a lost range and a lost range result", () => {
    const problems = metadataProblems(
      without((fs) =>
        fs.map((f) => {
          if (f.id === "SAVINGS.GAP") return { ...f, parameters: f.parameters.slice(0, 1) };
          if (f.id === "SAVINGS.PCT")
            return { ...f, parameters: f.parameters.map((p) => ({ ...p, optional: undefined })) };
          if (f.id === "CLA.COST")
            return { ...f, parameters: f.parameters.map((p) => ({ ...p, dimensionality: undefined })) };
          if (f.id === "CLA.SAVING") return { ...f, result: { type: "number" } };
          return f;
        }),
      ),
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(
      /^SAVINGS\.PCT parameters are .*"decimals","optional":false.* expected .*"decimals","optional":true/,
    );
    expect(problems[1]).toMatch(
      /^SAVINGS\.GAP parameters are \[\{"name":"target"[^\]]*\] in functions.json, expected .*proposals/,
    );
    expect(problems[2]).toMatch(/^CLA\.COST parameters are .*"scalar".* expected .*"matrix"/);
    expect(problems[3]).toBe("CLA.SAVING returns a scalar in functions.json, expected a matrix");
  });

  it("names a function that is in functions.json but not in the core's list, and a file that is not JSON", () => {
    expect(metadataProblems(without((fs) => [...fs, { ...fs[0], id: "SAVINGS.OLD", name: "SAVINGS.OLD" }]))).toEqual([
      "SAVINGS.OLD is in functions.json but not in src/core/function-args.ts",
    ]);
    expect(metadataProblems("{")[0]).toMatch(/^functions.json is not JSON/);
  });

  it("is one of webpack.config.js's plugins", async () => {
    const config = await require("../../webpack.config.js")({}, { mode: "production" });
    expect(config.plugins.some((plugin: unknown) => plugin instanceof FunctionsMetadataCheck)).toBe(true);
  });

  it("turns each problem into a webpack error, and a missing functions.json too", () => {
    class WebpackError extends Error {}
    const errorsFor = (assets: Record<string, { source(): string }>) => {
      const errors: Error[] = [];
      let processAssets: (assets: unknown) => void = () => undefined;
      const compilation = {
        errors,
        hooks: { processAssets: { tap: (_: unknown, fn: typeof processAssets) => (processAssets = fn) } },
      };
      const compiler = {
        webpack: { Compilation: { PROCESS_ASSETS_STAGE_REPORT: 5000 }, WebpackError },
        hooks: { thisCompilation: { tap: (_: string, fn: (c: typeof compilation) => void) => fn(compilation) } },
      };
      new FunctionsMetadataCheck().apply(compiler);
      processAssets(assets);
      return errors.map((error) =>
        error instanceof WebpackError ? error.message : `not a WebpackError: ${error.message}`,
      );
    };
    expect(errorsFor({ "functions.json": { source: () => json } })).toEqual([]);
    const lost = JSON.stringify({
      functions: JSON.parse(json).functions.filter((f: FunctionMetadata) => f.id !== "SAVINGS.TOTAL"),
    });
    expect(errorsFor({ "functions.json": { source: () => lost } })).toEqual([
      "functions metadata: SAVINGS.TOTAL is missing from functions.json: its JSDoc in src/functions/functions.ts needs @customfunction SAVINGS.TOTAL",
    ]);
    expect(errorsFor({})).toEqual(["functions metadata: functions.json was not generated"]);
  });
});
