/**
 * Tables printed as plain text, with aligned columns: the forward, loss and backward tables of notebooks 10 and 11,
 * or any small comparison a cell prints with console.log. Numbers get a fixed number of decimals and the
 * typographic minus "−", as in the prose.
 */

export interface TextTableOptions {
  /** Decimals for every number, or one per column (a missing entry is 4). Default 4. */
  digits?: number | readonly number[];
  /** Write "+" before positive numbers (for gradients, whose sign is the message). Default false. */
  signed?: boolean;
}

/** One number with a fixed number of decimals, "−" for negatives, and no "−0.0000". */
export function fixedNumber(x: number, digits = 4, signed = false): string {
  const text = x.toFixed(digits);
  const zero = Number(text) === 0;
  if (text.startsWith("-")) return zero ? text.slice(1) : `−${text.slice(1)}`;
  return signed && !zero ? `+${text}` : text;
}

/**
 * A table as lines of text: the header, a rule, then one line per row. Text columns are left-aligned,
 * number columns right-aligned, each column as wide as its widest cell.
 */
export function textTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], options: TextTableOptions = {}): string {
  const digits = (c: number) => (typeof options.digits === "object" ? options.digits[c] : options.digits) ?? 4;
  const cells = rows.map((row) => row.map((v, c) => (typeof v === "number" ? fixedNumber(v, digits(c), options.signed) : v)));
  // A column is numeric (right-aligned) when it holds numbers and, at most, some empty cells.
  const numeric = header.map((_, c) => rows.some((row) => typeof row[c] === "number") && rows.every((row) => typeof row[c] === "number" || !row[c]));
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => (row[c] ?? "").length)));
  const line = (row: readonly string[]) =>
    row.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("   ").replace(/\s+$/, "");
  return [line(header), widths.map((w) => "─".repeat(w)).join("   "), ...cells.map(line)].join("\n");
}
