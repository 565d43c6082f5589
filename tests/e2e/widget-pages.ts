// The course's widgets as the notebooks use them, and test pages that show them outside Jupyter
// (build/widgets/*.html), for the browser tests and for people to look at. Notebooks 05, 11, 12 and 15 get
// their widgets from the same recipes as here.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Network, PythonRandom, Sample, bumpData, createNetwork, networkFrom, uniformIn, xorData } from "../../lib/engine/index";
import { digitsNetwork, digitsRecipe, trainingDigits, trainingSamples } from "../../lib/course/digits-data";
import { Figure, escapeHtml } from "../../lib/figures/render";
import { boundaryExplorer, fitExplorer, networkPlayground, trainingInspector } from "../../lib/widgets/index";
import { repoRoot } from "../../lib/tools/notebooks/list";

export const widgetPagesFolder = join(repoRoot, "build", "widgets");

/** Notebook 05's small network: 2 inputs → 3 ReLU → 1 sigmoid. */
export function smallNetwork(): Network {
  return networkFrom(2, [
    { weights: [[0.5, -0.3], [0.8, 0.2], [0.7, -0.4]], biases: [0.15, -0.1, -0.3], activation: "relu" },
    { weights: [[0.6, -0.5, 0.9]], biases: [0.1], activation: "sigmoid" },
  ]);
}

/** Notebook 11's bump network with one hidden neuron, at its starting weights. */
export function bumpOne(): Network {
  return networkFrom(1, [
    { weights: [[0.5]], biases: [-0.1], activation: "sigmoid" },
    { weights: [[0.3]], biases: [0.2], activation: "identity" },
  ]);
}

/** Notebook 11's preview: the same, plus a second hidden neuron. */
export function bumpTwo(): Network {
  return networkFrom(1, [
    { weights: [[0.5], [0.5]], biases: [-0.1, -2], activation: "sigmoid" },
    { weights: [[0.3, 0.3]], biases: [0.2], activation: "identity" },
  ]);
}

/** Notebook 12's XOR network before training (the seeded draw). */
export function xorStart(): Network {
  return createNetwork({ sizes: [2, 8, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(7) });
}

/** Notebook 12's training recipe. */
export const xorTraining = { epochs: 3001, learningRate: 0.1, loss: "squaredError" as const, method: "sample" as const, lossReport: "sum" as const };

/** The recipes of the bump widgets (learning rate and Train's length). */
export const bumpRecipes = {
  one: { learningRate: 0.5, maxEpochs: 2000, epochsPerFrame: 10, stopBelow: 1e-6 },
  two: { learningRate: 0.5, maxEpochs: 6000, epochsPerFrame: 20, stopBelow: 1e-5 },
};

export interface WidgetExample {
  name: string;
  figure: Figure;
}

/** Every kind of widget, configured as in the notebooks; `label` replaces the caller-supplied texts (for escaping tests). */
export function widgetExamples(label?: string): WidgetExample[] {
  const text = (normal: string) => label ?? normal;
  const bump: Sample[] = bumpData();
  return [
    {
      name: "playground",
      figure: networkPlayground(smallNetwork(), {
        inputs: [0.5, 0.5],
        inputLabels: [text("x₁"), text("x₂")],
        neuronLabels: [["h₁", "h₂", "h₃"], [text("output")]],
        layerTitles: ["inputs", "hidden (ReLU)", "output (sigmoid)"],
        title: text("The small network, live: drag the inputs"),
      }),
    },
    {
      name: "bump-one",
      figure: fitExplorer(bumpOne(), bump, {
        ...bumpRecipes.one,
        // A challenge as in notebook 11; its texts are the caller's, so the escaping page uses them too.
        goals: [
          { below: 0.1, text: text("a good start") },
          { below: 0.088, text: text("close") },
        ],
        title: text("One hidden neuron: the four knobs by hand"),
      }),
    },
    {
      name: "bump-two",
      figure: fitExplorer(bumpTwo(), bump, {
        ...bumpRecipes.two,
        title: text("Two hidden neurons: Train reaches the bump"),
        parameterNames: label ? Array.from({ length: 7 }, () => label) : undefined,
      }),
    },
    {
      name: "inspector",
      figure: trainingInspector(digitsNetwork(), trainingSamples(), {
        learningRate: digitsRecipe.learningRate,
        epochs: digitsRecipe.epochs,
        classNames: ["digit 0", "digit 1", "digit 2"].map(text),
        sampleNames: trainingDigits().map((d) => text(d.name)),
        title: text("Inside the training: every weight at every epoch"),
      }),
    },
    {
      name: "boundary",
      figure: boundaryExplorer(xorStart(), xorData(), { training: xorTraining, title: text("The boundary, epoch by epoch") }),
    },
  ];
}

/** A plain page holding widget outputs, as the static site or any browser shows them. */
export function testPage(title: string, figures: readonly Figure[], theme: "light" | "dark" = "light"): string {
  const colours = theme === "dark" ? "background: #15181d; color: #e4e7eb;" : "background: #fff; color: #1d2127;";
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n` +
    `<body style="margin: 0; padding: 16px 24px; font-family: system-ui, sans-serif; ${colours}">\n` +
    figures.map((f) => `<div class="output">${f.html}</div>`).join("\n<hr>\n") +
    "\n</body></html>\n"
  );
}

/** Writes one page per widget, a dark copy of each, and a page with hostile labels; returns their paths. */
export function writeWidgetPages(folder = widgetPagesFolder): Record<string, string> {
  mkdirSync(folder, { recursive: true });
  const pages: Record<string, string> = {};
  for (const example of widgetExamples()) {
    for (const theme of ["light", "dark"] as const) {
      const name = theme === "light" ? example.name : `${example.name}-dark`;
      const path = join(folder, `${name}.html`);
      writeFileSync(path, testPage(`widget: ${name}`, [example.figure], theme));
      pages[name] = path;
    }
  }
  // As an untrusted notebook or a preview shows them: the sanitiser removes the script.
  for (const example of widgetExamples()) {
    const path = join(folder, `${example.name}-still.html`);
    writeFileSync(path, testPage(`widget: ${example.name} without scripts`, [{ html: withoutScripts(example.figure.html) }]));
    pages[`${example.name}-still`] = path;
  }
  const hostile = join(folder, "escaping.html");
  writeFileSync(hostile, testPage("widgets with hostile labels", widgetExamples(hostileLabel).map((e) => e.figure)));
  pages.escaping = hostile;
  return pages;
}

/** What a sanitiser leaves of an output: everything but its scripts. */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
}

/** A caller-supplied label that must show as text, never run or become markup. */
export const hostileLabel = "<script>alert(1)</script> & co";
