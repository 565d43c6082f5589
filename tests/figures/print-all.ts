// Prints every example figure's raw HTML, one JSON [name, html] per line; the determinism test runs it
// in a fresh process and compares it with the figures it renders itself.
import { loadExamples } from "./examples";

loadExamples().then((examples) => {
  for (const [name, make] of Object.entries(examples)) process.stdout.write(`${JSON.stringify([name, make().html])}\n`);
});
