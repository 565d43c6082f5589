/**
 * How the widgets write numbers. Pure (no page in sight), so the browser tests format the engine's
 * numbers in Node exactly as the widgets do in the page, and compare the two texts.
 */

/** `x` with exactly `digits` decimals, a typographic minus "−", and never "−0.00". */
export function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  if (/^-0\.?0*$/.test(text)) return text.slice(1);
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
}

/** Like `fixed`, with a "+" in front of positive numbers: for weights written on connections. */
export function signed(x: number, digits: number): string {
  const text = fixed(x, digits);
  return text.startsWith("−") || Number(text) === 0 ? text : `+${text}`;
}

/** A probability as a percentage with one decimal: 0.8523 → "85.2 %". */
export function percent(p: number): string {
  return `${(100 * p).toFixed(1)} %`;
}

/** A loss: four decimals, or powers of ten once it is smaller than 0.0001 ("3.2 × 10⁻⁶"). */
export function lossText(loss: number): string {
  if (loss === 0 || Math.abs(loss) >= 1e-4) return fixed(loss, 4);
  const [mantissa, exponent] = loss.toExponential(1).split("e");
  const superscript = exponent.replace("+", "").replace(/[-0-9]/g, (c) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)]);
  return `${mantissa.replace("-", "−")} × 10${superscript}`;
}

/** Subscript digits, for names like w₁₂. */
export function subscript(n: number | string): string {
  return String(n).replace(/[0-9]/g, (c) => "₀₁₂₃₄₅₆₇₈₉"[Number(c)]);
}
