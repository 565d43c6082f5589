// Check arguments travel between processes as JSON. Numbers, lists and plain objects travel as they
// are (with NaN and ±Infinity spelled out, which JSON cannot hold). A function argument (the curve an
// exercise measures the slope of) travels as what it needs to be rebuilt on the other side:
//   - a function of the course library (forward) by its name, found in the sandbox's own copy;
//   - a built-in (Math.exp) by its name, found again in the sandbox's own copy taken before any
//     submitted code ran;
//   - a function of the instructor's notebook by its source text as tslab compiled it, plus the values
//     of the notebook's variables it reads (tslab writes them `exports.name`) and the course library
//     its imports name (`lib_1.forward`). Only the instructor's notebook supplies these functions.
// A later design (issue 15's exercise keys) names each case by exercise and index, and the sandbox
// asks the course module for it: then no function needs to travel at all.

export type Encoded = unknown;

/** Where the recorder finds a notebook variable a function reads. */
export type Scope = (name: string) => unknown;

/** The course library's exports, so that its functions travel by name (the sandbox has its own copy). */
let libraryNames: Map<unknown, string> = new Map();
export function knowLibrary(library: Record<string, unknown>): void {
  libraryNames = new Map(Object.entries(library).filter(([, v]) => typeof v === "function").map(([k, v]) => [v, k]));
}

// Taken when this module loads, before any submitted code runs: a cell that replaces Array.isArray or
// Object.entries cannot change how the sandbox rebuilds the arguments.
const isArray = Array.isArray;
const entries = Object.entries;
const keysOf = Object.keys;
const isView = ArrayBuffer.isView;

/** Built-in functions by identity, taken when this module loads: before any submitted code runs. */
const builtIns: Map<unknown, string> = new Map();
const builtInsByName: Map<string, unknown> = new Map();
for (const [owner, name] of [[Math, "Math"], [Number, "Number"]] as const) {
  for (const key of Object.getOwnPropertyNames(owner)) {
    const value = (owner as unknown as Record<string, unknown>)[key];
    if (typeof value === "function") {
      builtIns.set(value, `${name}.${key}`);
      builtInsByName.set(`${name}.${key}`, value);
    }
  }
}

/** JSON-safe form of a check's arguments. */
export function encodeArgs(args: readonly unknown[], scope: Scope = () => undefined): Encoded[] {
  return arrMap(args, (a) => encode(a, scope, 0));
}

function encode(value: unknown, scope: Scope, depth: number): Encoded {
  if (depth > 8) throw new Error("a check argument nests too deeply to be sent to the grader's sandbox");
  if (typeof value === "number") return Number.isFinite(value) ? value : { $number: String(value) };
  if (typeof value === "function") return encodeFunction(value as (...a: unknown[]) => unknown, scope, depth);
  if (isArray(value)) return value.map((v) => encode(v, scope, depth + 1));
  if (isView(value)) return Array.from(value as unknown as ArrayLike<number>).map((v) => encode(v, scope, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, Encoded> = {};
    for (const [k, v] of entries(value)) out[k] = encode(v, scope, depth + 1);
    return keysOf(out).some((k) => k.startsWith("$")) ? { $object: out } : out;
  }
  return value;
}

function encodeFunction(fn: (...a: unknown[]) => unknown, scope: Scope, depth: number): Encoded {
  const builtIn = builtIns.get(fn);
  if (builtIn) return { $global: builtIn };
  const fromLibrary = libraryNames.get(fn);
  if (fromLibrary) return { $library: fromLibrary };
  const source = Function.prototype.toString.call(fn);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) throw new Error(`the check argument ${fn.name || "(a built-in function)"} is built in and unknown to the grader; pass a function of your own that calls it`);
  const names = [...new Set([...source.matchAll(/\bexports\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]))];
  const exportsUsed: Record<string, Encoded> = {};
  for (const name of names) exportsUsed[name] = encode(scope(name), scope, depth + 1);
  // A compiler names an import's module object after the module: `import { forward } from "./lib"` →
  // lib_1 in a notebook, index_1 in a course module (an exercise key's curve). Each stands for the
  // course library, whose public names the sandbox has.
  const modules = [...new Set([...source.matchAll(/\b([A-Za-z_$][\w$]*_\d+)\./g)].map((m) => m[1]))];
  return { $function: source, name: fn.name, exports: exportsUsed, modules };
}

/** The arguments rebuilt from their JSON-safe form; `library` is the course library, for functions that use it. */
export function decodeArgs(args: readonly Encoded[], library: unknown = undefined): unknown[] {
  return arrMap(args, (a) => decode(a, library));
}

function decode(value: Encoded, library: unknown): unknown {
  if (isArray(value)) return arrMap(value, (v) => decode(v, library));
  if (value && typeof value === "object") {
    const v = value as Record<string, Encoded>;
    if (typeof v.$number === "string") return Number(v.$number);
    if (typeof v.$global === "string") return builtInsByName.get(v.$global);
    if (typeof v.$library === "string") return (library as Record<string, unknown> | undefined)?.[v.$library];
    if (typeof v.$function === "string") {
      const exportsUsed: Record<string, unknown> = {};
      for (const [k, x] of entries((v.exports ?? {}) as Record<string, Encoded>)) exportsUsed[k] = decode(x, library);
      const modules = (v.modules ?? []) as string[];
      return new Function("exports", ...modules, `"use strict";\nreturn (${v.$function});`)(exportsUsed, ...arrMap(modules, () => library));
    }
    if (v.$object && typeof v.$object === "object") return decodeObject(v.$object as Record<string, Encoded>, library);
    return decodeObject(v, library);
  }
  return value;
}

function decodeObject(v: Record<string, Encoded>, library: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of entries(v)) out[k] = decode(x, library);
  return out;
}

/**
 * The arguments as feedback shows them, in the grader's own process (which never runs them): a
 * function becomes a stand-in named like it (feedback says "a function"), an object says what it is
 * instead of "[object Object]".
 */
export function argsForDisplay(args: readonly Encoded[]): unknown[] {
  return arrMap(args, display);
}

function display(value: Encoded): unknown {
  if (isArray(value)) return arrMap(value, display);
  if (value && typeof value === "object") {
    const v = value as Record<string, Encoded>;
    if (typeof v.$number === "string") return Number(v.$number);
    if (typeof v.$global === "string" || typeof v.$function === "string" || typeof v.$library === "string") {
      const stand = () => undefined;
      Object.defineProperty(stand, "name", { value: String(v.$global ?? v.$library ?? v.name ?? "") });
      return stand;
    }
    const fields = keysOf((v.$object ?? v) as object);
    const label = fields.includes("layers") ? "a network" : `an object with ${fields.join(", ") || "no fields"}`;
    return { toString: () => label };
  }
  return value;
}

/** Array.prototype.map without Array.prototype.map (which a submission may replace). */
function arrMap<T, R>(list: readonly T[], f: (v: T) => R): R[] {
  const out: R[] = [];
  for (let i = 0; i < list.length; i++) out[i] = f(list[i]);
  return out;
}
