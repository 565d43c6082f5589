// The engine's two reference runs, and the XOR article's Python program timed in the same run.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  PythonRandom,
  createNetwork,
  digitSamples,
  he,
  parseDigitImages,
  train,
  uniformIn,
  xorData,
  zeros,
} from "../../lib/engine";
import { Measurement, measure, median } from "./harness";

function xorRun(): void {
  const net = createNetwork({ sizes: [2, 8, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(7) });
  train(net, xorData(), { epochs: 3001, learningRate: 0.1, loss: "squaredError", method: "sample", lossReport: "sum" });
}

const digits = digitSamples(parseDigitImages(readFileSync("assets/digits.txt", "utf8")));
function digitsRun(): void {
  const net = createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(0) });
  train(net, digits, { epochs: 100, learningRate: 1.2, loss: "crossEntropy", method: "batch" });
}

/** Times the article's program inside Python (interpreter start-up excluded), `runs` times. */
function pythonXor(runs: number): number | undefined {
  const article = "../shared/seeds/000_86678423bad16d51.txt";
  if (!existsSync(article)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const program = join(dir, "nn.py");
  const text = readFileSync(article, "utf8");
  const start = text.indexOf("import random\n");
  const endMarker = '(target {target})")';
  const end = text.indexOf(endMarker, start) + endMarker.length;
  writeFileSync(program, text.slice(start, end) + "\n");
  const timer = `import io, runpy, sys, time\nt = time.perf_counter()\nsys.stdout = io.StringIO()\nrunpy.run_path(${JSON.stringify(program)})\nsys.stdout = sys.__stdout__\nprint(time.perf_counter() - t)`;
  try {
    const times = Array.from({ length: runs }, () => Number(execFileSync("python3", ["-c", timer], { encoding: "utf8" }).trim()) * 1000);
    return median(times);
  } catch {
    return undefined;
  }
}

export function engineBenchmarks(): Measurement[] {
  const xor = measure("XOR 2→8→1, 3001 epochs per-sample (engine)", xorRun, 15, 3);
  const dig = measure("digits 25→8→3, 100 full-batch epochs (engine)", digitsRun, 15, 3);
  const rows = [xor, dig];
  const py = pythonXor(5);
  if (py !== undefined) {
    rows.push({ name: "XOR article program (python3)", medianMs: py, runs: 5, extra: { "engine is faster by": `${(py / xor.medianMs).toFixed(1)}×` } });
  } else {
    rows.push({ name: "XOR article program (python3)", medianMs: NaN, runs: 0, extra: { skipped: "python3 or ../shared/seeds not found" } });
  }
  return rows;
}
