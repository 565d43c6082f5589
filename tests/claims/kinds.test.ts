// The new kinds of statement, each on small hand-made texts and notebooks whose answers are worked out by
// hand: numbers in words, direction words, a code cell's comments and shown strings, values read from a
// cell's stored output, givens tied to code, and c.strict().
import { describe, expect, it } from "vitest";
import { checkNotebook, reportMessages } from "../../lib/tools/claims/check";
import { numericLiterals, readableCode } from "../../lib/tools/claims/code-text";
import { claimsFor, itemAt, notebookProblem, notebookTitle } from "../../lib/tools/claims/define";
import { directionOf, findDirectionWords, findPhrase } from "../../lib/tools/claims/directions";
import { readPrinted } from "../../lib/tools/claims/outputs";
import { findNumberWords } from "../../lib/tools/claims/words";
import { Cell, Notebook } from "../../lib/tools/notebooks/ipynb";

const words = (text: string) => findNumberWords(text).map((w) => [w.text, w.value]);

describe("numbers in words", () => {
  it("reads a number word before a countable noun of the course, also after describing words", () => {
    expect(words("A neuron with three inputs.")).toEqual([["three", 3]]);
    expect(words("It has two hidden neurons and ten more hand-drawn digits.")).toEqual([["two", 2], ["ten", 10]]);
    expect(words("Three of the eight neurons fire.")).toEqual([["Three", 3], ["eight", 8]]);
  });

  it("reads compounds, fractions and factor words", () => {
    expect(words("two hundred draws, twenty-four pixels")).toEqual([["two hundred", 200], ["twenty-four", 24]]);
    expect(words("two thirds of the time")).toEqual([["two thirds", 2 / 3]]);
    expect(words("twice as hard, ten times the miss, a half")).toEqual([["twice", 2], ["ten", 10], ["half", 0.5]]);
    expect(words("a one-input neuron")).toEqual([["one", 1]]);
  });

  it("leaves out order words, counts of the text itself and separated words", () => {
    expect(words("The first step, the second layer.")).toEqual([]);
    expect(words("Three things to notice. Two reasons.")).toEqual([]);
    expect(words("We used three. Inputs come next.")).toEqual([]);
    expect(words("half squared error")).toEqual([]);
    // A name in code is not a quantity: "function double(x)", "double(3)"; the word "twice" is.
    expect(words("function double(x: number) returns twice x: double(3) is 6")).toEqual([["twice", 2]]);
  });
});

describe("direction words", () => {
  it("knows each word's sense and its opposite", () => {
    expect(directionOf("down")).toEqual({ sign: -1, opposite: "up" });
    expect(directionOf("Bigger")).toEqual({ sign: 1, opposite: "Smaller" });
    expect(directionOf("sideways")).toBeUndefined();
  });

  it("finds the words that state a direction, and phrases such as 'goes up' and 'more than'", () => {
    const found = findDirectionWords("The loss falls, the weight goes up, more than before, and the slope is steeper.");
    expect(found.map((d) => d.word)).toEqual(["falls", "up", "more", "steeper"]);
    // "back" between the verb and its direction: the curve comes back down.
    expect(findDirectionWords("The curve climbs, then comes back down; the weights go back up.").map((d) => d.word)).toEqual(["climbs", "down", "up"]);
    expect(findDirectionWords("Go back to the start, then go over it.")).toEqual([]);
  });

  it("finds a declared phrase with either word of the pair, across emphasis and line breaks", () => {
    expect(findPhrase("So the loss goes **down**.", "the loss goes [down]").map((m) => m.word)).toEqual(["down"]);
    expect(findPhrase("So the loss\ngoes up.", "the loss goes [down]").map((m) => m.word)).toEqual(["up"]);
    expect(findPhrase("The loss goes sideways.", "the loss goes [down]")).toEqual([]);
    // Punctuation right after the word: "keeps falling, with" and "keeps rising, with".
    expect(findPhrase("the loss keeps rising, with a few wobbles", "keeps [falling], with").map((m) => m.word)).toEqual(["rising"]);
    expect(findPhrase("the loss keeps rising with a few wobbles", "keeps [falling], with")).toEqual([]);
    expect(() => findPhrase("x", "the loss goes down")).toThrow(/brackets/);
    expect(() => findPhrase("x", "the loss goes [sideways]")).toThrow(/not a direction word/);
  });
});

describe("a code cell's comments and shown strings", () => {
  it("reads comments and the strings a figure shows, not the code, other strings or a template's computed parts", () => {
    const source = [
      "const s = sigmoid(1); // 0.7311 is σ(1)",
      'const url = "http://example.org/3"; // BEGIN SOLUTION',
      "/* two inputs */",
      'show(Plot.plot({ caption: "Loss after 20 epochs", title: `Rate ${rate} over 5 steps`, marks: [] }));',
    ].join("\n");
    const leaves = readableCode(source);
    expect(leaves.map((l) => [l.kind, l.text])).toEqual([
      ["comment", "0.7311 is σ(1)"],
      ["comment", " two inputs "],
      ["shown text", "Loss after 20 epochs"],
      ["shown text", "Rate "],
      ["shown text", " over 5 steps"],
    ]);
    // Each piece knows where it sits in the source.
    for (const l of leaves) expect(source.slice(l.at, l.at + l.text.length)).toBe(l.text);
  });

  it("lists the numbers the code sets, with their signs", () => {
    expect(numericLiterals("const w = -2.5;\nconst rate = 0.1; train(w, rate, 20); // 7 is a comment")).toEqual([-2.5, 0.1, 20]);
  });
});

/** A notebook of the given cells; a code cell's stdout is its third element. */
function notebook(...cells: [id: string, kind: "markdown" | "code", text: string, printed?: string][]): Notebook {
  return {
    cells: cells.map(([id, kind, text, printed]): Cell => ({
      cell_type: kind,
      id,
      metadata: {},
      source: text,
      ...(kind === "code" ? { outputs: printed ? [{ output_type: "stream", name: "stdout", text: printed }] : [], execution_count: 1 } : {}),
    })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
}

describe("values read from a cell's stored output", () => {
  const nb = notebook(["train", "code", "train()", "losses: 9, 2.25, 0.5625\nloss after 20 epochs: 0.0123\naccuracy: 97.5 %\n"]);
  const claims = claimsFor("t.ipynb", () => undefined);
  claims.source = nb;

  it("reads the number after the anchors, found in order, with its printed precision", () => {
    expect(readPrinted(claims, "train", ["loss after 20 epochs:"])).toMatchObject({ value: 0.0123, decimals: 4, context: "loss after 20 epochs: 0.0123" });
    expect(readPrinted(claims, "train", ["accuracy"]).value).toBe(97.5);
    expect(readPrinted(claims, "train", ["losses:", { nth: 2 }]).value).toBe(0.5625);
    expect(readPrinted(claims, "train", [/after \d+ epochs:/]).value).toBe(0.0123);
    // A printed plus sign belongs to the number: "gradient +0.0004".
    const signed = claimsFor("t.ipynb", () => undefined);
    signed.source = notebook(["log", "code", "log()", "update 3: gradient +0.0004, the pile says −0.0243\n"]);
    expect(readPrinted(signed, "log", ["update 3:", "gradient"]).value).toBe(0.0004);
    expect(readPrinted(signed, "log", ["the pile says"]).value).toBe(-0.0243);
  });

  it("fails clearly when the anchor is not printed or no number follows it", () => {
    expect(() => readPrinted(claims, "train", ["test loss:"])).toThrow('t.ipynb, cell "train" did not print "test loss:"');
    // "losses: 9": after "loss" come the letters "es", so the number does not follow the anchor.
    expect(() => readPrinted(claims, "train", ["loss"])).toThrow(/no number right after "loss"/);
    expect(() => readPrinted(claims, "nowhere", ["x"])).toThrow(/does not exist/);
  });

  it("reads a figure's caption when the printed text does not have the anchors", () => {
    const figure: Cell = { id: "curve", cell_type: "code", source: "show(curve)", metadata: {}, outputs: [{ output_type: "display_data", metadata: {}, data: { "text/html": '<figure><svg><text>0.5</text></svg><script>var loss = 9;</script><figcaption>Loss during 300 epochs; the last epoch&#39;s loss is 3.83e-24.</figcaption></figure>' } }] } as unknown as Cell;
    const withFigure = claimsFor("t.ipynb", () => undefined);
    withFigure.source = { ...nb, cells: [...nb.cells, figure] } as Notebook;
    expect(readPrinted(withFigure, "curve", ["the last epoch's loss is"]).value).toBe(3.83e-24);
    expect(readPrinted(withFigure, "curve", ["Loss during"]).value).toBe(300);
    expect(() => readPrinted(withFigure, "curve", ["var loss ="])).toThrow(/cell "curve"/);
  });
});

describe("checking every kind in a notebook", () => {
  const nb = (prose: string, caption = "after 3 steps", aside = "") =>
    notebook(
      ["setup", "code", "const weight = 2;\nconst rate = 0.1;\nconst losses = train(weight, rate, 3); // the loss starts at 9", "losses: 9, 2.25, 0.5625\n"],
      ["read", "markdown", prose],
      ["plot", "code", `show(Plot.plot({ caption: "The loss ${caption}", marks: [] }));`],
      ["aside", "markdown", aside],
    );
  const claims = (strict: boolean) =>
    claimsFor("t.ipynb", (c) => {
      if (strict) c.strict();
      const steps = c.given("steps", 3, "how many steps the loop takes", { code: "setup" });
      const loss = (k: number) => () => c.read("setup", "losses:", { nth: k });
      c.cell("setup", [loss(0)]);
      c.cell("read", [loss(0), loss(2)]);
      c.words("read", [() => 1, steps]);
      c.compare("read", "the loss goes [down]", { from: loss(0), to: loss(2) });
      c.cell("plot", [steps]);
    });
  const prose = "The loss starts at 9. With one weight, three steps later the loss goes down to 0.5625.";

  it("passes when every statement agrees", () => {
    const report = checkNotebook(nb(prose), claims(true), "t.ipynb");
    expect(reportMessages(report)).toEqual([]);
    expect(report.kinds.words).toMatchObject({ found: 2, verified: 1, given: 1 });
    expect(report.kinds.directions).toMatchObject({ found: 1, verified: 1 });
    expect(report.kinds.code).toMatchObject({ found: 2, verified: 1, given: 1 });
    expect(report.givensTied).toBe(1);
  });

  it("fails on a changed number word, direction word, caption or comment, naming the statement", () => {
    const words = reportMessages(checkNotebook(nb(prose.replace("three steps", "four steps")), claims(false), "t.ipynb"));
    expect(words).toEqual(['t.ipynb, cell 2 (id read): "With one weight, four steps later the loss goes down to 0.5625." writes four, but the given value is 3 [given "steps": how many steps the loop takes]']);
    const direction = reportMessages(checkNotebook(nb(prose.replace("goes down", "goes up")), claims(false), "t.ipynb"));
    expect(direction).toEqual(['t.ipynb, cell 2 (id read): "With one weight, three steps later the loss goes up to 0.5625." says "up", but the check computes that the value went from 9 to 0.5625']);
    expect(reportMessages(checkNotebook(nb(prose, "after 4 steps"), claims(false), "t.ipynb"))[0]).toMatch(/^t\.ipynb, cell 3 \(id plot\): ".*caption: \\?"The loss after 4 steps.*" prints 4, but the given value is 3/);
    const comment = nb(prose);
    comment.cells[0].source = (comment.cells[0].source as string).replace("starts at 9", "starts at 8");
    expect(reportMessages(checkNotebook(comment, claims(false), "t.ipynb"))[0]).toBe('t.ipynb, cell 1 (id setup): "const losses = train(weight, rate, 3); // the loss starts at 8" prints 8, but the check computes 9 [computed by the check]');
  });

  it("fails on an undeclared number word in a cell that declares its words", () => {
    const more = `${prose} Two inputs would make it fall faster.`;
    expect(reportMessages(checkNotebook(nb(more), claims(false), "t.ipynb"))[0]).toContain("writes Two, which no check verifies and no given declares");
  });

  it("reports what nothing covers, and fails on it only under c.strict()", () => {
    const aside = "Two inputs would make it fall faster.";
    const loose = checkNotebook(nb(prose, undefined, aside), claims(false), "t.ipynb");
    expect(reportMessages(loose)).toEqual([]);
    expect(loose.kinds.words.unchecked + loose.kinds.directions.unchecked).toBe(3);
    const strict = reportMessages(checkNotebook(nb(prose, undefined, aside), claims(true), "t.ipynb"));
    expect(strict).toHaveLength(3);
    expect(strict[0]).toContain("writes Two, which no check verifies");
    expect(strict[1]).toContain('says "fall", which no comparison declares');
    expect(strict[2]).toContain('says "faster", which no comparison declares');
  });

  it("requires a given tied to a code cell to be a number that cell sets", () => {
    const wrong = claimsFor("t.ipynb", (c) => {
      c.given("rate", 0.2, "the learning rate", { code: "setup" });
    });
    expect(checkNotebook(nb(prose), wrong, "t.ipynb").problems).toEqual(['t.ipynb: given "rate" is 0.2, but the code of cell "setup" sets no such number (it has 2, 0.1, 3)']);
  });

  it("requires a declared phrase to be in the text", () => {
    const report = checkNotebook(nb(prose.replace("the loss goes down", "it drops")), claims(false), "t.ipynb");
    expect(reportMessages(report)).toContain('t.ipynb, cell 2 (id read): the claims expect the phrase "the loss goes [down]" here (with "down" or "up"), but the text has no such phrase');
  });
});

describe("a notebook named by number and by its lesson's title", () => {
  it("reads the title from the notebook's first markdown cell and checks the words against it", () => {
    expect(notebookTitle(12)).toBe("12 · XOR");
    expect(notebookTitle(99)).toBeUndefined();
    expect(notebookProblem(12, "XOR")).toBeUndefined();
    expect(notebookProblem(13, "XOR")).toBe('notebook 13 is "13 · When training gets stuck", not the lesson on "XOR": was the course renumbered?');
    expect(notebookProblem(16, "· Digits")).toMatch(/^notebook 16 is "16 · Real digits"/);
    expect(notebookProblem(12, "xor")).toMatch(/not the lesson on "xor"/);
    expect(notebookProblem(99, "XOR")).toBe("the course has no notebook 99 (no file notebooks/99-*.ipynb)");
  });

  it("fails a cell that names a notebook by the wrong number, and needs the title words", () => {
    const nb = notebook(["text", "markdown", "See notebook 12."]);
    const named = (n: number) => checkNotebook(nb, claimsFor("t.ipynb", (c) => c.cell("text", [c.notebook(n, "XOR")])), "t.ipynb");
    expect(reportMessages(named(12))).toEqual([]);
    expect(reportMessages(named(13)).join("\n")).toMatch(/notebook 13 is "13 · When training gets stuck", not the lesson on "XOR"/);
    expect(() => claimsFor("t.ipynb", (c) => void (c.notebook as (n: number) => unknown)(12))).toThrow('t.ipynb: c.notebook(12) needs words of the lesson\'s title, e.g. c.notebook(12, "XOR")');
  });
});

describe("givens: tied to the one literal a code cell sets, or classified", () => {
  // Worked out by hand: the cell sets 3 twice (the weight and the first tried weight), 0.5 once.
  const cell = "const weight = 3;\nconst rate = 0.5;\nfor (const w of [3, 4, -1]) train(w, rate);\ncheck(\"01.2\", weightFor);";
  const nb = notebook(["setup", "code", cell], ["text", "markdown", "Notebook 1, exercise 01.2."]);
  const tie = (key: string, value: number, options: { code: string; at?: string }) => checkNotebook(nb, claimsFor("t.ipynb", (c) => void c.given(key, value, "an input", options)), "t.ipynb");

  it("pins a tie to the literal right after `at`, or to the cell's only literal of that value", () => {
    for (const [value, at] of [[3, "const weight = "], [3, "[" ], [4, "[3, "], [-1, "[3, 4, "], [0.5, undefined]] as const) {
      const report = tie("x", value, { code: "setup", ...(at === undefined ? {} : { at }) });
      expect(report.problems).toEqual([]);
      expect(report.review).toEqual([]);
    }
  });

  it("names an item of a written-out list by the list's code and its earlier items", () => {
    expect(itemAt("for (const w of [", [3, 4, -1], 0)).toBe("for (const w of [");
    expect(itemAt("for (const w of [", [3, 4, -1], 2)).toBe("for (const w of [3, 4, ");
    for (const [k, value] of [3, 4, -1].entries()) expect(tie("x", value, { code: "setup", at: itemAt("for (const w of [", [3, 4, -1], k) }).problems).toEqual([]);
    expect(tie("x", 4, { code: "setup", at: itemAt("for (const w of [", [3, 4, -1], 0) }).problems).toEqual(['t.ipynb: given "x" is 4, but the code of cell "setup" sets 3 after "for (const w of ["']);
    expect(() => itemAt("[", [3], 1)).toThrow("itemAt: no item 1 in a list of 1");
  });

  it("fails when the literal after `at` is another number, `at` is missing or not one place, or no number follows", () => {
    expect(tie("weight", 4, { code: "setup", at: "const weight = " }).problems).toEqual(['t.ipynb: given "weight" is 4, but the code of cell "setup" sets 3 after "const weight = "']);
    expect(tie("weight", 3, { code: "setup", at: "const wait = " }).problems).toEqual(['t.ipynb: given "weight" is 3, but the code of cell "setup" has no "const wait = "']);
    expect(tie("weight", 3, { code: "setup", at: "const " }).problems[0]).toMatch(/"const " occurs more than once/);
    expect(tie("rate", 0.5, { code: "setup", at: "const rate" }).problems[0]).toMatch(/has no number right after "const rate"/);
  });

  it("ties a count to the number of items of the list right after `at`", () => {
    const count = (value: number, at: string) => checkNotebook(nb, claimsFor("t.ipynb", (c) => void c.given("tried weights", value, "how many weights the loop tries", { code: "setup", at, length: true })), "t.ipynb").problems;
    expect(count(3, "for (const w of ")).toEqual([]);
    expect(count(2, "for (const w of ")).toEqual(['t.ipynb: given "tried weights" is 2, but the list after "for (const w of " in the code of cell "setup" has 3 items']);
    expect(count(3, "const weight = ")).toEqual(['t.ipynb: given "tried weights" is 3, but the code of cell "setup" has no list right after "const weight = "']);
    expect(() => claimsFor("t.ipynb", (c) => void c.given("n", 3, "why", { code: "setup", length: true }))).toThrow(/counts an array: say which with \{ at/);
  });

  it("ties an exercise's example to the number at its place in a case the notebook's check runs", () => {
    // Exercise 01.2's first case is [10, 2] (lib/course/exercise-keys/01-a-neuron.ts); this notebook checks 01.2.
    const example = (value: number, exercise: { id: string; case: number; item: number[] }) =>
      checkNotebook(nb, claimsFor("t.ipynb", (c) => void c.given("wanted", value, "the example's wanted output", { exercise })), "t.ipynb");
    expect(example(10, { id: "01.2", case: 0, item: [0] }).problems).toEqual([]);
    expect(example(10, { id: "01.2", case: 0, item: [0] }).givensInExercises).toBe(1);
    expect(example(11, { id: "01.2", case: 0, item: [0] }).problems).toEqual(['t.ipynb: given "wanted" is 11, but case 0 of exercise 01.2, at [0] the check runs 10']);
    expect(example(10, { id: "01.2", case: 0, item: [5] }).problems).toEqual(['t.ipynb: given "wanted" is 10, but case 0 of exercise 01.2, at [5] there is no number']);
    expect(example(10, { id: "01.1", case: 0, item: [0] }).problems).toEqual(['t.ipynb: given "wanted" is 10, but no code cell of t.ipynb checks exercise 01.1']);
  });

  it("fails a tie to one of several equal literals: it must name its place", () => {
    const report = tie("weight", 3, { code: "setup" });
    expect(report.problems).toEqual(['t.ipynb: given "weight" is 3, but the code of cell "setup" has 2 literals of that value: say which one with { at: "…" } (the code right before it)']);
    expect(report.review).toEqual([]);
  });

  it("counts givens per class, and lists the unclassified ones for review", () => {
    const report = checkNotebook(
      nb,
      claimsFor("t.ipynb", (c) => {
        c.given("weight", 3, "the weight", { code: "setup", at: "const weight = " });
        c.given("one bias", 1, "a neuron has one bias", { is: "definition" });
        c.given("minutes", 15, "the time to work through", { is: "estimate" });
        c.given("loose", 7, "nothing says why");
      }),
      "t.ipynb",
    );
    expect(report.givensTied).toBe(1);
    expect(report.givensByClass).toEqual({ definition: 1, label: 0, estimate: 1, fact: 0, illustration: 0, unclassified: 1 });
    expect(report.review).toEqual(['t.ipynb: given "loose" (7) is not tied to a code cell: is it a true input of the lesson? [nothing says why]']);
    expect(() => claimsFor("t.ipynb", (c) => void c.given("x", 1, "why", { is: "guess" as never }))).toThrow(/unknown class "guess"/);
  });

  it("checks a notebook's number against the course's files and an exercise's number against the check cells", () => {
    const good = checkNotebook(nb, claimsFor("t.ipynb", (c) => c.cell("text", [c.notebook(1, "A neuron"), c.exercise("01.2")])), "t.ipynb");
    expect(reportMessages(good)).toEqual([]);
    expect(good.verified).toBe(2);
    const bad = checkNotebook(nb, claimsFor("t.ipynb", (c) => c.cell("text", [c.notebook(99, "A neuron"), c.exercise("01.3")])), "t.ipynb");
    expect(bad.problems).toEqual([
      "t.ipynb, cell 2 (id text): entry 1 threw the course has no notebook 99 (no file notebooks/99-*.ipynb)",
      't.ipynb, cell 2 (id text): entry 2 threw no code cell of t.ipynb checks exercise 01.3 (check("01.3", …))',
    ]);
    expect(() => claimsFor("t.ipynb", (c) => void c.exercise("1.2"))).toThrow(/not an exercise number like "01.2"/);
  });
});
