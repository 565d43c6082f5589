// A whole hostile class graded by one `npm run grade`, as an instructor would run it, and everything the
// issue asks to see: crashes, hangs past the limit, processes and temporary folders left behind, honest
// copies of notebooks 01–16 at full marks, no attack gaining a mark, and the time it took.
//   node lib/tools/run-ts.cjs tests/homework/class-run.ts [--notebook 04] [--interrupt <seconds>] [--without a,b] [--keep]
// --without a,b leaves those submissions out. --interrupt sends Ctrl-C (SIGINT) to the grader after that many seconds, then checks that nothing is left.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { studentVersion } from "../../lib/tools/homework/assign";
import { readNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks, repoRoot } from "../../lib/tools/notebooks/list";
import { HostileSubmission, courseCheats, hostileClass, writeSubmissions } from "./hostile";

const args = process.argv.slice(2);
const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const secretVariable = "COURSE_GRADER_SECRET";

/** Processes of this project's grader that are still running (other than this script). */
function graderProcesses(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      if (cmd.includes(`${repoRoot}/`) && /homework|grade|course-grade-/.test(cmd) && !cmd.includes("class-run")) found.push(`${pid} ${cmd.slice(0, 160)}`);
    } catch {
      // gone
    }
  }
  return found;
}

// The grader's own temporary folders (other programs on a shared machine use other "course-" folders).
const tempEntries = () => new Set(readdirSync(tmpdir()).filter((e) => /^course-grade-\d+-/.test(e)));

async function main(): Promise<void> {
  const notebookNumber = value("--notebook") ?? "04";
  const interruptAfter = value("--interrupt") ? Number(value("--interrupt")) * 1000 : undefined;
  const tempBefore = tempEntries();
  const root = mkdtempSync(join(tmpdir(), "class-run-"));
  const submissions = join(root, "submissions");
  const out = join(root, "graded");
  mkdirSync(submissions);

  // A server the network attack tries to reach; every connection it receives is a failure.
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.end("HTTP/1.0 200 OK\r\n\r\nhello");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;

  // Honest copies of every notebook, handed in by one student.
  const notebooks = courseNotebooks().filter((p) => !basename(p).startsWith("00-"));
  mkdirSync(join(submissions, "instructor-copy"));
  for (const path of notebooks) writeFileSync(join(submissions, "instructor-copy", basename(path)), readFileSync(path));

  const instructorPath = notebooks.find((p) => basename(p).startsWith(`${notebookNumber}-`))!;
  const name = basename(instructorPath);
  const instructor = readNotebook(instructorPath);
  const without = new Set(value("--without")?.split(",") ?? []);
  const hostile: HostileSubmission[] = hostileClass(instructor, name, {
    instructorPath,
    projectRoot: repoRoot,
    otherSubmission: join(submissions, "instructor-copy", name),
    outsidePid: process.pid,
    port,
    secretVariable,
    cheats: courseCheats(instructor),
  }).filter((s) => !without.has(s.student));
  writeSubmissions(submissions, name, hostile);
  const count = notebooks.length + hostile.length;
  console.log(`${count} submissions: ${notebooks.length} honest copies (instructor-copy) and ${hostile.length} on ${name}; grading with npm run grade`);

  const started = Date.now();
  const grader = spawn("npm", ["run", "--silent", "grade", "--", submissions, "--out", out], {
    cwd: repoRoot,
    env: { ...process.env, [secretVariable]: "the instructor's secret" },
    stdio: ["ignore", "pipe", "pipe"],
    // A group of its own, so that Ctrl-C can be sent to it as a terminal sends it to its foreground group.
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  grader.stdout.on("data", (d) => (stdout += d));
  grader.stderr.on("data", (d) => (stderr += d));
  if (interruptAfter !== undefined) {
    setTimeout(() => {
      console.log(`sending SIGINT (Ctrl-C) to the grader after ${interruptAfter / 1000} s`);
      // As a terminal does: to the whole foreground group (npm and the grader it started).
      try {
        process.kill(-grader.pid!, "SIGINT");
      } catch {
        grader.kill("SIGINT");
      }
    }, interruptAfter);
  }
  const code = await new Promise<number | null>((done) => grader.on("exit", (c) => done(c)));
  const ms = Date.now() - started;
  server.close();
  // Give processes a moment to be reaped by the system before looking for them.
  await new Promise((ok) => setTimeout(ok, 500));
  const left = graderProcesses();
  const tempAfter = [...tempEntries()].filter((e) => !tempBefore.has(e));

  console.log(`npm run grade exited with ${code} after ${(ms / 1000).toFixed(1)} s (${(ms / count / 1000).toFixed(2)} s per submission)`);
  if (code !== 0) console.log(`grader's error output:\n${stderr.trim().split("\n").slice(-15).join("\n")}`);
  console.log(`processes left: ${left.length}${left.length ? `\n  ${left.join("\n  ")}` : ""}`);
  console.log(`temporary folders left: ${tempAfter.length}${tempAfter.length ? ` (${tempAfter.join(", ")})` : ""}`);
  console.log(`connections the network attack made: ${connections}`);

  let csv: string[] = [];
  try {
    csv = readFileSync(join(out, "gradebook.csv"), "utf8").trim().split("\n");
  } catch {
    console.log("no gradebook was written");
  }
  if (csv.length) {
    const header = splitCsv(csv[0]);
    const rows = new Map(csv.slice(1).map((line) => [splitCsv(line)[0], splitCsv(line)]));
    // Full marks per exercise, from the release manifest's points.
    const pointsOf = (path: string) => studentVersion(readNotebook(path), basename(path)).exercises.map((e) => ({ column: `${basename(path, ".ipynb")} ${e.id}`, points: e.points }));
    const honest = rows.get("instructor-copy")!;
    let honestFull = 0;
    for (const path of notebooks) {
      const cols = pointsOf(path);
      const full = cols.every((c) => Number(honest[header.indexOf(c.column)]) === c.points);
      if (full) honestFull++;
      else console.log(`  honest copy of ${basename(path)}: ${cols.map((c) => `${honest[header.indexOf(c.column)]}/${c.points}`).join(" ")}`);
    }
    console.log(`honest copies at full marks: ${honestFull}/${notebooks.length}`);
    const cols = pointsOf(instructorPath);
    let asExpected = 0;
    for (const s of hostile) {
      const row = rows.get(s.student);
      const got = row ? cols.map((c) => Number(row[header.indexOf(c.column)] || 0)) : undefined;
      const want = cols.map((c, k) => (s.expect.earned === "full" ? c.points : s.expect.earned[k] === "full" ? c.points : (s.expect.earned[k] as number)));
      const ok = got !== undefined && got.every((g, k) => g === want[k]);
      if (ok) asExpected++;
      const problem = row ? row[header.indexOf("problems")] : "";
      console.log(`  ${ok ? "ok  " : "FAIL"} ${s.student.padEnd(32)} ${got ? got.join(" ") : "(no row)"}${ok ? "" : `  expected ${want.join(" ")}`}${problem ? `  (${problem.slice(0, 120)})` : ""}`);
    }
    console.log(`hostile submissions graded as expected: ${asExpected}/${hostile.length}`);
  }
  console.log(`grader's summary: ${stdout.trim().split("\n").slice(-1)[0] ?? ""}`);
  if (args.includes("--keep")) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

/** One CSV line's fields (quotes doubled inside quoted fields). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") out.push(field), (field = "");
    else field += ch;
  }
  out.push(field);
  return out;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
