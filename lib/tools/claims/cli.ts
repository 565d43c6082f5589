// npm run claims [notebooks]   — checks every notebook's statements (or those named, by path or by number:
//                                npm run claims -- 05); prints a table per kind; exits 1 on anything that
//                                fails (an unchecked, wrong or missing number, a worked line that does not
//                                add up on paper with its numbers as printed, a declared comparison the text contradicts…).
// npm run claims -- --uncovered [notebooks]
//                              — also lists, by notebook, what the prose states that no check covers yet
//                                (number words, worked lines, direction words, code-cell numbers) and what
//                                to review (givens neither tied to the code nor classified, constants in the
//                                claims files).
// npm run claims -- --scaffold notebooks/05-layers.ipynb
//                              — prints a starting claims file listing every number of every cell.
import { basename, resolve } from "node:path";
import { Cell, joinText, readNotebook } from "../notebooks/ipynb";
import { courseNotebooks } from "../notebooks/list";
import { ClaimKind, NotebookReport, checkNotebook, readableOf, reportMessages, reportNotes } from "./check";
import { GivenClass, givenClasses } from "./define";
import { loadClaims } from "./load";
import { findNumbers, numbersInLeaves, scanText } from "./numbers";
import { findNumberWords } from "./words";

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args[0] === "--scaffold") {
    if (!args[1]) throw new Error("usage: npm run claims -- --scaffold <notebook.ipynb>");
    console.log(scaffold(resolve(args[1])));
    return;
  }
  const uncovered = args.includes("--uncovered");
  const named = args.filter((a) => !a.startsWith("--"));
  const paths = named.length ? named.map(notebookPath) : courseNotebooks();
  const reports: NotebookReport[] = [];
  for (const path of paths) reports.push(checkNotebook(readNotebook(path), await loadClaims(path), basename(path)));
  printTable(reports);
  printKinds(reports);
  if (uncovered) {
    for (const r of reports) {
      const notes = reportNotes(r);
      if (!notes.length) continue;
      console.log(`\n${r.notebook}: ${notes.length} statement${notes.length === 1 ? "" : "s"} not covered yet, or to review\n`);
      for (const n of notes) console.log(`- ${n}`);
    }
  }
  const messages = reports.flatMap(reportMessages);
  if (messages.length) {
    console.error(`\n${messages.length} problem${messages.length === 1 ? "" : "s"}:\n`);
    for (const m of messages) console.error(`- ${m}\n`);
    process.exit(1);
  }
}

/** A notebook named by its path, or by its number as `npm run check` takes it ("05" or "5"). */
function notebookPath(arg: string): string {
  if (!/^\d{1,2}$/.test(arg)) return resolve(arg);
  const prefix = `${arg.padStart(2, "0")}-`;
  const found = courseNotebooks().find((p) => basename(p).startsWith(prefix));
  if (!found) throw new Error(`no course notebook starts with ${prefix} (the notebooks are ${courseNotebooks().map((p) => basename(p)).join(", ")})`);
  return found;
}

function table(header: string[], rows: string[][]): void {
  const total = ["total", ...header.slice(1).map((_, c) => (rows.every((r) => /^\d+$/.test(r[c + 1])) ? String(rows.reduce((s, r) => s + Number(r[c + 1]), 0)) : ""))];
  const all = [header, ...rows, total];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  console.log([line(header), rule, ...rows.map(line), rule, line(total)].join("\n"));
}

/** The numbers printed in digits in markdown cells: the table the course has always had. */
function printTable(reports: readonly NotebookReport[]): void {
  table(
    ["notebook", "found", "verified", "given", "unchecked", "wrong", "missing"],
    reports.map((r) => [r.notebook, r.found, r.verified, r.given, r.unchecked, r.wrong, r.missing].map(String)),
  );
}

const kindTitles: Record<Exclude<ClaimKind, "digits">, string> = {
  words: "number words",
  lines: "worked lines",
  directions: "direction words",
  code: "code-cell numbers",
};

/** The other kinds: per kind, found, verified (or given) and unchecked; "wrong" counts wrong and missing. */
function printKinds(reports: readonly NotebookReport[]): void {
  for (const kind of Object.keys(kindTitles) as (keyof typeof kindTitles)[]) {
    console.log(`\n${kindTitles[kind]}${kind === "lines" ? " (they check themselves)" : ""}`);
    table(
      ["notebook", "found", "verified", "given", "unchecked", "wrong", "enforced"],
      reports.map((r) => {
        const k = r.kinds[kind];
        return [r.notebook, k.found, k.verified, k.given, k.unchecked, k.wrong + k.missing].map(String).concat(r.strict ? "all" : "declared");
      }),
    );
  }
  console.log(`\ngivens: tied to the code cell that sets them, or classified by what makes them true (see givenClasses in lib/tools/claims/define.ts)`);
  const classes = Object.keys(givenClasses) as GivenClass[];
  table(
    ["notebook", "tied to code", "exercise case", ...classes, "unclassified"],
    reports.map((r) => [r.notebook, r.givensTied, r.givensInExercises, ...classes.map((k) => r.givensByClass[k]), r.givensByClass.unclassified].map(String)),
  );
  console.log(`\nto review (listed by --uncovered; they do not fail)`);
  table(
    ["notebook", "givens unclassified", "constants in claims"],
    reports.map((r) => {
      const count = (re: RegExp) => r.review.filter((m) => re.test(m)).length;
      return [r.notebook, count(/is not tied to a code cell/), count(/computes nothing|is written in the claims file/)].map(String);
    }),
  );
}

/** A claims-file skeleton: every number of every cell, with its sentence, to fill in. */
function scaffold(path: string): string {
  const nb = readNotebook(path);
  const name = basename(path);
  const lines = [
    `import { claimsFor } from "../../lib/tools/claims/define";`,
    ``,
    `export default claimsFor("${name}", (c) => {`,
    `  // Givens: true inputs of the lesson (a chosen weight, a learning rate, a seed), tied to the code cell that sets them:`,
    `  //   c.given("learning rate", 0.1, "the recipe's learning rate", { code: "train", at: "learningRate: " }).`,
    `  // Numbers no cell sets, classified: c.given("one bias", 1, "a neuron has one bias", { is: "definition" }).`,
    `  // Values the notebook printed: c.output("train", "test accuracy"). Worked lines check themselves.`,
  ];
  nb.cells.forEach((cell: Cell) => {
    const source = joinText(cell.source);
    const leaves = readableOf(cell);
    const digits = cell.cell_type === "markdown" ? findNumbers(source) : cell.cell_type === "code" ? numbersInLeaves(source, leaves, scanText) : [];
    const words = numbersInLeaves(source, leaves, findNumberWords);
    if (digits.length) {
      lines.push(`  c.cell("${cell.id}", [`);
      for (const n of digits) lines.push(`    TODO, // ${n.text}  — ${n.context}`);
      lines.push(`  ]);`);
    }
    if (words.length) {
      lines.push(`  c.words("${cell.id}", [`);
      for (const n of words) lines.push(`    TODO, // ${n.text} (${Number(n.value.toPrecision(6))})  — ${n.context}`);
      lines.push(`  ]);`);
    }
  });
  lines.push(`});`);
  return lines.join("\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
