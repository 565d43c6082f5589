// npm run claims            — checks every notebook's printed numbers; prints a table; exits 1 on any
//                             unchecked, wrong or missing number.
// npm run claims -- --scaffold notebooks/05-layers.ipynb
//                           — prints a starting claims file listing every number of every cell.
import { basename, resolve } from "node:path";
import { joinText, readNotebook } from "../notebooks/ipynb";
import { courseNotebooks } from "../notebooks/list";
import { NotebookReport, checkNotebook, reportMessages } from "./check";
import { loadClaims } from "./load";
import { findNumbers } from "./numbers";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--scaffold") {
    if (!args[1]) throw new Error("usage: npm run claims -- --scaffold <notebook.ipynb>");
    console.log(scaffold(resolve(args[1])));
    return;
  }
  const paths = args.length ? args.map((a) => resolve(a)) : courseNotebooks();
  const reports: NotebookReport[] = [];
  for (const path of paths) reports.push(checkNotebook(readNotebook(path), await loadClaims(path), basename(path)));
  printTable(reports);
  const messages = reports.flatMap(reportMessages);
  if (messages.length) {
    console.error(`\n${messages.length} problem${messages.length === 1 ? "" : "s"}:\n`);
    for (const m of messages) console.error(`- ${m}\n`);
    process.exit(1);
  }
}

function printTable(reports: readonly NotebookReport[]): void {
  const header = ["notebook", "found", "verified", "given", "unchecked", "wrong", "missing"];
  const rows = reports.map((r) => [r.notebook, r.found, r.verified, r.given, r.unchecked, r.wrong + (r.problems.length ? 0 : 0), r.missing].map(String));
  const total = ["total", ...[1, 2, 3, 4, 5, 6].map((c) => String(rows.reduce((s, r) => s + Number(r[c]), 0)))];
  const all = [header, ...rows, total];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  console.log(line(total));
}

/** A claims-file skeleton: every number of every markdown cell, with its sentence, to fill in. */
function scaffold(path: string): string {
  const nb = readNotebook(path);
  const name = basename(path);
  const lines = [
    `import { claimsFor } from "../../lib/tools/claims/define";`,
    ``,
    `export default claimsFor("${name}", (c) => {`,
    `  // Givens: inputs, hyperparameters, indices, counts, years. Declare each once, with why it is given.`,
  ];
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    const numbers = findNumbers(joinText(cell.source));
    if (!numbers.length) continue;
    lines.push(`  c.cell("${cell.id}", [`);
    for (const n of numbers) lines.push(`    TODO, // ${n.text}  — ${n.context}`);
    lines.push(`  ]);`);
  }
  lines.push(`});`);
  return lines.join("\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
