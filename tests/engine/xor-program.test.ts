// The XOR article's Python program, re-created with the engine, must print exactly what Python prints.
// tests/fixtures/xor-program.out is that program's real output (tests/fixtures/xor-program.sh made it).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PythonRandom, createNetwork, predict, train, uniformIn, xorData } from "../../lib/engine";

const fixture = readFileSync("tests/fixtures/xor-program.out", "utf8");
const loggedEpochs = [0, 20, 40, 60, 80, 100, 500, 1500, 3000];

/** Python's f"{x:+.3f}". */
function signed3(x: number): string {
  const s = x.toFixed(3);
  return s.startsWith("-") ? s : `+${s}`;
}

/** Python's f"{x}" for the floats 0.0 and 1.0 in the data. */
function pyFloat(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

function trainLikeTheProgram() {
  const rng = new PythonRandom(7);
  const net = createNetwork(
    { sizes: [2, 8, 1], activations: ["relu", "identity"] },
    { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng },
  );
  const history = train(net, xorData(), { epochs: 3001, learningRate: 0.1, loss: "squaredError", method: "sample", lossReport: "sum" });
  return { net, history };
}

function runWithEngine(): string {
  const rng = new PythonRandom(7);
  const net = createNetwork(
    { sizes: [2, 8, 1], activations: ["relu", "identity"] },
    { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng },
  );
  const data = xorData();
  const lines: string[] = [];
  train(net, data, {
    epochs: 3001,
    learningRate: 0.1,
    loss: "squaredError",
    method: "sample",
    lossReport: "sum",
    onEpoch: (record) => {
      if (loggedEpochs.includes(record.epoch)) {
        lines.push(`epoch ${String(record.epoch).padStart(4)}  loss ${record.loss.toFixed(4)}`);
      }
    },
  });
  lines.push("", "learned predictions:");
  for (const { input, target } of data) {
    lines.push(`  (${input.map(pyFloat).join(", ")}) -> ${signed3(predict(net, input)[0])}   (target ${pyFloat(target[0])})`);
  }
  return lines.join("\n") + "\n";
}

describe("the XOR article's program, re-run with the engine", () => {
  it("prints exactly what the Python program printed", () => {
    expect(runWithEngine()).toBe(fixture);
  });

  it("matches the program's full-precision numbers bit for bit", () => {
    const full = readFileSync("tests/fixtures/xor-program-full.out", "utf8").trim().split("\n");
    const { net, history } = trainLikeTheProgram();
    for (const epoch of loggedEpochs) {
      const line = full.find((l) => l.startsWith(`${epoch} `))!;
      expect(history.records[epoch].loss).toBe(Number(line.split(" ")[1]));
    }
    const predictions = full.filter((l) => l.includes("->")).map((l) => Number(l.split("->")[1].trim().split(" ")[0]));
    expect(xorData().map((s) => predict(net, s.input)[0])).toEqual(predictions);
  });

  it("gives bit-identical results when run twice with the same seed", () => {
    expect(runWithEngine()).toBe(runWithEngine());
  });

  const article = "../shared/seeds/000_86678423bad16d51.txt";
  it.skipIf(!existsSync(article))("has a fixture that is still what the Python program prints", () => {
    const out = execFileSync("bash", ["tests/fixtures/xor-program.sh"], { encoding: "utf8" });
    expect(out).toBe(fixture);
  });
});
