// Answer keys for notebook 16's exercises. Their reference answers are second implementations, written
// another way than the exercises suggest; the notebook adds its own data as extra cases.
import { argmax } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** The share on the diagonal, summed column by column. */
function accuracy(counts: number[][]): number {
  let total = 0;
  let right = 0;
  for (let c = 0; c < counts.length; c++) {
    for (let r = 0; r < counts.length; r++) {
      total += counts[r][c];
      if (r === c) right += counts[r][c];
    }
  }
  return right / total;
}

/** The first position of the lowest value among the first `end` values. */
function lowestUpTo(values: number[], end: number): number {
  let best = 0;
  for (let e = 1; e < end; e++) if (values[e] < values[best]) best = e;
  return best;
}

/**
 * Early stopping as a search: the first epoch s that comes `patience` epochs after the best epoch up to s
 * is where training stops, and the best epoch up to s is kept; with no such s, the best epoch of all.
 */
function keptEpoch(losses: number[], patience: number): number {
  for (let s = 0; s < losses.length; s++) {
    const best = lowestUpTo(losses, s + 1);
    if (s - best >= patience) return best;
  }
  return lowestUpTo(losses, losses.length);
}

/** The epoch where the loop stops (the wrong thing to return: it is `patience` epochs past the best). */
function stoppedAt(losses: number[], patience: number): number {
  for (let s = 0; s < losses.length; s++) if (s - lowestUpTo(losses, s + 1) >= patience) return s;
  return losses.length - 1;
}

/** Among the wrong answers, the position of the one with the highest top probability; −1 if none is wrong. */
function surestMistake(probabilities: number[][], labels: number[]): number {
  const wrong = probabilities.map((p, n) => ({ n, top: Math.max(...p), right: argmax(p) === labels[n] })).filter((w) => !w.right);
  if (!wrong.length) return -1;
  return wrong.reduce((best, w) => (w.top > best.top ? w : best)).n;
}

const shape = (rows: unknown[]) => `a ${rows.length} × ${rows.length} table`;

export const keys: ExerciseKey[] = [
  {
    id: "16.1",
    name: "accuracyFromCounts",
    cases: () => [[[[3, 1], [2, 4]]], [[[5, 0, 0], [1, 2, 1], [0, 3, 8]]], [[[0, 6], [4, 0]]]],
    answer: (counts: number[][]) => accuracy(counts),
    call: (counts: number[][]) => (counts.length > 3 ? `accuracyFromCounts(${shape(counts)})` : `accuracyFromCounts(${JSON.stringify(counts).replace(/,/g, ", ")})`),
    hint: "the right answers are on the diagonal, counts[r][r]; divide their sum by the number of samples in the whole table.",
    mistakes: [
      {
        answer: (counts: number[][]) => counts.reduce((s, row, r) => s + row[r], 0),
        hint: "your function returns how many samples are right. The accuracy is a share: divide by the number of samples in the whole table.",
      },
    ],
  },
  {
    id: "16.2",
    name: "epochToKeep",
    cases: () => [
      [[2.4, 0.38, 0.32, 0.26, 0.27, 0.25, 0.26, 0.27, 0.28], 2],
      [[2.4, 0.38, 0.32, 0.26, 0.27, 0.25, 0.26, 0.27, 0.28], 3],
      [[1, 0.9, 0.95, 0.97, 0.5], 2],
      [[1, 0.8, 0.6, 0.4], 2],
      [[0.5, 0.5, 0.5], 2],
    ],
    answer: (losses: number[], patience: number) => keptEpoch(losses, patience),
    call: (losses: number[], patience: number) => (losses.length > 9 ? `epochToKeep(a list of ${losses.length} test losses, ${patience})` : `epochToKeep([${losses.join(", ")}], ${patience})`),
    hint: "go through the losses in order and remember the best (lowest) one so far and its epoch. Count the epochs since the best; when that count reaches the patience, stop and return the best epoch. A loss equal to the best is not an improvement.",
    mistakes: [
      { answer: (losses: number[], patience: number) => stoppedAt(losses, patience), hint: "your function returns the epoch where training stops. Return the epoch whose weights you keep: the best one, `patience` epochs earlier." },
      { answer: (losses: number[]) => lowestUpTo(losses, losses.length), hint: "your function finds the lowest loss of the whole list. Early stopping never sees the epochs after it stops: stop as soon as `patience` epochs in a row bring no new best." },
    ],
  },
  {
    id: "16.3",
    name: "mostConfidentMistake",
    cases: () => [
      [[[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]], [0, 0, 1]],
      [[[0.7, 0.3], [0.1, 0.9]], [0, 1]],
      [[[0.3, 0.3, 0.4], [0.05, 0.15, 0.8], [0.1, 0.85, 0.05]], [2, 0, 0]],
    ],
    answer: (probabilities: number[][], labels: number[]) => surestMistake(probabilities, labels),
    call: (probabilities: number[][], labels: number[]) =>
      probabilities.length > 4 ? `mostConfidentMistake(the probabilities of ${probabilities.length} samples, their ${labels.length} labels)` : `mostConfidentMistake(${JSON.stringify(probabilities).replace(/,/g, ", ")}, [${labels.join(", ")}])`,
    hint: "first find each sample's answer (the position of its largest probability) and skip the samples where it equals the label; among the rest, keep the one with the largest top probability.",
    mistakes: [
      {
        answer: (probabilities: number[][], labels: number[]) => {
          const wrong = probabilities.map((p, n) => ({ n, p: p[labels[n]], right: argmax(p) === labels[n] })).filter((w) => !w.right);
          return wrong.length ? wrong.reduce((best, w) => (w.p < best.p ? w : best)).n : -1;
        },
        hint: "your function picks the mistake whose right label got the least probability. The surest mistake is the one whose answer (its largest probability) is highest.",
      },
    ],
  },
];
