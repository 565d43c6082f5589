// Check arguments travel between processes as JSON; a function argument (such as the curve an exercise
// measures the slope of) travels as its source text and is rebuilt on the other side. Only the
// instructor's own notebook supplies these, so rebuilding them is safe.

export type Encoded = unknown;

/** JSON-safe form of a check's arguments. */
export function encodeArgs(args: readonly unknown[]): Encoded[] {
  return args.map(encode);
}

function encode(value: unknown): Encoded {
  if (typeof value === "function") return { $function: value.toString() };
  if (Array.isArray(value)) return value.map(encode);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (value && typeof value === "object") {
    const out: Record<string, Encoded> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encode(v);
    return out;
  }
  return value;
}

/** The arguments rebuilt from their JSON-safe form. */
export function decodeArgs(args: readonly Encoded[]): unknown[] {
  return args.map(decode);
}

function decode(value: Encoded): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    const v = value as Record<string, Encoded>;
    if (typeof v.$function === "string" && Object.keys(v).length === 1) return new Function(`return (${v.$function});`)();
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = decode(x);
    return out;
  }
  return value;
}
