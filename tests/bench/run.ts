// npm run bench: prints a table per group of benchmarks; with --json, one JSON object instead.
import { engineBenchmarks } from "./engine";
import { Measurement, printTable } from "./harness";

const json = process.argv.includes("--json");
const groups: Record<string, Measurement[]> = {};
groups.engine = engineBenchmarks();

if (json) {
  console.log(JSON.stringify({ node: process.version, date: new Date().toISOString(), groups }, null, 2));
} else {
  for (const [name, rows] of Object.entries(groups)) printTable(name, rows);
}
