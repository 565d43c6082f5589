// Browser tests of the interactive widgets, in headless Chromium: on generated test pages
// (build/widgets/*.html) and on the static site's pages. Every widget found on a page is checked
// against the engine run here in Node with the data the widget was given: move each slider and
// compare every displayed value; click neurons and connections of the inspector and compare the
// calculation it shows; draw a digit and compare the probabilities; press Train and Play. Console
// errors, failed starts and labels that turn into markup are problems. Screenshots go to build/e2e/widgets/.
import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { Network, argmax, backward, copyNetwork, evaluate, forward, neuronSteps, predict, train } from "../../lib/engine/index";
import { formatNumber } from "../../lib/course/arithmetic";
import { averagedUpdateWorking } from "../../lib/course/averaged-update-working";
import { softmaxWorking } from "../../lib/course/softmax-working";
import { fixed, lossText, percent, signed } from "../../lib/widgets/client/format";
import type { BoundaryData } from "../../lib/widgets/client/boundary";
import type { FitData } from "../../lib/widgets/client/fit";
import type { InspectorData } from "../../lib/widgets/client/inspector";
import type { PlaygroundData } from "../../lib/widgets/client/playground";
import { withBrowser } from "../../lib/tools/browser";
import { repoRoot } from "../../lib/tools/notebooks/list";
import { hostileLabel, writeWidgetPages } from "./widget-pages";

export const widgetShotsFolder = join(repoRoot, "build", "e2e", "widgets");

export interface WidgetRun {
  problems: string[];
  /** Displayed values compared with the engine. */
  checks: number;
  /** Widgets checked, by page. */
  widgets: { page: string; kind: string }[];
  screenshots: string[];
  ms: number;
}

type Texts = Record<string, string>;

/** Every data-nn-* element under `root`: its text, its exact value (key + "#") and, for sliders, its value. */
function readTexts(root: Locator): Promise<Texts> {
  return root.evaluate((element) => {
    const out: Record<string, string> = {};
    for (const node of Array.from(element.querySelectorAll("*"))) {
      for (const name of node.getAttributeNames()) {
        if (!name.startsWith("data-nn-")) continue;
        const key = `${name.slice(8)}:${node.getAttribute(name)}`;
        out[key] = node instanceof HTMLInputElement ? node.value : (node.textContent ?? "");
        const exact = node.getAttribute("data-exact");
        if (exact !== null) out[`${key}#`] = exact;
        const width = node.getAttribute("width");
        if (width !== null && name === "data-nn-bar") out[`${key}@width`] = width;
      }
    }
    return out;
  });
}

/** Moves a slider as dragging it would: sets its value and fires "input". */
async function setSlider(root: Locator, key: string, value: number): Promise<void> {
  await root.locator(`input[data-nn-param="${key}"]`).evaluate((input, v) => {
    (input as HTMLInputElement).value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

/** Moves a slider with the keyboard, as a reader would. */
async function pressSlider(root: Locator, key: string, key2: "ArrowRight" | "ArrowLeft", times: number): Promise<void> {
  const slider = root.locator(`input[data-nn-param="${key}"]`);
  await slider.focus();
  for (let k = 0; k < times; k++) await slider.press(key2);
}

/** Clicks an SVG line where it can really be clicked (other lines may cross its middle). */
async function clickLine(page: Page, root: Locator, selector: string): Promise<boolean> {
  const point = await root.locator(selector).evaluate((line) => {
    const [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map((a) => Number(line.getAttribute(a)));
    const svg = (line as SVGLineElement).ownerSVGElement!;
    const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute("width"));
    const origin = svg.getBoundingClientRect();
    for (const t of [0.85, 0.8, 0.9, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15]) {
      const x = origin.left + (x1 + (x2 - x1) * t) * scale;
      const y = origin.top + (y1 + (y2 - y1) * t) * scale;
      if (document.elementFromPoint(x, y) === line) return { x, y };
    }
    return null;
  });
  if (!point) return false;
  await page.mouse.click(point.x, point.y);
  return true;
}

/** The widget's own data: the JSON in its script, exactly as the page got it. */
function dataOf(html: string): unknown {
  const match = /\nvar data = (.*);\n/.exec(html);
  if (!match) throw new Error("no widget data found in the script");
  return JSON.parse(match[1]);
}

class Checker {
  problems: string[] = [];
  checks = 0;
  constructor(private readonly where: string) {}
  same(what: string, shown: string | undefined, expected: string): void {
    this.checks++;
    if (shown !== expected) this.problems.push(`${this.where}: ${what} shows ${JSON.stringify(shown)}, but the engine gives ${JSON.stringify(expected)}`);
  }
  fail(message: string): void {
    this.problems.push(`${this.where}: ${message}`);
  }
}

// ── The playground ──────────────────────────────────────────────────────────────────────────────

async function checkPlayground(root: Locator, data: PlaygroundData, c: Checker): Promise<void> {
  const compare = async (after: string) => {
    const t = await readTexts(root);
    const net = copyNetwork(data.network);
    net.layers.forEach((layer, l) =>
      layer.weights.forEach((row, j) => {
        row.forEach((_, i) => (layer.weights[j][i] = Number(t[`readout:w-${l + 1}-${j}-${i}#`])));
        layer.biases[j] = Number(t[`readout:b-${l + 1}-${j}#`]);
      }),
    );
    const inputs = data.inputs.map((_, i) => Number(t[`readout:in-${i}#`]));
    const trace = forward(net, inputs);
    [trace.input, ...trace.layers.map((l) => l.activations)].forEach((column, l) =>
      column.forEach((v, j) => c.same(`after ${after}, neuron ${l}-${j}`, t[`value:${l}-${j}`], fixed(v, 2))),
    );
    net.layers.forEach((layer, l) =>
      layer.weights.forEach((row, j) => {
        row.forEach((w, i) => c.same(`after ${after}, the weight on ${l + 1}-${j}-${i}`, t[`weight:${l + 1}-${j}-${i}`], signed(w, 2)));
        c.same(`after ${after}, the bias of ${l + 1}-${j}`, t[`bias:${l + 1}-${j}`], `b ${fixed(layer.biases[j], 2)}`);
      }),
    );
    c.same(`after ${after}, the output`, t["output:"], fixed(trace.output[0], 4));
    if (t["bar:@width"] !== undefined) c.same(`after ${after}, the output bar's width`, t["bar:@width"], (300 * Math.min(1, Math.max(0, trace.output[0]))).toFixed(1));
  };
  await compare("loading");
  for (let i = 0; i < data.inputs.length; i++) {
    await setSlider(root, `in-${i}`, [0.83, 0.12][i % 2]);
    await compare(`moving input slider ${i}`);
    await pressSlider(root, `in-${i}`, "ArrowLeft", 3);
    await compare(`pressing ← three times on input slider ${i}`);
  }
  await root.locator('[data-nn-button="weights"]').click();
  const keys = await root.locator("input[data-nn-param]").evaluateAll((inputs) => inputs.map((i) => i.getAttribute("data-nn-param")!));
  if (!(await root.locator('input[data-nn-param="w-1-0-0"]').isVisible())) c.fail("the weight sliders did not appear");
  let k = 0;
  for (const key of keys.filter((k) => !k.startsWith("in-"))) {
    await setSlider(root, key, [1.37, -0.84, 0.05, -1.9][k++ % 4]);
    await compare(`moving slider ${key}`);
  }
  await pressSlider(root, "w-2-0-1", "ArrowRight", 5);
  await compare("pressing → five times on slider w-2-0-1");
  await root.locator('[data-nn-button="reset"]').click();
  await compare("Reset");
}

// ── Weights by hand, then Train ─────────────────────────────────────────────────────────────────

/** The knobs in slider order: layer by layer, neuron by neuron, its weights then its bias. */
function setKnobs(net: Network, values: readonly number[]): void {
  let k = 0;
  for (const layer of net.layers) {
    for (let j = 0; j < layer.weights.length; j++) {
      for (let i = 0; i < layer.weights[j].length; i++) layer.weights[j][i] = values[k++];
      layer.biases[j] = values[k++];
    }
  }
}

function knobsOf(net: Network): number[] {
  return net.layers.flatMap((layer) => layer.weights.flatMap((row, j) => [...row, layer.biases[j]]));
}

/**
 * The widget's challenge, as its text states it: a target is reached once weights set by hand alone
 * (from the start or after Reset, without Train) give a mean loss below it, and stays reached.
 */
class Challenge {
  byHand = true;
  readonly reached: boolean[];
  constructor(readonly goals: readonly { below: number; text: string }[]) {
    this.reached = goals.map(() => false);
  }
  /** The sliders now give this mean loss (engine's). */
  see(loss: number): void {
    if (this.byHand) this.goals.forEach((g, k) => (this.reached[k] ||= loss < g.below));
  }
}

/** Each target's tick and state as shown, against the challenge's rule. */
async function compareGoals(root: Locator, challenge: Challenge, after: string, c: Checker): Promise<void> {
  const shown = await root.evaluate((element) =>
    Array.from(element.querySelectorAll("[data-nn-goal]")).map((row) => ({ text: row.textContent ?? "", state: row.getAttribute("data-state") })),
  );
  c.checks++;
  if (shown.length !== challenge.goals.length) c.fail(`after ${after}, ${shown.length} targets shown for ${challenge.goals.length} goals`);
  challenge.goals.forEach((g, k) => {
    const reached = challenge.reached[k];
    c.same(`after ${after}, target ${k + 1} (below ${g.below})`, shown[k]?.text, `${reached ? "✅" : "☐"} a mean loss below ${lossText(g.below)}${g.text ? `: ${g.text}` : ""}`);
    c.same(`after ${after}, target ${k + 1}'s state`, shown[k]?.state ?? undefined, reached ? "reached" : "open");
  });
}

/**
 * Slider settings (on the sliders' steps) that reach each target by hand: gradient descent in Node
 * from the widget's start, rounded to the sliders' step, until the rounded weights' loss is below it.
 */
function handSettings(data: FitData): number[][] {
  const goals = data.goals ?? [];
  const net = copyNetwork(data.network);
  const settings: number[][] = [];
  const onStep = (v: number) => Math.min(data.range[1], Math.max(data.range[0], Math.round(v / data.step) * data.step));
  for (let epochs = 0; settings.length < goals.length && epochs <= 100_000; epochs += 50) {
    const knobs = knobsOf(net).map(onStep);
    const rounded = copyNetwork(data.network);
    setKnobs(rounded, knobs);
    const loss = evaluate(rounded, data.samples, data.loss).loss;
    while (settings.length < goals.length && loss < goals[settings.length].below) settings.push(knobs);
    train(net, data.samples, { epochs: 50, learningRate: data.learningRate, loss: data.loss, method: "batch" });
  }
  return settings;
}

async function checkFit(root: Locator, data: FitData, c: Checker): Promise<void> {
  const count = knobsOf(data.network).length;
  const challenge = new Challenge(data.goals ?? []);
  const read = async () => {
    const t = await readTexts(root);
    return { t, knobs: Array.from({ length: count }, (_, k) => Number(t[`readout:p-${k}#`])) };
  };
  const compare = async (after: string) => {
    const { t, knobs } = await read();
    const net = copyNetwork(data.network);
    setKnobs(net, knobs);
    data.samples.forEach((s, k) => {
      c.same(`after ${after}, ŷ for x = ${s.input[0]}`, t[`prediction:${k}`], fixed(predict(net, s.input)[0], 3));
      c.same(`after ${after}, the loss of x = ${s.input[0]}`, t[`point-loss:${k}`], lossText(evaluate(net, [s], data.loss).loss));
    });
    const loss = evaluate(net, data.samples, data.loss).loss;
    c.same(`after ${after}, the mean loss`, t["loss:"], lossText(loss));
    challenge.see(loss);
    await compareGoals(root, challenge, after, c);
    return { t, knobs };
  };
  await compare("loading");
  if (challenge.goals.length && challenge.reached.some(Boolean)) c.fail("a target is reached before any slider moved: the challenge is no challenge");
  for (let k = 0; k < count; k++) {
    await setSlider(root, `p-${k}`, [2.4, -1.3, 0.7, -3.1, 1.05, 4.2, -0.45][k % 7]);
    await compare(`moving slider ${k}`);
    await pressSlider(root, `p-${k}`, "ArrowRight", 2);
    await compare(`pressing → twice on slider ${k}`);
  }
  // Train from wherever the sliders are. The page's Math.exp may differ from Node's in the last bit,
  // and this descent passes a saddle where such differences grow, so the run is compared exactly over
  // its first frames (animation frames are stepped by hand) and loosely at its end.
  const page = root.page();
  for (const from of ["the moved sliders", "Reset"]) {
    if (from === "Reset") {
      await root.locator('[data-nn-button="reset"]').click();
      challenge.byHand = true;
      await compare("Reset");
    }
    const before = await read();
    const replay = (epochs: number) => {
      const net = copyNetwork(data.network);
      setKnobs(net, before.knobs);
      train(net, data.samples, { epochs, learningRate: data.learningRate, loss: data.loss, method: "batch" });
      return net;
    };
    const close = (what: string, shown: number[], net: Network, tolerance: number) => {
      knobsOf(net).forEach((v, k) => {
        c.checks++;
        if (!(Math.abs(shown[k] - v) <= tolerance * Math.max(1, Math.abs(v)))) c.fail(`${what}: knob ${k} is ${shown[k]}, but the engine gives ${v}`);
      });
    };
    await page.evaluate(() => {
      const w = window as unknown as { __nnFrames: FrameRequestCallback[]; __nnRaf: typeof requestAnimationFrame };
      w.__nnFrames = [];
      w.__nnRaf = window.requestAnimationFrame;
      window.requestAnimationFrame = (callback) => (w.__nnFrames.push(callback), 1);
    });
    await root.locator('[data-nn-button="train"]').click();
    challenge.byHand = false;
    for (let frame = 1; frame <= 3; frame++) {
      await page.evaluate(() => (window as unknown as { __nnFrames: FrameRequestCallback[] }).__nnFrames.shift()?.(performance.now()));
      const { t, knobs } = await compare(`${frame} frame(s) of Train from ${from}`);
      c.same(`after ${frame} frame(s) of Train from ${from}, the epochs trained`, t["epochs:"], String(frame * data.epochsPerFrame));
      close(`after ${frame * data.epochsPerFrame} epochs of Train from ${from}`, knobs, replay(frame * data.epochsPerFrame), 1e-12);
    }
    await page.evaluate(() => {
      const w = window as unknown as { __nnFrames: FrameRequestCallback[]; __nnRaf: typeof requestAnimationFrame };
      window.requestAnimationFrame = w.__nnRaf;
      w.__nnFrames.splice(0).forEach((callback) => requestAnimationFrame(callback));
    });
    await root.locator('[data-nn-button="train"]').filter({ hasText: /^Train$/ }).waitFor({ timeout: 120_000 });
    const { t, knobs } = await compare(`Train from ${from}`);
    const epochs = Number(t["epochs:"]);
    if (!(epochs > 0 && epochs <= data.maxEpochs)) c.fail(`Train from ${from} ran ${t["epochs:"]} epochs`);
    const net = replay(epochs);
    close(`after ${epochs} epochs of Train from ${from}`, knobs, net, 0.01);
    const loss = evaluate(net, data.samples, data.loss).loss;
    if (epochs < data.maxEpochs && !(Number(t["loss:#"]) < data.stopBelow)) c.fail(`Train stopped after ${epochs} epochs with the loss ${t["loss:#"]}, above ${data.stopBelow}`);
    if (epochs === data.maxEpochs && !(Math.abs(Number(t["loss:#"]) - loss) <= 1e-6)) c.fail(`after ${epochs} epochs the loss is ${t["loss:#"]}, but the engine gives ${loss}`);
  }

  // The challenge, by hand: after Reset, move the sliders one by one to settings that reach each
  // target in turn; the widget must tick each target when (and only when) the loss goes below it.
  if (!challenge.goals.length) return;
  await root.locator('[data-nn-button="reset"]').click();
  challenge.byHand = true;
  await compare("Reset, before the challenge");
  const settings = handSettings(data);
  if (settings.length < challenge.goals.length) c.fail(`no slider setting found that reaches target ${settings.length + 1}`);
  for (const [n, knobs] of settings.entries()) {
    for (let k = 0; k < count; k++) {
      await setSlider(root, `p-${k}`, knobs[k]);
      await compare(`setting slider ${k} for target ${n + 1}`);
    }
    if (!challenge.reached[n]) c.fail(`the sliders at ${knobs.join(", ")} do not reach target ${n + 1}`);
  }
  if (!challenge.reached.every(Boolean)) c.fail("the challenge test did not reach every target");
}

// ── The training inspector ──────────────────────────────────────────────────────────────────────

const f4 = (x: number) => formatNumber(x, 4);

async function checkInspector(page: Page, root: Locator, data: InspectorData, c: Checker): Promise<void> {
  const history = train(copyNetwork(data.network), data.samples, { epochs: data.epochs, learningRate: data.learningRate, loss: "crossEntropy", method: "batch", snapshotEpochs: "all" });
  const nets = history.snapshots.map((s) => s.network);
  const trained = nets[nets.length - 1];
  const sizes = [trained.inputSize, ...trained.layers.map((l) => l.biases.length)];
  const views: [number, number][] = [[0, 0], [1, 5], [37, 13], [data.epochs, data.samples.length - 1]];
  for (const [e, n] of views) {
    await setSlider(root, "epoch", e);
    // The slider numbers samples from 1; n is the sample's place in the list.
    await setSlider(root, "sample", n + 1);
    const net = nets[e];
    const s = data.samples[n];
    const trace = forward(net, s.input);
    const score = evaluate(net, data.samples, "crossEntropy");
    const where = `epoch ${e}, sample ${n + 1}`;
    let t = await readTexts(root);
    const name = data.sampleNames[n];
    c.same(`${where}: the sample line`, t["sample-info:"], `sample ${n + 1}: ${data.classNames[s.target.indexOf(1)]}${name ? ` (${name})` : ""}`);
    c.same(`${where}: the epoch line`, t["epoch-info:"], `epoch ${e} of ${data.epochs} · mean loss ${lossText(score.loss)} · ${Math.round(score.accuracy * data.samples.length)} of ${data.samples.length} right`);
    trace.layers.forEach((layer, l) => layer.activations.forEach((a, j) => c.same(`${where}: neuron ${l + 1}-${j}`, t[`value:${l + 1}-${j}`], fixed(a, 2))));
    data.classNames.forEach((name, k) => c.same(`${where}: output label ${k}`, t[`output-label:${k}`], `${name}  ${percent(trace.output[k])}`));

    // A hidden neuron: its 25 terms, their sum, plus the bias, the sigmoid.
    const j = (e + n) % sizes[1];
    await root.locator(`[data-nn-node="1-${j}"]`).click();
    t = await readTexts(root);
    const hidden = neuronSteps({ weights: net.layers[0].weights[j], bias: net.layers[0].biases[j], activation: "identity" }, s.input);
    hidden.products.forEach((term, i) => c.same(`${where}: hidden ${j}'s term ${i}`, t[`term:${i}`], `${f4(net.layers[0].weights[j][i])} × ${f4(s.input[i])} = ${f4(term)}`));
    c.same(`${where}: hidden ${j}'s sum`, t["line:sum"], `sum of the ${sizes[0]} terms = ${f4(hidden.weightedSum)}`);
    const b = net.layers[0].biases[j];
    c.same(`${where}: hidden ${j}'s z`, t["line:z"], `z = ${f4(hidden.weightedSum)} + ${b < 0 ? `(${f4(b)})` : f4(b)} = ${f4(hidden.preActivation)}   (the sum plus the bias ${f4(b)})`);
    const a = trace.layers[0].activations[j];
    c.same(`${where}: hidden ${j}'s a`, t["line:a"], `a = σ(${f4(hidden.preActivation)}) = 1 / (1 + e^(${f4(-hidden.preActivation)})) = ${f4(a)}`);

    // An output neuron: its terms, then softmax over all outputs, then the sample's loss.
    const k = (e + 2 * n) % sizes[2];
    await root.locator(`[data-nn-node="2-${k}"]`).click();
    t = await readTexts(root);
    const h = trace.layers[0].activations;
    net.layers[1].weights[k].forEach((w, i) => c.same(`${where}: output ${k}'s term ${i}`, t[`term:${i}`], `h${"₀₁₂₃₄₅₆₇₈₉"[i + 1]}: ${f4(w)} × ${f4(h[i])} = ${f4(w * h[i])}`));
    softmaxWorking(trace.layers[1].preActivations, 3).forEach((line, m) => c.same(`${where}: softmax line ${m}`, t[`line:softmax-${m}`], line));
    const target = argmax(s.target);
    c.same(`${where}: the sample's loss`, t["line:loss"], `this sample's loss: −ln(${f4(trace.output[target])}) = ${f4(-Math.log(trace.output[target]))}   (the probability of the right answer, ${data.classNames[target]})`);

    // Two connections: a pixel's weight into a hidden neuron, and a hidden neuron's weight into an output.
    for (const [L, jj, ii] of [[1, j, (3 * e + n) % sizes[0]], [2, k, j]] as const) {
      const clicked = await clickLine(page, root, `[data-nn-edge="${L}-${jj}-${ii}"]`);
      if (!clicked) {
        await root.locator(`[data-nn-edge="${L}-${jj}-${ii}"]`).dispatchEvent("click");
      }
      t = await readTexts(root);
      const gradients = data.samples.map((sm) => backward(net, forward(net, sm.input), sm.target, "crossEntropy"));
      const gs = gradients.map((g) => g.gradients[L - 1].weights[jj][ii]);
      gradients.forEach((g, m) => {
        const t2 = forward(net, data.samples[m].input);
        const input = L === 1 ? t2.input[ii] : t2.layers[0].activations[ii];
        c.same(`${where}: weight ${L}-${jj}-${ii}, sample ${m + 1}'s gradient`, t[`gradient:${m}`], `${m + 1}: ${f4(g.blame[L - 1][jj])} × ${f4(input)} = ${f4(gs[m])}`);
      });
      averagedUpdateWorking(net.layers[L - 1].weights[jj][ii], data.learningRate, gs, 4).forEach((line, m) => c.same(`${where}: weight ${L}-${jj}-${ii}, update line ${m}`, t[`line:update-${m}`], line));
      c.same(
        `${where}: weight ${L}-${jj}-${ii}, the check`,
        t["line:check"],
        e < data.epochs ? `✓ after the update (epoch ${e + 1}) the weight is ${f4(nets[e + 1].layers[L - 1].weights[jj][ii])}` : `Training stopped after ${data.epochs} updates, so this step was never taken.`,
      );
    }
  }

  // Draw a digit: a one down the middle, then the copy of a sample.
  const side = data.side;
  await root.locator('[data-nn-button="clear"]').click();
  const one = [2, 7, 12, 17, 22, 6, 21, 23].filter((p) => p < side * side);
  for (const p of one) await root.locator(`[data-nn-pad-cell="${p}"]`).click();
  const drawn = Array.from({ length: side * side }, (_, p) => (one.includes(p) ? 1 : 0));
  const compareDrawing = async (what: string, pixels: number[]) => {
    const t = await readTexts(root);
    const p = forward(trained, pixels).output;
    p.forEach((v, k) => c.same(`the drawing (${what}): probability of ${data.classNames[k]}`, t[`probability:${k}`], percent(v)));
    c.same(`the drawing (${what}): the answer`, t["reading:"], `Its answer: ${data.classNames[argmax(p)]} (${percent(p[argmax(p)])}).`);
  };
  await compareDrawing("a one", drawn);
  // Dragging paints too.
  await root.locator('[data-nn-button="clear"]').click();
  const first = await root.locator('[data-nn-pad-cell="5"]').boundingBox();
  const last = await root.locator('[data-nn-pad-cell="9"]').boundingBox();
  if (first && last) {
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
    await page.mouse.down();
    await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2, { steps: 12 });
    await page.mouse.up();
    await compareDrawing("a dragged bar", Array.from({ length: side * side }, (_, p) => (p >= 5 && p <= 9 ? 1 : 0)));
  }
  await setSlider(root, "sample", 4);
  await root.locator('[data-nn-button="copy"]').click();
  await compareDrawing("sample 4", data.samples[3].input);

  // Play moves through the epochs.
  await setSlider(root, "epoch", 0);
  await root.locator('[data-nn-button="play"]').click();
  await page.waitForTimeout(700);
  await root.locator('[data-nn-button="play"]').click();
  const epoch = Number((await readTexts(root))["readout:epoch"]);
  if (!(epoch > 0)) c.fail(`Play did not move the epoch (it shows ${epoch})`);
}

// ── The boundary over time ──────────────────────────────────────────────────────────────────────

async function checkBoundary(root: Locator, data: BoundaryData, c: Checker): Promise<void> {
  const history = train(copyNetwork(data.network), data.samples, { ...data.training, snapshotEpochs: "all" });
  const nets = history.snapshots.map((s) => s.network);
  const logged = history.records.map((r) => r.loss);
  // The loss shown is the loss of the answers shown: that epoch's weights, frozen.
  const count = data.training.lossReport === "sum" ? data.samples.length : 1;
  const losses = nets.map((net) => evaluate(net, data.samples, data.training.loss).loss * count);
  const epochs = data.training.epochs;
  const expectedLine = (e: number) =>
    `${e < epochs ? `the weights at the start of epoch ${e}` : `the weights after all ${epochs} epochs (0 to ${epochs - 1})`}: these answers' ${data.lossLabel} ${lossText(losses[e])}` +
    (data.training.method !== "batch" && e < epochs ? `; logged during epoch ${e}, while the weights moved: ${lossText(logged[e])}` : "");
  const compare = async (after: string) => {
    const t = await readTexts(root);
    const e = Number(t["readout:epoch"]);
    if (!Number.isInteger(e) || !nets[e]) {
      c.fail(`after ${after}, the epoch shows ${JSON.stringify(t["readout:epoch"])}`);
      return -1;
    }
    data.samples.forEach((s, k) => c.same(`after ${after} (epoch ${e}), the answer for (${s.input})`, t[`answer:${k}`], fixed(predict(nets[e], s.input)[0], 3)));
    c.same(`after ${after}, the epoch line`, t["epoch-info:"], expectedLine(e));
    return e;
  };
  const contour = () => root.locator("[data-nn-contour]").getAttribute("d");
  await compare("loading");
  for (const position of [180, 430, 520, 640, 1000]) {
    await setSlider(root, "epoch", position);
    await compare(`moving the epoch slider to ${position}`);
  }
  await setSlider(root, "epoch", 500);
  const before = await compare("moving the epoch slider to 500");
  await root.locator('[data-nn-button="forward"]').click();
  const after = await compare("+ 1 epoch");
  if (after !== before + 1) c.fail(`+ 1 epoch went from ${before} to ${after}`);
  await pressSlider(root, "epoch", "ArrowLeft", 4);
  await compare("pressing ← four times");
  if (!(await contour())) c.fail("no decision boundary is drawn");
  if (!(await root.locator("[data-nn-key]").count())) c.fail("the colours have no key");
  // The loss chart reaches down to the smallest loss (no floor that flattens the curve).
  const smallest = Math.min(...losses.filter((l) => l > 0));
  const bottomTick = await root.locator(".nnw-axis text").allTextContents();
  if (smallest < 1e-6 && !bottomTick.some((text) => /10⁻([⁷⁸⁹]|[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹])$/.test(text))) c.fail(`the loss falls to ${smallest}, but the loss chart's axis does not go below 10⁻⁶: ${bottomTick.join(" ")}`);
  await setSlider(root, "epoch", 0);
  await root.locator('[data-nn-button="play"]').click();
  await root.locator('[data-nn-button="play"]').filter({ hasText: "Play" }).waitFor({ timeout: 60_000 });
  const end = await compare("Play to the end");
  if (end !== data.training.epochs) c.fail(`Play stopped at epoch ${end}, not ${data.training.epochs}`);
}

// ── Pages ───────────────────────────────────────────────────────────────────────────────────────

interface PageCheck {
  name: string;
  url: string;
  /** Check every widget's numbers (otherwise only that the page loads and its widgets start). */
  deep: boolean;
  /** Take an element screenshot of each widget as `${shots}-<k>.png`. */
  shots?: string;
  theme?: "light" | "dark";
  /** A page whose scripts were removed: its widgets must show their still figure instead. */
  still?: boolean;
}

async function checkPage(context: BrowserContext, check: PageCheck, run: WidgetRun): Promise<void> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console error: ${m.text()}`);
    if (m.type() === "warning" && /interactive figure could not start/.test(m.text())) errors.push(`a widget did not start: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  page.on("dialog", (d) => {
    errors.push(`a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  try {
    await page.emulateMedia({ colorScheme: check.theme ?? "light" });
    await page.goto(check.url);
    const html = await page.content();
    const roots = page.locator("[data-nn-widget]");
    const count = await roots.count();
    if (!check.still) await page.waitForFunction((n) => document.querySelectorAll("[data-nn-live]").length >= n, count, { timeout: 15_000 }).catch(() => undefined);
    const live = await page.locator("[data-nn-live]").count();
    const scripts = html.match(/<script>/g)?.length ?? 0;
    if (check.still) {
      const shown = await page.locator("[data-nn-fallback] svg").evaluateAll((svgs) => svgs.filter((s) => s.getBoundingClientRect().width > 50).length);
      if (count === 0 || live !== 0 || scripts !== 0 || shown === 0) run.problems.push(`${check.name}: without scripts, ${count} widgets show ${shown} still figures (and ${live} started)`);
    } else {
      if (live !== count) run.problems.push(`${check.name}: ${live} of ${count} widgets started`);
      if (scripts !== count) run.problems.push(`${check.name}: ${scripts} scripts for ${count} widgets`);
    }
    for (let k = 0; k < count; k++) {
      const root = roots.nth(k);
      const id = (await root.getAttribute("data-nn-widget")) ?? "";
      const kind = id.split("-")[1];
      run.widgets.push({ page: check.name, kind });
      if (check.deep) {
        const raw = await root.evaluate((el) => el.querySelector("script")?.textContent ?? "");
        const data = dataOf(raw);
        const checker = new Checker(`${check.name}, widget ${k + 1} (${kind})`);
        if (kind === "playground") await checkPlayground(root, data as PlaygroundData, checker);
        else if (kind === "fit") await checkFit(root, data as FitData, checker);
        else if (kind === "inspector") await checkInspector(page, root, data as InspectorData, checker);
        else if (kind === "boundary") await checkBoundary(root, data as BoundaryData, checker);
        else checker.fail(`unknown widget kind ${kind}`);
        run.problems.push(...checker.problems);
        run.checks += checker.checks;
      }
      if (check.shots) {
        const path = `${check.shots}${count > 1 ? `-${k + 1}` : ""}.png`;
        await root.scrollIntoViewIfNeeded();
        await root.screenshot({ path });
        run.screenshots.push(path);
      }
    }
  } catch (e) {
    run.problems.push(`${check.name}: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    for (const e of errors) run.problems.push(`${check.name}: ${e}`);
    await page.close();
  }
}

/** The page with hostile labels: each label shows as text, nothing runs. */
async function checkEscaping(context: BrowserContext, url: string, run: WidgetRun): Promise<void> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("dialog", (d) => {
    problems.push(`escaping: a dialog opened (${d.message()}): a label ran as a script`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => problems.push(`escaping: uncaught: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`escaping: console error: ${m.text()}`));
  await page.goto(url);
  const count = await page.locator("[data-nn-widget]").count();
  await page.waitForFunction((n) => document.querySelectorAll("[data-nn-live]").length >= n, count, { timeout: 15_000 }).catch(() => undefined);
  const found = await page.evaluate((label) => {
    const roots = Array.from(document.querySelectorAll("[data-nn-live]"));
    return { live: roots.length, withLabel: roots.filter((r) => (r.textContent ?? "").includes(label)).length, scripts: document.querySelectorAll("script").length };
  }, hostileLabel);
  run.checks += 3;
  if (found.live !== count) problems.push(`escaping: ${found.live} of ${count} widgets started`);
  if (found.withLabel !== count) problems.push(`escaping: the label shows as text in ${found.withLabel} of ${count} widgets`);
  if (found.scripts !== count) problems.push(`escaping: ${found.scripts} script elements for ${count} widgets (a label became a script)`);
  mkdirSync(widgetShotsFolder, { recursive: true });
  const path = join(widgetShotsFolder, "escaping.png");
  await page.screenshot({ path, fullPage: true });
  run.screenshots.push(path);
  run.problems.push(...problems);
  await page.close();
}

/**
 * Checks the widgets on generated test pages and on the given site pages (`deep` ones number by
 * number, the rest for loading and starting), in one headless Chromium.
 */
export async function checkWidgetPages(site: { deep: string[]; shallow: string[] }): Promise<WidgetRun> {
  const started = Date.now();
  const run: WidgetRun = { problems: [], checks: 0, widgets: [], screenshots: [], ms: 0 };
  const pages = writeWidgetPages();
  mkdirSync(widgetShotsFolder, { recursive: true });
  const shot = (name: string) => join(widgetShotsFolder, name);
  await withBrowser(async (context) => {
    for (const [name, path] of Object.entries(pages)) {
      if (name === "escaping") continue;
      const dark = name.endsWith("-dark");
      const still = name.endsWith("-still");
      await checkPage(context, { name: `build/widgets/${name}.html`, url: pathToFileURL(path).href, deep: !dark && !still, still, shots: shot(name), theme: dark ? "dark" : "light" }, run);
    }
    await checkEscaping(context, pathToFileURL(pages.escaping).href, run);
    for (const path of site.deep) {
      const name = basename(path, ".html");
      await checkPage(context, { name: `build/site/${name}.html`, url: pathToFileURL(path).href, deep: true, shots: shot(`site-${name}`) }, run);
      await checkPage(context, { name: `build/site/${name}.html (dark)`, url: pathToFileURL(path).href, deep: false, shots: shot(`site-${name}-dark`), theme: "dark" }, run);
    }
    for (const path of site.shallow) await checkPage(context, { name: `build/site/${basename(path)}`, url: pathToFileURL(path).href, deep: false }, run);
    // A look at the table of contents.
    const index = site.shallow.find((p) => basename(p) === "index.html");
    if (index) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(index).href);
      await page.screenshot({ path: shot("site-index.png"), fullPage: true });
      run.screenshots.push(shot("site-index.png"));
      await page.close();
    }
  });
  run.ms = Date.now() - started;
  return run;
}
