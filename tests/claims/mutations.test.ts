// The proof that the checks of every new kind bite: a seeded sample of changes per kind (a swapped sign,
// a dropped term or a wrong result in a worked line, a changed number word, a direction word swapped for
// its opposite, a changed digit in a caption or a comment), each made alone in a copy of its cell, and
// each must be caught. Worked lines check themselves, so their changes run on every notebook; the other
// kinds run where claims cover them (the fixture notebook declares every kind; a course notebook joins
// in as its claims file declares them, and fully once it says c.strict()).
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { NotebookClaims, notebookProblem, notebookTitle } from "../../lib/tools/claims/define";
import { loadClaims } from "../../lib/tools/claims/load";
import { readNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks, repoRoot } from "../../lib/tools/notebooks/list";
import fixtureClaims from "../fixtures/claims/a-neuron-learns.claims";
import { selectedNotebooks } from "../notebooks/selection";
import { MutationKind, candidates, missedMutations, mutationKinds, nextNumberWord, sample, stillHolds } from "./mutations";

/** Changes tried per kind in each course notebook, and in the fixture. */
const perNotebook = 6;
const inFixture = 12;
const seed = 19;

describe("the mutation harness", () => {
  it("changes number words to the next one and judges plain lines by JavaScript's arithmetic", () => {
    expect(["three", "Two", "twenty", "twice", "two hundred", "doubles"].map(nextNumberWord)).toEqual(["four", "Three", "thirty", "three times", "three hundred", "triples"]);
    expect([stillHolds("(3 × 0) − (1 × 0) = 0"), stillHolds("(3 + 2) + (1 × 5) = 11"), stillHolds("12,560 + 272 + 170 = 13,002"), stillHolds("1 + tanh(0)² = 1"), stillHolds("e^−0.3 = 0.741")]).toEqual([true, false, true, true, undefined]);
  });
});

describe("changing a statement of any kind", () => {
  const tried = new Map<MutationKind, number>(mutationKinds.map((k) => [k, 0]));
  const sources: { name: string; path: string; claims: () => Promise<NotebookClaims | undefined>; count: number }[] = [
    ...selectedNotebooks().map((path) => ({ name: basename(path), path, claims: () => loadClaims(path), count: perNotebook })),
    { name: "a-neuron-learns.ipynb (fixture)", path: join(repoRoot, "tests/fixtures/claims/a-neuron-learns.ipynb"), claims: async () => fixtureClaims, count: inFixture },
  ];
  for (const { name, path, claims: load, count } of sources) {
    it(`${name}: is caught every time`, async () => {
      const nb = readNotebook(path);
      const claims = await load();
      const missed: string[] = [];
      const counts: string[] = [];
      for (const kind of mutationKinds) {
        const chosen = sample(candidates(nb, claims, kind), count, seed);
        tried.set(kind, tried.get(kind)! + chosen.length);
        counts.push(`${kind} ${chosen.length}`);
        for (const m of missedMutations(nb, claims, basename(path), chosen)) missed.push(`${kind}: cell ${m.cellIndex + 1}: ${m.label}`);
      }
      console.log(`${name}: caught ${counts.join(", ")}`);
      expect(missed).toEqual([]);
    });
  }
  // A count over the whole course: with some notebooks selected (COURSE_NOTEBOOKS) a kind may have fewer.
  it.skipIf(selectedNotebooks().length < courseNotebooks().length)("tries at least 10 changes of every kind", () => {
    expect(Object.fromEntries([...tried].filter(([, n]) => n < 10))).toEqual({});
  });
});

// A renumbering: every notebook a claims file names (c.notebook(n, title words)), moved to each other
// number the course has, must fail, so that "notebook 12" cannot silently come to mean another lesson.
describe("naming a notebook by another number", () => {
  const numbers = Array.from({ length: 100 }, (_, n) => n).filter((n) => notebookTitle(n) !== undefined);
  it("is caught for every notebook the claims name, at every other number", async () => {
    const missed: string[] = [];
    let tried = 0;
    for (const path of selectedNotebooks()) {
      const claims = await loadClaims(path);
      for (const { n, title } of claims?.notebookRefs ?? []) {
        expect(notebookProblem(n, title), `${basename(path)}: notebook ${n}, "${title}"`).toBeUndefined();
        for (const other of numbers.filter((m) => m !== n)) {
          tried++;
          if (notebookProblem(other, title) === undefined) missed.push(`${basename(path)}: "${title}" passes as notebook ${other} (it is ${n})`);
        }
      }
    }
    console.log(`wrong notebook numbers: ${tried - missed.length} of ${tried} caught`);
    expect(tried).toBeGreaterThanOrEqual(10);
    expect(missed).toEqual([]);
  });
});
