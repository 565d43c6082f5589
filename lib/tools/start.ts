// npm start [-- <extra Jupyter arguments>]   opens the course in JupyterLab or classic Notebook; without
//                                             Jupyter, serves the course as a static site on 127.0.0.1
// npm start -- --print-only                   prints what it would run, and runs nothing
// npm start -- --kernel-only                  only registers the kernel (for VS Code and other front ends)
// npm start -- --site [--port N]              serves the static site even when Jupyter is installed
// npm start -- --update 05                    brings an edited notebook of your copy to the course's new
//                                             version, your exercise answers carried over
// npm start -- --reset 05                     starts a notebook of your copy afresh
//
// Jupyter opens the learner's copy of the course, notebooks/my-course/ (lib/tools/learner/copy.ts):
// every exercise left to do, solutions one folder away, nothing that git tracks.
// Everything Jupyter keeps (kernel spec, trust database, runtime files, config) lives in
// node_modules/.cache/course-jupyter, so the course never writes into the user's home directory.
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { courseNotebookNamed, learnerFolder, renewNotebook, syncLearnerCopy, SyncReport } from "./learner/copy";
import { courseNotebooks } from "./notebooks/list";
import { buildSite, siteFolder, siteIsStale } from "./site/build";
import { preferredPort, serveSite } from "./site/serve";
import { writeWhole } from "./files";

export { courseNotebooks };

export const repoRoot = resolve(__dirname, "..", "..");
export const stateDir = join(repoRoot, "node_modules", ".cache", "course-jupyter");
export const notebooksDir = join(repoRoot, "notebooks");
export const firstNotebook = join(notebooksDir, "00-start-here.ipynb");
/** What `npm start` opens: the learner's copy of the first notebook. */
export const firstLearnerNotebook = join(learnerFolder, "00-start-here.ipynb");
export const kernelName = "tslab";
export const kernelJsonPath = join(stateDir, "share", "jupyter", "kernels", kernelName, "kernel.json");

/** The environment for every Jupyter process: the caller's, with all of Jupyter's state made project-local. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    JUPYTER_PATH: join(stateDir, "share", "jupyter"),
    JUPYTER_DATA_DIR: join(stateDir, "data"),
    JUPYTER_RUNTIME_DIR: join(stateDir, "runtime"),
    JUPYTER_CONFIG_DIR: join(stateDir, "config"),
    IPYTHONDIR: join(stateDir, "ipython"),
  };
}

/** The names of the variables jupyterEnv sets, in the order they are printed. */
export const jupyterEnvNames = ["JUPYTER_PATH", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR", "IPYTHONDIR"] as const;

/**
 * What `tslab install` writes, but with absolute paths, so neither python nor a global tslab is needed,
 * and starting lib/tools/kernel.cjs, which brings the compiled course library up to date before tslab.
 */
export function kernelSpec(): { argv: string[]; display_name: string; language: string } {
  createRequire(join(repoRoot, "package.json")).resolve("tslab/package.json"); // fails clearly before npm install
  const entry = join(repoRoot, "lib", "tools", "kernel.cjs");
  return { argv: [process.execPath, entry, "kernel", "--config-path", "{connection_file}"], display_name: "TypeScript", language: "typescript" };
}

/** Writes the kernel spec (atomically: tests and the e2e run may register at the same time). */
export function registerKernel(): string {
  const text = JSON.stringify(kernelSpec(), null, 1) + "\n";
  if (!existsSync(kernelJsonPath) || readFileSync(kernelJsonPath, "utf8") !== text) writeWhole(kernelJsonPath, text);
  return kernelJsonPath;
}

export interface Jupyter {
  /** Executable to run. */
  command: string;
  /** Arguments that select the front end ("lab" or "notebook"; empty for the jupyter-lab script). */
  app: string[];
  kind: "lab" | "notebook";
  version: string;
}

/** An executable named `name` on `pathList`, as the shell would find it. */
export function which(name: string, pathList = process.env.PATH ?? ""): string | undefined {
  const extensions = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of pathList.split(delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function versionOf(command: string, args: string[], env: NodeJS.ProcessEnv): string | undefined {
  const run = spawnSync(command, [...args, "--version"], { env, encoding: "utf8", timeout: 60_000 });
  if (run.status !== 0) return undefined;
  return run.stdout.trim().split("\n").pop()?.trim() || "unknown version";
}

/**
 * Finds Jupyter, JupyterLab first (or only the front end `only`). COURSE_JUPYTER names the jupyter
 * executable to use, and only that; otherwise `jupyter` on PATH, then Debian's /usr/bin/jupyter (the
 * python first on PATH may be one without Jupyter).
 */
export function findJupyter(env: NodeJS.ProcessEnv = jupyterEnv(), only?: "lab" | "notebook"): Jupyter | undefined {
  const override = env.COURSE_JUPYTER;
  const candidates = override ? [override] : [which("jupyter", env.PATH), "/usr/bin/jupyter"];
  const found = [...new Set(candidates.filter((c): c is string => !!c && existsSync(c)))];
  if (only !== "notebook") {
    for (const command of found) {
      const version = versionOf(command, ["lab"], env);
      if (version) return { command, app: ["lab"], kind: "lab", version };
    }
    const labScript = override ? undefined : which("jupyter-lab", env.PATH);
    const version = labScript && versionOf(labScript, [], env);
    if (labScript && version) return { command: labScript, app: [], kind: "lab", version };
  }
  if (only === "lab") return undefined;
  for (const command of found) {
    const version = versionOf(command, ["notebook"], env);
    if (version) return { command, app: ["notebook"], kind: "notebook", version };
  }
  return undefined;
}

/** Arguments that open `notebook` with the notebooks folder as Jupyter's root. */
export function launchArgs(jupyter: Jupyter, notebook = firstNotebook, extra: string[] = []): string[] {
  const root = jupyter.kind === "lab" ? `--ServerApp.root_dir=${dirname(notebook)}` : `--notebook-dir=${dirname(notebook)}`;
  const asRoot = process.getuid?.() === 0 ? ["--allow-root"] : [];
  return [...jupyter.app, root, ...asRoot, ...extra, notebook];
}

/** The python that runs a jupyter script, from its #! line (for `python -m nbformat.sign`). */
function pythonOf(command: string): string | undefined {
  try {
    const fd = openSync(command, "r");
    const head = Buffer.alloc(200);
    const n = readSync(fd, head, 0, 200, 0);
    closeSync(fd);
    const line = head.subarray(0, n).toString("utf8").split("\n")[0];
    if (!line.startsWith("#!")) return undefined;
    const words = line.slice(2).trim().split(/\s+/);
    return words[0].endsWith("/env") ? words[1] : words[0];
  } catch {
    return undefined;
  }
}

/**
 * Marks notebooks as trusted in the project-local data dir, so their stored figures show. Debian ships no
 * `jupyter trust` command, so nbformat's signer is run with Jupyter's own python when it is missing.
 */
export function trustCommands(jupyter: Jupyter, notebooks: string[]): { command: string; args: string[] }[] {
  // The jupyter-lab script runs no subcommands; the `jupyter` beside it does.
  const command = jupyter.app.length ? jupyter.command : join(dirname(jupyter.command), "jupyter");
  const commands = [{ command, args: ["trust", ...notebooks] }];
  const python = pythonOf(command);
  if (python) commands.push({ command: python, args: ["-m", "nbformat.sign", ...notebooks] });
  return commands;
}

export function trustNotebooks(jupyter: Jupyter, notebooks: string[], env: NodeJS.ProcessEnv): boolean {
  for (const { command, args } of trustCommands(jupyter, notebooks)) {
    const run = spawnSync(command, args, { env, encoding: "utf8", timeout: 60_000 });
    if (run.status === 0) return true;
  }
  return false;
}

/** Quotes an argument for display, so a printed command can be pasted into a shell. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./{}-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The two lines that say how to get Jupyter, to run the cells. */
export const howToGetJupyter = [
  "To run the cells, install JupyterLab with:  pip install jupyterlab",
  "or on Debian/Ubuntu:  sudo apt-get install jupyter-notebook python3-nbconvert jupyter-nbconvert",
];

/** The port asked for with --port N or --port=N (Jupyter's own spelling), if any. */
export function portArgument(args: readonly string[]): number | undefined {
  for (let k = 0; k < args.length; k++) {
    const value = args[k] === "--port" ? args[k + 1] : args[k].startsWith("--port=") ? args[k].slice(7) : undefined;
    if (value !== undefined && /^\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

/**
 * Without Jupyter: builds the static site if it is missing or older than the notebooks, serves it on
 * 127.0.0.1, and says where, and how to get Jupyter to run the cells.
 */
async function serveCourse(why: string, options: { printOnly: boolean; port?: number }): Promise<void> {
  const stale = siteIsStale();
  if (options.printOnly) {
    console.log(`jupyter: ${why}`);
    console.log(`site: ${siteFolder} (${stale ? "built first: missing or older than the notebooks" : "up to date"})`);
    console.log(`serve: http://127.0.0.1:${options.port ?? preferredPort}/${options.port === undefined ? ` (or another free port if ${preferredPort} is taken)` : ""}`);
    for (const line of howToGetJupyter) console.log(line);
    return;
  }
  if (stale) {
    const site = buildSite();
    console.log(`Built the course site: ${site.pages.length} pages in ${site.folder} (${site.ms} ms).`);
  }
  const server = await serveSite(siteFolder, { port: options.port });
  console.log(`${why === "not found" ? "Jupyter was not found, so the course" : "The course"} is served as a website (read-only; its interactive figures work):`);
  console.log(`  ${server.url}`);
  for (const line of howToGetJupyter) console.log(line);
  console.log("Press Ctrl-C here to stop the site.");
  const stop = () => void server.close().then(() => process.exit(0));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
}

function main(): void {
  const args = process.argv.slice(2);
  const ours = (a: string) => a === "--print-only" || a === "--kernel-only" || a === "--site";
  const own = args.filter(ours);
  // --update NN and --reset NN name a notebook of the learner's copy.
  const renewing = ["--update", "--reset"].flatMap((flag) => (args.includes(flag) ? [{ flag, key: args[args.indexOf(flag) + 1] }] : []));
  const renewArgs = new Set(renewing.flatMap((r) => [args.indexOf(r.flag), args.indexOf(r.flag) + 1]));
  // npm drops the "--" of `npm start -- …`, so every argument that is not ours goes to Jupyter.
  const extra = args.filter((a, i) => !ours(a) && a !== "--" && !renewArgs.has(i));
  const env = jupyterEnv();

  if (own.includes("--kernel-only")) {
    const path = registerKernel();
    console.log(`Registered the TypeScript kernel (tslab) in ${path}`);
    console.log("For VS Code or another front end, set this before starting it:");
    const value = env.JUPYTER_PATH!;
    console.log(process.platform === "win32" ? `$env:JUPYTER_PATH = "${value}"` : `export JUPYTER_PATH=${shellQuote(value)}`);
    return;
  }

  const jupyter = own.includes("--site") ? undefined : findJupyter(env);
  if (!jupyter) {
    const why = own.includes("--site") ? "not used (--site)" : "not found";
    serveCourse(why, { printOnly: own.includes("--print-only"), port: portArgument(extra) }).catch((e: Error) => {
      console.error(`Could not serve the course site: ${e.message}`);
      process.exit(1);
    });
    return;
  }
  const command = [jupyter.command, ...launchArgs(jupyter, firstLearnerNotebook, extra)];
  const name = jupyter.kind === "lab" ? `JupyterLab ${jupyter.version}` : `Jupyter Notebook ${jupyter.version}`;

  if (own.includes("--print-only")) {
    console.log(`jupyter: ${name} (${jupyter.command})`);
    console.log(`kernel: ${kernelJsonPath}`);
    for (const key of jupyterEnvNames) console.log(`env: ${key}=${env[key]}`);
    console.log(`copy: ${learnerFolder} (your copy of the course: made or brought up to date first)`);
    for (const t of trustCommands(jupyter, learnerNotebooks())) console.log(`trust: ${[t.command, ...t.args].map(shellQuote).join(" ")}`);
    console.log(`run: ${command.map(shellQuote).join(" ")}`);
    return;
  }

  try {
    for (const r of renewing) {
      if (!r.key) throw new Error(`${r.flag} needs a notebook, such as ${r.flag} 05`);
      const done = renewNotebook(courseNotebookNamed(r.key), r.flag === "--update" ? "keepAnswers" : "reset");
      console.log(`${r.flag === "--update" ? "Updated" : "Started afresh"}: ${done.path}${done.carried.length ? ` (your answers kept in ${done.carried.join(", ")})` : ""}`);
      if (done.movedTo) console.log(`  your earlier notebook is now ${done.movedTo}`);
    }
    printSync(syncLearnerCopy());
  } catch (e) {
    console.error(`Could not prepare your copy of the course in ${learnerFolder}: ${(e as Error).message}`);
    process.exit(1);
  }
  registerKernel();
  for (const key of ["data", "runtime", "config", "ipython"]) mkdirSync(join(stateDir, key), { recursive: true });
  if (!trustNotebooks(jupyter, learnerNotebooks().filter((p) => existsSync(p)), env)) console.warn("warning: could not mark the notebooks as trusted; re-run a cell to see its figures.");
  console.log(`Opening ${firstLearnerNotebook} in ${name}. Press Ctrl-C here to stop Jupyter.`);

  // Jupyter gets its own process group, so the terminal's Ctrl-C reaches only this script, which then
  // stops Jupyter in the one order that is clean here (see stopJupyter).
  const child = spawn(command[0], command.slice(1), { env, stdio: "inherit", detached: process.platform !== "win32" });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Jupyter and its kernels…");
    void stopJupyter(child);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
  child.on("error", (e) => {
    console.error(`Could not start ${jupyter.command}: ${e.message}`);
    process.exit(1);
  });
  child.on("exit", (code) => process.exit(stopping ? 0 : (code ?? 1)));
}

/** The learner's notebooks and their solutions (the course notebooks with exercises have solutions). */
function learnerNotebooks(): string[] {
  return courseNotebooks().flatMap((p) => [join(learnerFolder, basename(p)), join(learnerFolder, "solutions", basename(p))]);
}

/** Says what making or updating the learner's copy did. */
function printSync(report: SyncReport): void {
  if (report.created.length) console.log(`Your copy of the course: ${report.created.length} notebooks in ${report.folder}, with the exercises left for you.`);
  if (report.updated.length) console.log(`Brought up to the course's new version (you had not edited them): ${report.updated.join(", ")}.`);
  for (const path of report.movedAside) console.log(`  the run you saved is kept in ${path}`);
  for (const name of report.waiting) {
    console.log(`The course has a new version of ${name}, which you have edited, so your notebook is left as it is.`);
    console.log(`  To get the new version with your exercise answers carried over: npm start -- --update ${name.slice(0, 2)}`);
  }
  for (const name of report.unreadable) console.log(`warning: ${join(report.folder, name)} is not a notebook Jupyter can read; it was left as it is.`);
  for (const r of report.retired) {
    console.log(`The course no longer has ${r.name}: its lessons have new names (see the list of notebooks).`);
    if (r.movedTo) console.log(`  You had worked in it, so your notebook is kept in ${r.movedTo}`);
  }
}

/** Shuts down every kernel of the server at `url` through Jupyter's REST API. */
export async function shutdownKernels(url: string, token: string): Promise<void> {
  const api = `${url.replace(/\/$/, "")}/api/kernels`;
  const headers = { Authorization: `token ${token}` };
  const signal = AbortSignal.timeout(5000);
  const kernels = (await (await fetch(api, { headers, signal })).json()) as { id: string }[];
  await Promise.all(kernels.map((k) => fetch(`${api}/${k.id}`, { method: "DELETE", headers, signal })));
}

/**
 * Stops a Jupyter server started by this script. Classic Notebook 6.4 with jupyter_client 7 (Debian's)
 * crashes with "Event loop stopped before Future completed" when a signal stops it while kernels run,
 * so the kernels are shut down first through the API (address and token from the server's runtime
 * file), then the server gets SIGTERM, and SIGKILL if it is still there after 10 s.
 */
export async function stopJupyter(child: ChildProcess): Promise<void> {
  const runtime = join(stateDir, "runtime");
  for (const name of [`nbserver-${child.pid}.json`, `jpserver-${child.pid}.json`]) {
    try {
      const info = JSON.parse(readFileSync(join(runtime, name), "utf8")) as { url: string; token: string };
      await shutdownKernels(info.url, info.token);
      break;
    } catch {
      // no such server file, or the server no longer answers: the signal below still stops it
    }
  }
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"), 10_000).unref();
}

if (resolve(process.argv[1] ?? "") === __filename) main();
