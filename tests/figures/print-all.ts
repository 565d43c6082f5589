// Prints every example figure's raw HTML, one per line; the determinism test runs it twice in fresh
// processes and compares the bytes.
import { loadExamples } from "./examples";

loadExamples().then((examples) => {
  for (const [name, make] of Object.entries(examples)) process.stdout.write(`${name}\t${make().html}\n`);
});
