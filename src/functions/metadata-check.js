/**
 * Build step (webpack.config.js): the functions.json that custom-functions-metadata-plugin emits
 * must list every function of src/core/function-args.ts (FUNCTION_ARGS, the one list of the
 * functions) with its parameters in order, optional flags, and range dimensionality. A function
 * whose JSDoc loses its @customfunction tag would otherwise vanish from Excel with a green build.
 */
const fs = require("fs");
const path = require("path");

const ARGS_SOURCE = path.resolve(__dirname, "../core/function-args.ts");

/** Loads a core TypeScript file (and the core files it imports) without a build: core is pure TS. */
function loadCore(file, loaded = new Map()) {
  if (loaded.has(file)) return loaded.get(file).exports;
  const ts = require("typescript");
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  });
  const module = { exports: {} };
  loaded.set(file, module);
  const load = (request) =>
    request.startsWith(".") ? loadCore(path.resolve(path.dirname(file), `${request}.ts`), loaded) : require(request);
  new Function("require", "module", "exports", outputText)(load, module, module.exports);
  return module.exports;
}

/** What functions.json must say for each function, from FUNCTION_ARGS. */
function expectedMetadata() {
  const { FUNCTION_ARGS, acceptsRange, passedAsRange } = loadCore(ARGS_SOURCE);
  return Object.entries(FUNCTION_ARGS).map(([id, specs]) => ({
    id,
    parameters: specs.map((spec) => ({
      name: spec.name,
      optional: Boolean(spec.optional),
      dimensionality: passedAsRange(spec) ? "matrix" : "scalar",
    })),
    result: specs.some(acceptsRange) ? "matrix" : "scalar",
  }));
}

/** Problems with functions.json's text against the expected functions, one sentence each. */
function metadataProblems(json, expected = expectedMetadata()) {
  let functions;
  try {
    functions = JSON.parse(json).functions;
  } catch (error) {
    return [`functions.json is not JSON: ${error.message}`];
  }
  if (!Array.isArray(functions)) return ["functions.json has no functions list"];
  const problems = [];
  const byId = new Map(functions.map((f) => [f.id, f]));
  for (const want of expected) {
    const got = byId.get(want.id);
    if (!got) {
      problems.push(
        `${want.id} is missing from functions.json: its JSDoc in src/functions/functions.ts needs @customfunction ${want.id}`,
      );
      continue;
    }
    if (got.name !== want.id) problems.push(`${want.id} is named ${got.name} in functions.json`);
    const params = (got.parameters || []).map((p) => ({
      name: p.name,
      optional: Boolean(p.optional),
      dimensionality: p.dimensionality || "scalar",
    }));
    if (JSON.stringify(params) !== JSON.stringify(want.parameters)) {
      problems.push(
        `${want.id} parameters are ${JSON.stringify(params)} in functions.json, expected ${JSON.stringify(want.parameters)}`,
      );
    }
    const result = (got.result && got.result.dimensionality) || "scalar";
    if (result !== want.result)
      problems.push(`${want.id} returns a ${result} in functions.json, expected a ${want.result}`);
  }
  const known = new Set(expected.map((f) => f.id));
  for (const id of byId.keys())
    if (!known.has(id)) problems.push(`${id} is in functions.json but not in src/core/function-args.ts`);
  return problems;
}

/** The webpack plugin: after the assets are processed, each problem becomes a build error. */
class FunctionsMetadataCheck {
  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataCheck", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataCheck", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const asset = assets["functions.json"];
          const problems = asset ? metadataProblems(asset.source().toString()) : ["functions.json was not generated"];
          for (const problem of problems) compilation.errors.push(new WebpackError(`functions metadata: ${problem}`));
        },
      );
    });
  }
}

module.exports = { FunctionsMetadataCheck, metadataProblems, expectedMetadata };
