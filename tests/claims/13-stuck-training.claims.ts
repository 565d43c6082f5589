import { trainingSamples } from "../../lib/course/digits-data";
import { claimsFor, itemAt, once } from "../../lib/tools/claims/define";
import {
  PythonRandom,
  bumpData,
  createNetwork,
  uniformIn,
  xorData,
} from "../../lib/engine";
import { keys } from "../../lib/course/exercise-keys/13-stuck-training";
import { weightedSumWorking } from "../../lib/course/arithmetic";

export default claimsFor("13-stuck-training.ipynb", (c) => {
  const data = xorData();
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n04, n06, n08, n12, n13, n14] = [
    notebook(4, "activation functions"),
    notebook(6, "The loss"),
    notebook(8, "Gradient descent"),
    notebook(12, "XOR"),
    notebook(13, "When training gets stuck"),
    notebook(14, "· Digits"),
  ];

  // Small whole numbers that the prose uses as themselves: bounds, targets, counts, exponents.
  const zero = c.given("zero", 0, "zero: the perceptron's threshold, a target, a bound in the argument", { is: "definition" });
  const one = c.given("one", 1, "one: a target, an input, a bound in the argument", { is: "definition" });
  const two = c.given("two", 2, "two: the factor of the squared error's slope, and of 2b in the argument", { is: "definition" });
  const square = c.given("square", 2, "the exponent of a square, written ²", { is: "definition" });
  const ten = c.given("ten", 10, "the base of a power of ten", { is: "definition" });
  const point = (n: number) => [() => data[n].input[0], () => data[n].input[1]];
  const target = (n: number) => () => data[n].target[0];

  // The network and its recipe.
  const inputs = c.given("inputs", 2, "XOR has two inputs", { code: "setup", at: "sizes: [" });
  const hidden = c.given("hidden", 8, "the course's XOR network has 8 hidden neurons", { code: "setup", at: "sizes: [2, " });
  const outputs = c.given("outputs", 1, "one output neuron", { code: "setup", at: "sizes: [2, 8, " });
  const seed = c.given("seed", 7, "the XOR recipe's seed", { code: "setup" });
  const low = c.given("low", -1, "the low end of uniformIn(-1, 1)", { code: "setup", at: "weights: uniformIn(" });
  const high = c.given("high", 1, "the high end of uniformIn(-1, 1)", { code: "setup", at: "weights: uniformIn(-1, " });
  const rate = c.given("learning rate", 0.1, "the XOR recipe's learning rate", { code: "setup" });
  const epochs = c.given("epochs", 3001, "the XOR recipe trains 3001 epochs", { code: "setup" });
  const logged = [0, 20, 40, 60, 80, 100, 500, 1500, 3000].map((e, i, all) => c.given(`logged epoch ${e}`, e, "an epoch of notebook 12's log", { code: "setup", at: itemAt("const logged = [", all, i) }));
  const [, , , e60, , , , , e3000] = logged;

  const makeNet = (s: number, width: number) =>
    createNetwork({ sizes: [2, width, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(s) });
  // The training runs' values come from what the notebook's cells printed (their stored outputs, which
  // npm test proves equal to a re-run): the claims do not train the networks again. Only the untrained
  // network (the recipe's seed, no training) is rebuilt here, checked against what the notebook printed.
  const pad = (e: number, width: number) => String(e).padStart(width);
  // The untrained network rebuilt here must be the notebook's: hidden neuron 4's weights and bias, rounded
  // to four decimals, are those cell "dead-by-hand" printed in its first line, or the claims that use it fail.
  const untrained = once(() => {
    const net = makeNet(7, 8);
    const mine = [...net.layers[0].weights[3], net.layers[0].biases[3]].map((v) => Number(v.toFixed(4)));
    const printed = [0, 2, 4].map((k) => c.read("dead-by-hand", /^/, { nth: k }));
    if (mine.join() !== printed.join()) throw new Error(`the rebuilt untrained network's neuron 4 is ${mine.join(", ")}, but cell "dead-by-hand" printed ${printed.join(", ")}`);
    return net;
  });
  const deadAt = (e: number) => {
    const line = c.read("dead-list", `epoch ${e}: dead hidden neurons`);
    const list: number[] = [];
    for (let k = 0; ; k++) {
      try {
        list.push(c.read("dead-list", `epoch ${e}: dead hidden neurons`, { nth: k }) - 1);
      } catch {
        break;
      }
    }
    return line === list[0] + 1 ? list : [];
  };
  // The epoch during which a neuron died: the last printed epoch at which it was alive, when the next
  // printed epoch is the one after it (NaN otherwise, so that the check fails).
  const snapshotEpochs = [0, 1, 2, 40, 3000];
  const snaps = snapshotEpochs.map((e, i) => c.given(`snapshot epoch ${e}`, e, "an epoch at which the setup keeps a copy of the weights", { code: "setup", at: itemAt("snapshotEpochs: [", snapshotEpochs, i) }));
  const diedDuring = (neuron: number) => {
    const first = snapshotEpochs.findIndex((e) => deadAt(e).includes(neuron));
    return first > 0 && snapshotEpochs[first] - snapshotEpochs[first - 1] === 1 ? snapshotEpochs[first - 1] : NaN;
  };

  const minutes = (n: number, what: string) => c.given(`${n} minutes`, n, `the estimated time for ${what}`, { is: "estimate" });
  c.cell("title", [n13, n12, inputs, hidden, outputs, minutes(20, "the notebook"), n12]);
  c.cell("setup-intro", [n12, n12, inputs, hidden, outputs, seed, rate, epochs, ...snaps]);

  // Dead neurons.
  const n3 = c.given("neuron 3", 3, "the dead neuron worked by hand: its position in code, weights[3]", { code: "dead-by-hand", at: "untrained.layers[0].weights[" });
  const n4 = c.given("neuron 4", 4, "the dead neuron worked by hand, counted from 1 as the text counts", { is: "label" });
  const rounded4 = (v: number) => Number(v.toFixed(4));
  const neuron3 = () => ({ weights: untrained().layers[0].weights[3].map(rounded4), bias: rounded4(untrained().layers[0].biases[3]) });
  c.cell("dead", [
    zero, zero, n04, zero, zero, zero,
    n4, n3, zero,
    () => neuron3().weights[0], () => neuron3().weights[1], () => neuron3().bias,
    ...data.flatMap((s, n) => [...point(n), c.line(() => weightedSumWorking(neuron3().weights, s.input, neuron3().bias, 4))]),
    zero, n4, zero, one,
  ]);
  // The one neuron that died during training (dead at the end, alive at the start).
  const newlyDead = () => {
    const died = deadAt(3000).filter((j) => !deadAt(0).includes(j));
    return died.length === 1 ? died[0] : NaN;
  };
  c.cell("dead-read", [
    () => deadAt(0)[0] + 1, () => deadAt(0)[1] + 1, () => deadAt(0)[2] + 1,
    () => newlyDead() + 1,
    () => diedDuring(newlyDead()),
    () => hidden.value - deadAt(3000).length,
  ]);

  // The stuck run: width 2, seed 7.
  const narrowWidth = c.given("narrow width", 2, "the narrow network's number of hidden neurons", { code: "stuck-train", at: "sizes: [2, " });
  const narrowLog = (e: number) => () => c.read("stuck-train", `epoch ${pad(e, 4)}`, "loss");
  const narrowOut = (n: number) => c.read("stuck-train", "answers:", { nth: n });
  const narrowDeadAt1 = () => c.read("stuck-train", "at epoch 1:") - 1;
  // The best single answer for the three inputs that share one (targets 0, 1, 0), and its misses.
  const shared = () => (data[0].target[0] + data[1].target[0] + data[3].target[0]) / 3;
  const miss = (n: number) => () => Math.abs(data[n].target[0] - shared());
  c.cell("stuck", [seed, narrowWidth]);
  c.cell("stuck-read", [
    () => narrowDeadAt1() + 1,
    () => [0, 1].find((j) => j !== narrowDeadAt1())! + 1,
    ...point(2),
    zero,
    target(0), target(1), target(3),
    narrowLog(0),
    narrowLog(60), e60, narrowLog(3000), e3000,
    target(0), target(1), target(3), shared,
    ...[0, 1, 3].map(miss),
    miss(0), square, miss(1), square, miss(3), square, () => miss(0)() ** 2 + miss(1)() ** 2 + miss(3)() ** 2,
    () => c.read("stuck-train", "real summed loss of the final network:"),
    () => narrowOut(0), ...point(2), () => narrowOut(2),
    narrowLog(3000),
  ]);

  // The sweep.
  const seedsLow = c.given("first seed", 0, "the sweep's seeds start at 0", { is: "definition" });
  const seedCount = c.given("seeds", 50, "how many seeds the sweep runs: 0 up to one less than this", { code: "sweep-run", at: "Array.from({ length: " });
  const seedsHigh = () => seedCount.value - 1;
  const widths = [1, 2, 3, 4, 8].map((w, i, all) => c.given(`width ${w}`, w, "a width in the sweep", { code: "sweep-run", at: itemAt("const widths = [", all, i) }));
  const limit = c.given("stuck limit", 0.1, "our definition of stuck: a logged loss above 0.1 at epoch 3000", { code: "sweep-run", at: "const stuck = finals[k].filter((loss) => loss > " });
  // The sweep's counts as cell "sweep-run" printed them: "2 hidden: 36 of 50 stuck", "stuck runs end at:
  // 0.6173 (12 runs), …".
  const widthValues = [1, 2, 3, 4, 8];
  const stuckCount = (k: number) => () => c.read("sweep-run", `\n${widthValues[k]} hidden:`);
  const plateauValues = () => [0, 1, 2].map((k) => c.read("sweep-run", "stuck runs end at:", { nth: 2 * k }));
  const plateau = (value: number) => () => c.read("sweep-run", "stuck runs end at:", { nth: 2 * plateauValues().findIndex((v) => v === value) + 1 });
  const worstSolved = () => c.read("sweep-run", "largest final loss of a run that was not stuck:");
  c.cell("sweep", [
    seedsLow, seedsHigh, widths[0], widths[1], widths[2], widths[3], widths[4],
    () => widths.length * (seedsHigh() - seedsLow.value + 1), epochs, e3000, limit,
  ]);
  c.cell("sweep-read", [
    widths[0],
    widths[1], stuckCount(1), () => seedsHigh() - seedsLow.value + 1,
    widths[2], stuckCount(2), widths[3], stuckCount(3), widths[4],
    () => worstSolved() / 10 ** Math.floor(Math.log10(worstSolved())), ten, () => Math.floor(Math.log10(worstSolved())),
    plateau(0.6173), () => plateauValues()[0], plateau(0.8197), () => plateauValues()[1], plateau(1.2195), () => plateauValues()[2],
    () => plateauValues()[1], () => plateauValues()[0], target(0), target(1), () => (data[0].target[0] + data[1].target[0]) / 2,
    () => plateauValues()[2],
    limit, () => plateauValues()[0],
    widths[4],
  ]);

  // The bump.
  const bump = bumpData();
  const bx = (n: number) => () => bump[n].input[0];
  const by = (n: number) => () => bump[n].target[0];
  const start = {
    w1: c.given("w1", 0.5, "the one-neuron bump network's starting w₁", { code: "bump-one", at: "oneNeuron = networkFrom(1, [\n  { weights: [[" }),
    b1: c.given("b1", -0.1, "the one-neuron bump network's starting b₁", { code: "bump-one" }),
    w2: c.given("w2", 0.3, "the one-neuron bump network's starting w₂", { code: "bump-one" }),
    b2: c.given("b2", 0.2, "the one-neuron bump network's starting b₂", { code: "bump-one" }),
  };
  const bumpRate = c.given("bump learning rate", 0.5, "the bump runs' learning rate", { code: "bump-one", at: "learningRate: " });
  const bumpEpochs = c.given("bump epochs", 20000, "both bump runs train 20000 epochs", { code: "bump-one" });
  const moreEpochs = c.given("more epochs", 180000, "the long run trains on from epoch 20000 for this many more", { code: "bump-longer", at: "...bumpRecipe, epochs: " });
  const longEpochs = () => bumpEpochs.value + moreEpochs.value;
  // The bump runs as cells "bump-one", "bump-longer" and "bump-two-run" printed them.
  const runLog = (cell: string) => (e: number) => c.read(cell, `epoch ${pad(e, 5)}`, "loss");
  const oneLog = runLog("bump-one");
  const twoLog = runLog("bump-two-run");
  const oneFinal = () => c.read("bump-one", "after 20000 epochs: loss");
  const oneAnswer = (n: number) => () => c.read("bump-one", "after 20000 epochs:", "answers", { nth: n });
  const longAnswer = (n: number) => () => c.read("bump-longer", "\nanswers", { nth: n });
  const twoFinal = () => c.read("bump-two-run", "after 20000 epochs: loss");
  const twoAnswer = (n: number) => () => c.read("bump-two-run", "after 20000 epochs:", "answers", { nth: n });
  // The floor, from the data: the best step answers the first point exactly and the last three with
  // their mean; the mean over the four points of ½(ŷ − y)².
  const stepHeight = () => (bump[1].target[0] + bump[2].target[0] + bump[3].target[0]) / 3;
  const floor = () => bump.slice(1).reduce((sum, s) => sum + 0.5 * (stepHeight() - s.target[0]) ** 2, 0) / bump.length;
  const third = c.given("three", 3, "the denominator of 2/3 and 1/3", { is: "definition" });
  const [b500, b1500, b2000] = [500, 1500, 2000].map((e) => c.given(`bump epoch ${e}`, e, "an epoch of the bump run the text quotes", { code: "bump-one" }));
  c.cell("bump-intro", [
    bx(0), bx(1), bx(2), bx(3), by(0), by(1), by(2), by(3),
    one, one, square, n06,
    zero, zero, zero, zero,
    bx(0), bx(1), bx(2), bx(3),
    bx(3), bx(1), bx(2),
    one, one, one,
    one, square, one, square, square, one, square, square,
    () => -two.value, one, zero, two, third, one, third, square, two, third, square,
    one, () => third.value ** 2, () => 0.5 * two.value ** 2, () => third.value ** 2, one, third,
    one, zero,
    one, third, one, () => 1 / floor(), floor,
    zero, two, third, two, third, two, third,
  ]);
  c.cell("bump-one-read", [
    start.w1, start.b1, start.w2, start.b2, n08, bumpRate,
    () => oneLog(0),
    () => oneLog(500), b500,
    () => oneLog(1500), b1500,
    () => oneLog(2000), b2000,
    oneFinal, bumpEpochs,
    ...[0, 1, 2, 3].map(oneAnswer),
    bx(3), two, third, one, () => 1 / floor(),
  ]);
  c.cell("bump-two", [
    longEpochs,
    () => c.read("bump-longer", "after 200000 epochs: loss"), floor,
    ...[0, 1, 2, 3].map(longAnswer),
    one, two, one, low, high, seed, bumpEpochs,
  ]);
  const twoLoss = twoFinal;
  c.cell("bump-two-read", [
    c.rounded(() => twoLog(0)),
    () => twoLog(2000), b2000,
    () => twoLoss() / 10 ** Math.floor(Math.log10(twoLoss())), ten, () => Math.floor(Math.log10(twoLoss())),
    bumpEpochs,
    ...[0, 1, 2, 3].map(twoAnswer),
    ten,
  ]);
  const between = c.given("between", 2.5, "a place between two of the bump's points", { code: "bump-two-run" });
  c.cell("bump-fit-read", [
    bx(0), bx(1), two, third,
    () => c.read("bump-two-run", "answer at x = 2.5, between two points:"), between, zero, bx(3),
  ]);

  // Your turn.
  const ex = (k: number) => c.exercise(`13.${k}`);
  c.cell("your-turn", [ex(1), zero, () => deadAt(0).length]);
  const sharedCost = (answer: number) => [0, 1, 3].reduce((total, n) => total + (answer - data[n].target[0]) ** 2, 0);
  c.cell("exercise-2-text", [ex(2), target(0), target(1), target(3), () => sharedCost(shared())]);
  c.cell("recap", [zero, zero, widths[1], stuckCount(1), () => seedsHigh() - seedsLow.value + 1, widths[4]]);
  c.cell("next", [n14, () => trainingSamples()[0].input.length, hidden, () => trainingSamples()[0].target.length]);
  // ── Numbers in words, in captions and comments.
  const points = () => data.length;
  const oneHidden = c.given("one hidden neuron", 1, "the one-neuron bump network's hidden layer", { code: "bump-one" });
  const twoHidden = c.given("two hidden neurons", 2, "the two-neuron bump network's hidden layer", { code: "bump-two-run", at: "sizes: [1, " });
  const onePicture = c.given("a single one", 1, "a single item: one of the pictures, one corner, one network, one shared answer", { is: "definition" });
  c.words("learn", [oneHidden]);
  c.words("setup-intro", [points]);
  const handDecimals = c.given("hand decimals", 4, "the dead neuron's knobs are rounded to four decimals", { code: "dead-by-hand", at: "neuron4.weights.map((w) => Number(w.toFixed(" });
  c.words("dead", [handDecimals, points]);
  c.cell("dead-by-hand", [n4, n3]);
  c.words("dead-by-hand", [handDecimals]);
  c.cell("dead-list", [zero]);
  c.words("dead-read", [() => deadAt(0).length, hidden]);
  c.words("stuck-read", [() => data.length - 1, onePicture, () => data.length - 1, points]);
  // The curves show records 0 to 200: the start and 200 epochs.
  const curveRecords = c.given("curve records", 201, "how many loss records the comparison curve shows", { code: "stuck-curve", at: "history.records.slice(0, " });
  const curveLength = () => curveRecords.value - 1;
  c.cell("stuck-curve", [hidden, narrowWidth, curveLength, hidden, narrowWidth]);
  c.words("stuck-curve", [onePicture]);
  c.words("sweep", [onePicture]);
  c.cell("sweep-figure", [() => widths.length * (seedsHigh() - seedsLow.value + 1), seedsLow, seedsHigh, e3000, limit]);
  c.words("sweep-figure", [onePicture]);
  c.words("sweep-read", [() => plateauValues().length, () => data.length - 1, onePicture, () => data.length - 2, onePicture]);
  c.words("your-turn", [() => keys.length]);
  c.words("recap", [onePicture]);
  c.words("bump-intro", [() => bump[0].input.length, () => bump.length, () => bump.length, c.given("pair", 2, "the argument compares a pair of inputs", { is: "definition" }), () => bump.length, () => bump.length - 1]);
  c.words("bump-one-read", [() => bump.length - 1, () => longEpochs() / bumpEpochs.value]);
  c.cell("bump-longer", [bumpEpochs]);
  c.words("bump-two", [twoHidden, twoHidden, oneHidden]);
  c.cell("bump-two-run", [oneHidden, twoHidden, bumpEpochs, one, () => 1 / floor(), zero]);
  c.words("bump-two-run", [oneHidden]);
  c.words("bump-two-read", [twoHidden]);
  c.cell("bump-fit", [oneHidden, bumpEpochs, twoHidden, bumpEpochs]);
  c.words("bump-fit", [() => bump.length, c.given("curves", 2, "one curve for each trained network", { is: "definition" })]);
  c.words("bump-fit-read", [oneHidden, twoHidden, () => bump.length, () => bump.length, () => bump.length]);

  // ── Direction words.
  const general = (why: string) => ({ given: why });
  const cost = (height: number) => (1 - height) ** 2 + 0.5 * height ** 2;
  c.compare("learn", "a curve that goes [up]", { from: by(0), to: by(1) });
  c.compare("dead", "its weighted sum can [rise] above 0", general("a later layer's inputs can change"));
  c.compare("dead-read", "With [fewer] neurons", general("the premise of the next section: narrower networks"));
  c.compare("stuck-read", "The log [falls] from 5.88", { from: narrowLog(0), to: narrowLog(60) });
  c.compare("stuck-curve", "the other stops [falling]", general("the narrow run's log stays at 0.8197 from epoch 60 (read in stuck-read)"));
  c.compare("sweep-read", "The [largest] final loss of a run", general("the printed maximum over the runs that were not stuck"));
  c.compare("bump-intro", "four points that go [up]", { from: by(0), to: by(1) });
  c.compare("bump-intro", "The sigmoid only ever [rises]", general("the sigmoid is increasing everywhere"));
  c.compare("bump-intro", "ŷ(4) never go [down]", general("the two cases of a monotonic curve"));
  c.compare("bump-intro", "or they never go [up]", general("the two cases of a monotonic curve"));
  c.compare("bump-intro", "Say the curve never goes [down]", general("the case the argument takes"));
  c.compare("bump-intro", "That is [smallest] where", { value: () => cost(stepHeight()), than: [0, 0.5, 0.6, 0.7, 0.8, 1].map((h) => () => cost(h)) });
  c.compare("bump-intro", "alone costs [more] than", { value: () => 0.5 * (0 - 1.01) ** 2, than: () => 0.5 });
  c.compare("bump-intro", "A curve that never goes [up]", general("the mirror case"));
  c.compare("bump-one-read", "[drops] to 0.097", { from: () => oneLog(0), to: () => oneLog(500) });
  c.compare("bump-one-read", "a [rising] curve that gave up", { from: oneAnswer(0), to: oneAnswer(3) });
  c.compare("bump-two-read", "loss starts [higher]", { value: () => twoLog(0), than: () => oneLog(0) });
  c.compare("bump-two-read", "but keeps [falling]", { from: () => twoLog(0), to: () => twoLog(2000) });
  c.compare("bump-two-read", "the long [fall] stays", { from: () => twoLog(0), to: twoFinal });
  c.compare("bump-fit-read", "and [falls] below 0 after x = 4", general("what the figure shows past the last point"));
  c.compare("recap", "the loss stops [falling] far above 0", general("the stuck run's log stays at 0.8197 from epoch 60 on (cell stuck-read)"));
  c.words("exercise-2-text", [onePicture, onePicture, () => data.length - 1]);
  c.compare("exercise-2-text", "that [smallest] summed", { value: () => sharedCost(shared()), than: [0, 0.25, 0.5, 1].map((a) => () => sharedCost(a)) });
  c.strict();
});
