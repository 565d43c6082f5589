/**
 * Input checks shared by the engine. Each one throws an Error that says what was wrong and what was
 * expected, so a learner who passes a bad value sees a sentence, not NaN or a stack trace from deep inside.
 */

/** Throws unless `value` is a finite number. `what` names the value in the message. */
export function checkFiniteNumber(what: string, value: unknown): asserts value is number {
  if (typeof value !== "number") {
    throw new Error(`${what} must be a number, got ${describe(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new Error(`${what} is ${value}; it must be a finite number`);
  }
}

/**
 * Throws unless `values` is an array of finite numbers, of length `length` when given.
 * `expected` explains where the length comes from, as in "one per input neuron".
 */
export function checkNumbers(what: string, values: unknown, length?: number, expected?: string): asserts values is number[] {
  if (!isArrayLike(values)) {
    throw new Error(`${what} must be an array of numbers, got ${describe(values)}`);
  }
  if (length !== undefined && values.length !== length) {
    const why = expected ? ` (${expected})` : "";
    throw new Error(`${what} has ${values.length} number${values.length === 1 ? "" : "s"}, but ${length} ${length === 1 ? "was" : "were"} expected${why}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number") {
      throw new Error(`${what}[${i}] must be a number, got ${describe(v)}`);
    }
    if (!Number.isFinite(v)) {
      throw new Error(`${what}[${i}] is ${v}; every value must be a finite number`);
    }
  }
}

/** Throws unless the learning rate is a finite number greater than 0. */
export function checkLearningRate(learningRate: unknown): asserts learningRate is number {
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new Error(
      `the learning rate must be a finite number greater than 0, got ${describe(learningRate)}` +
        (learningRate === 0 ? " (with a rate of 0 no weight would ever move)" : ""),
    );
  }
}

/** Throws unless `value` is a whole number of at least `min`. */
export function checkWholeNumber(what: string, value: unknown, min: number): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new Error(`${what} must be a whole number of at least ${min}, got ${describe(value)}`);
  }
}

/**
 * Throws an Error for an unknown name, listing the known ones and suggesting the closest.
 * Used for activation and loss names, where a typo is the usual mistake.
 */
export function unknownName(kind: string, name: unknown, known: readonly string[]): never {
  const list = known.map((k) => `"${k}"`).join(", ");
  let hint = "";
  if (typeof name === "string") {
    const best = closest(name, known);
    if (best) hint = ` Did you mean "${best}"?`;
  }
  throw new Error(`unknown ${kind} ${describe(name)}; choose one of ${list}.${hint}`);
}

/** A short, printable description of any value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return `a value of type ${typeof value}`;
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}

function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
