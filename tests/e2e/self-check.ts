// Proof that the browser check bites on the course's faults (and only on them): scratch notebooks with
// a deliberately broken output are run in classic Notebook in Chromium, and each must fail with the
// right message. Jupyter's own page furniture (see console.ts) must never be among the failures.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Notebook, writeNotebook } from "../../lib/tools/notebooks/ipynb";
import { scratchWorkspace } from "../../lib/tools/notebooks/workspace";
import type { Jupyter } from "../../lib/tools/start";
import { runInBrowser } from "./page";

interface Fault {
  name: string;
  /** The cells of a small notebook that shows the fault. */
  cells: string[];
  /** Text the browser check must report for it. */
  expect: RegExp;
}

const playground = [
  'import { networkPlayground, networkFrom } from "./lib";',
  'const picture = networkPlayground(networkFrom(2, [{ weights: [[1, -1]], biases: [0], activation: "relu" }]), { inputs: [1, 0.5] });',
].join("\n");

const faults: Fault[] = [
  {
    name: "a widget whose script throws when it starts",
    cells: [
      `${playground}\nimport * as tslab from "tslab";\ntslab.display.html(picture.html.replace("var start = __nnWidget.start;", "var start = function () { throw new Error(\\"the widget is on fire\\"); };"));`,
    ],
    expect: /only 0 of 1 widgets started/,
  },
  {
    name: "an output whose script throws",
    cells: ['import * as tslab from "tslab";\ntslab.display.html("<p>hello</p><script>throw new Error(\\"an output script failed\\");</script>");'],
    expect: /uncaught: an output script failed/,
  },
  {
    name: "an output whose script does not parse",
    cells: ['import * as tslab from "tslab";\ntslab.display.html("<p>hello</p><script>var broken = {,};</script>");'],
    expect: /uncaught: .*Unexpected token/,
  },
  {
    name: "an output whose script logs an error",
    cells: ['import * as tslab from "tslab";\ntslab.display.html("<p>hello</p><script>console.error(\\"something the course logged\\");</script>");'],
    expect: /console error: something the course logged/,
  },
];

/** Runs each faulty notebook in the browser; returns the problems with the check itself (empty when it bites). */
export async function checkTheBrowserCheck(jupyter: Jupyter, env: NodeJS.ProcessEnv, shots: string): Promise<string[]> {
  const problems: string[] = [];
  for (const fault of faults) {
    const dir = scratchWorkspace("course-e2e-fault-");
    try {
      const nb: Notebook = {
        cells: fault.cells.map((source, k) => ({ cell_type: "code", id: `fault-${k + 1}`, metadata: {}, source, outputs: [], execution_count: null })),
        metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      const path = join(dir, "fault.ipynb");
      writeNotebook(path, nb);
      const run = await runInBrowser(jupyter, env, path, join(shots, `fault-${faults.indexOf(fault) + 1}.png`), 120_000);
      const found = run.problems.join("\n");
      if (!fault.expect.test(found)) problems.push(`the browser check missed ${fault.name}: expected ${fault.expect}, got:\n${found || "(no problem at all)"}`);
      const furniture = run.problems.filter((p) => /\/(nbextensions|static|custom)\//.test(p));
      if (furniture.length) problems.push(`the browser check failed ${fault.name} on Jupyter's own page:\n${furniture.join("\n")}`);
      console.log(`  ${fault.expect.test(found) ? "ok  " : "MISS"} a notebook with ${fault.name} fails the browser check`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return problems;
}

