// npm run bench: prints a table per group of benchmarks; with --json, one JSON object instead.
import { cpus, loadavg } from "node:os";
import { browserBenchmarks } from "./browser";
import { engineBenchmarks } from "./engine";
import { gradingBenchmark } from "./grading";
import { Measurement, printTable } from "./harness";
import { mnistBenchmarks } from "./mnist";
import { notebookBenchmarks } from "./notebooks";

// npm run bench [-- --json] [-- --only engine,notebooks,grading,mnist,browser] [-- --browser-runs 3] [-- --grading 100]

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  // Times mean little on a busy machine: record how busy it was (1-minute load average against cores).
  const machine = { cores: cpus().length, loadAverageAtStart: Number(loadavg()[0].toFixed(2)) };
  const value = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
  const only = value("--only")?.split(",");
  const wanted = (group: string) => !only || only.includes(group);
  const groups: Record<string, Measurement[]> = {};
  if (wanted("engine")) groups.engine = engineBenchmarks();
  if (wanted("notebooks")) groups.notebooks = await notebookBenchmarks();
  if (wanted("grading")) groups.grading = await gradingBenchmark(Number(value("--grading") ?? 100));
  if (wanted("mnist")) groups.mnist = await mnistBenchmarks();
  if (wanted("browser")) groups.browser = await browserBenchmarks(Number(value("--browser-runs") ?? 3));

  if (json) {
    console.log(JSON.stringify({ node: process.version, date: new Date().toISOString(), machine, groups }, null, 2));
  } else {
    console.log(`${machine.cores} cores, load average ${machine.loadAverageAtStart} at the start`);
    for (const [name, rows] of Object.entries(groups)) printTable(name, rows);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
