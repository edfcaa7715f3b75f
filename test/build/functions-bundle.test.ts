/**
 * dist/functions.js as the oldest Excel that installs the add-in loads it: CustomFunctionsRuntime 1.2
 * (Office 2021, Microsoft 365 since build 1909) runs it in a JavaScript-only runtime of ECMAScript
 * 2016. The bundle must parse as ES2016, call no built-in added since, and give in that runtime what
 * `savings-check eval` gives for every function, its examples and its errors.
 */
import { Node, parse } from "acorn";
import { existsSync, readFileSync } from "fs";
import { resolve } from "path";
import { Context, createContext, runInContext } from "vm";
import { FUNCTION_ARGS, FUNCTION_IDS, FunctionId } from "../../src/core/function-args";
import { Call, evalCommand, parseCall, runCall } from "../../src/cli/eval";
import { CustomFunctionError, isCustomFunctionError } from "../../src/cli/custom-functions-shim";
import { FUNCTIONS } from "../../src/functions/functions";
import { BAD, Case, MATRIX } from "../functions/bad-input-matrix";

const ROOT = resolve(__dirname, "../..");
const BUNDLE = resolve(ROOT, "dist/functions.js");

/** Built-ins added after ES2016, by the object that holds them (an expression in the context). */
const NEWER_THAN_ES2016: Record<string, string[]> = {
  "String.prototype": [
    "padStart",
    "padEnd",
    "trimStart",
    "trimEnd",
    "trimLeft",
    "trimRight",
    "matchAll",
    "replaceAll",
    "at",
    "isWellFormed",
    "toWellFormed",
  ],
  Object: ["values", "entries", "fromEntries", "getOwnPropertyDescriptors", "hasOwn", "groupBy"],
  "Array.prototype": [
    "flat",
    "flatMap",
    "at",
    "findLast",
    "findLastIndex",
    "toReversed",
    "toSorted",
    "toSpliced",
    "with",
  ],
  Array: ["fromAsync"],
  "Object.getPrototypeOf(Int8Array.prototype)": ["at", "findLast", "findLastIndex", "toReversed", "toSorted", "with"],
  "Promise.prototype": ["finally"],
  Promise: ["allSettled", "any", "withResolvers", "try"],
  Map: ["groupBy"],
  "Symbol.prototype": ["description"],
  // The context's global object (`this` at the top of a script).
  this: [
    "BigInt",
    "BigInt64Array",
    "BigUint64Array",
    "SharedArrayBuffer",
    "Atomics",
    "WeakRef",
    "FinalizationRegistry",
    "AggregateError",
    "Iterator",
    "globalThis",
  ],
};
/** Well-known symbols added after ES2016: not deletable, so the context's Symbol is one without them. */
const NEWER_SYMBOLS = ["asyncIterator", "matchAll"];

let source: string;

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error("dist/functions.js is missing: run npm run build first");
  source = readFileSync(BUNDLE, "utf8");
});

/** A fresh context with only ES2016's built-ins, and a CustomFunctions stand-in that keeps what is associated. */
function es2016Context(): { context: Context; associated: Map<string, (...args: unknown[]) => unknown> } {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const shim = (globalThis as unknown as { CustomFunctions: object }).CustomFunctions;
  const customFunctions = {
    ...shim,
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
  };
  const context = createContext({ CustomFunctions: customFunctions });
  runInContext(
    `(() => {
      const Real = Symbol;
      const Without = function Symbol(description) { return Real(description); };
      for (const key of Reflect.ownKeys(Real))
        if (!${JSON.stringify([...NEWER_SYMBOLS, "length", "name", "prototype"])}.includes(key))
          Object.defineProperty(Without, key, Object.getOwnPropertyDescriptor(Real, key));
      Without.prototype = Real.prototype;
      this.Symbol = Without;
    })()`,
    context,
  );
  for (const [owner, names] of Object.entries(NEWER_THAN_ES2016)) {
    const target = runInContext(owner, context) as Record<string, unknown>;
    for (const name of names) delete target[name];
  }
  return { context, associated };
}

/** The bundle's functions, loaded in a stripped ES2016 context, by id. */
function bundleFunctions(): typeof FUNCTIONS {
  const { context, associated } = es2016Context();
  runInContext(source, context, { filename: BUNDLE });
  return Object.fromEntries(FUNCTION_IDS.map((id) => [id, associated.get(id)])) as typeof FUNCTIONS;
}

/** What a call gives: its value (error cells as {code, message}), or the Excel error it throws. */
function outcomeOf(run: () => unknown): unknown {
  const plain = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(plain)
      : isCustomFunctionError(value)
        ? { code: value.code, message: value.message }
        : value;
  try {
    return { value: plain(run()) };
  } catch (error) {
    if (isCustomFunctionError(error)) return { code: error.code, message: error.message };
    throw error;
  }
}

/** An argument written as `savings-check eval` reads it. */
function formulaArgument(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof CustomFunctionError) return value.code;
  if (Array.isArray(value)) return `{${value.map((row: unknown[]) => row.map(formulaArgument).join(",")).join(";")}}`;
  return String(value);
}

const formula = (id: FunctionId, args: unknown[]) => `${id}(${args.map(formulaArgument).join(", ")})`;

/** The examples of the README's functions section: `SAVINGS.PCT(87282, 21890, 1)` → `25.1`. */
function readmeExamples(): [string, string][] {
  const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
  const section = /<!-- section:functions -->([\s\S]*?)<!-- \/section:functions -->/.exec(readme)?.[1] ?? "";
  return [...section.matchAll(/`((?:SAVINGS|CLA)\.[A-Z]+\([^`]*\))` → `([^`]*)`/g)].map((m) => [m[1], m[2]]);
}

/** `savings-check eval` run in this process: what it prints and its exit status. */
async function evaluate(text: string): Promise<{ status: number; out: string }> {
  const out: string[] = [];
  const status = await evalCommand.run([text], { out: (line) => out.push(line), err: () => undefined });
  return { status, out: out.join("\n") };
}

describe("dist/functions.js parses as ECMAScript 2016", () => {
  it("parses with acorn at ecmaVersion 2016 (no ??, ?., async, ** is fine)", () => {
    expect(() => parse(source, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  it("the check has teeth: ES2017+ syntax does not parse at 2016", () => {
    for (const newer of ["a ?? b", "a?.b", "async function f() {}", "f(a,)", "({...a})", "/(?<y>\\d)/"])
      expect(() => parse(newer, { ecmaVersion: 2016 })).toThrow();
  });

  it("names none of the built-ins added after ES2016 (also on paths the calls below do not take)", () => {
    const newer = new Set([...Object.values(NEWER_THAN_ES2016).flat(), ...NEWER_SYMBOLS]);
    // Names that also belong to ES2016 objects (Array.prototype.values, Map's entries, Decimal's own methods).
    for (const shared of ["values", "entries", "at", "with", "any", "flat", "description", "finally", "try"])
      newer.delete(shared);
    const found = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach(walk);
      const n = node as Node & { property?: { name?: string }; name?: string; computed?: boolean };
      if (n.type === "MemberExpression" && !n.computed && newer.has(n.property?.name ?? ""))
        found.add(n.property!.name!);
      if (n.type === "Identifier" && newer.has(n.name ?? "")) found.add(n.name!);
      Object.values(n).forEach(walk);
    };
    walk(parse(source, { ecmaVersion: 2016, sourceType: "script" }));
    expect([...found]).toEqual([]);
    const object = /\bObject\.(values|entries)\b|\bPromise\.any\b|\.finally\(/.exec(source);
    expect(object?.[0]).toBeUndefined();
  });
});

describe("dist/functions.js in an ES2016 runtime (no built-in newer than ES2016)", () => {
  let bundle: typeof FUNCTIONS;

  beforeAll(() => {
    bundle = bundleFunctions();
  });

  it("the stripped context really lacks the newer built-ins", () => {
    const { context } = es2016Context();
    for (const [owner, names] of Object.entries(NEWER_THAN_ES2016))
      for (const name of names)
        expect([owner, name, runInContext(`typeof ${owner}["${name}"]`, context)]).toEqual([owner, name, "undefined"]);
    expect(runInContext(`typeof Symbol.asyncIterator + typeof Symbol.iterator`, context)).toBe("undefinedsymbol");
    expect(runInContext(`typeof globalThis`, context)).toBe("undefined");
  });

  it("associates every function of src/core/function-args.ts, and nothing else", () => {
    const { context, associated } = es2016Context();
    runInContext(source, context);
    expect([...associated.keys()].sort()).toEqual([...FUNCTION_IDS].sort());
    for (const fn of associated.values()) expect(typeof fn).toBe("function");
  });

  it.each(readmeExamples())(
    "the README's %s → %s, from savings-check eval and from the bundle",
    async (text, printed) => {
      // An Excel error prints its code and message and exits 1.
      expect(await evaluate(text)).toEqual({ status: printed.startsWith("#") ? 1 : 0, out: printed });
      const call = parseCall(text);
      expect(outcomeOf(() => runCall(call, bundle))).toEqual(outcomeOf(() => runCall(call)));
    },
  );

  it("the README gives an example for every function", () => {
    const named = new Set(readmeExamples().map(([text]) => parseCall(text).name));
    expect([...named].sort()).toEqual([...FUNCTION_IDS].sort());
  });

  // What README's "What the functions accept" promises beyond the matrix: array arithmetic of ranges
  // of different shapes, 0 weeks, the financial years' bounds, data types (no formula can type those).
  const entity = { type: "Entity", text: "Hampshire", properties: {} };
  const shapes: [string, Call][] = [
    "SAVINGS.PCT({1000,2000}, {100;300}, 1)",
    "SAVINGS.PCT({1;2;3}, {1;2})",
    "CLA.REDUCTION({1053;800}, {34,31}, 270000)",
    "CLA.COST(893, 1, 0)",
    "SAVINGS.FY(1)",
    "SAVINGS.FY(92)",
    "SAVINGS.FY(2958465)",
    'SAVINGS.FYNEXT("1900/01", -1)',
  ].map((text): [string, Call] => [text, parseCall(text)]);
  const dataTypes: [string, Call][] = [
    ["CLA.RATE(870, <Entity>)", { name: "CLA.RATE", args: [870, entity as never] }],
    [
      "SAVINGS.TOTAL({1;<Double>})",
      { name: "SAVINGS.TOTAL", args: [[[1], [{ type: "Double", basicValue: 2 } as never]]] },
    ],
    [
      "SAVINGS.PCT(<Error #DIV/0!>, 1)",
      { name: "SAVINGS.PCT", args: [{ type: "Error", basicValue: "#DIV/0!" } as never, 1] },
    ],
  ];

  it.each([...shapes, ...dataTypes])("%s: the same value or error and message as savings-check eval", (_, call) => {
    expect(outcomeOf(() => runCall(call, bundle))).toEqual(outcomeOf(() => runCall(call)));
  });

  // Every cell of the bad-input matrix, as a formula: each argument of each function given text, an
  // empty argument, TRUE, #N/A, a negative number, zero, 1e308 and a 2×2 range.
  // (A formula cannot leave out the only argument of a function: that call is made as a Call.)
  const matrixCalls = FUNCTION_IDS.flatMap((id) =>
    FUNCTION_ARGS[id].flatMap((_, i) =>
      (Object.keys(BAD) as Case[]).map((bad): [string, Call] => {
        const args = [...MATRIX[id].good];
        args[i] = BAD[bad];
        const text = formula(id, args);
        return [text, args.length === 1 && args[0] === null ? { name: id, args: [null] } : parseCall(text)];
      }),
    ),
  );

  it.each(matrixCalls)("%s: the same value or error and message as savings-check eval", (_, call) => {
    expect(outcomeOf(() => runCall(call, bundle))).toEqual(outcomeOf(() => runCall(call)));
  });
});
