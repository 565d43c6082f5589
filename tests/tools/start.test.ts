// `npm start` registers the kernel inside the project, finds Jupyter (or, without it, serves the course
// as a static site and says how to get Jupyter), and never writes into the user's home. Each case runs
// start.ts as a child process with HOME set to a fresh, empty folder, and checks that the folder is
// still empty afterwards.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { request as httpRequest } from "node:http";
import { basename, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { courseNotebooks, howToGetJupyter, jupyterEnv, jupyterEnvNames, kernelJsonPath, stateDir } from "../../lib/tools/start";

const root = resolve(__dirname, "..", "..");
const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const home = mkdtempSync(join(tmpdir(), "course-home-"));
  homes.push(home);
  const base = { ...process.env };
  delete base.COURSE_JUPYTER;
  const run = spawnSync(process.execPath, [join(root, "lib/tools/run-ts.cjs"), join(root, "lib/tools/start.ts"), ...args], {
    cwd: root,
    env: { ...base, HOME: home, ...env },
    encoding: "utf8",
    // Only against a hang: these commands take a second or two.
    timeout: 300_000,
  });
  return { ...run, home, homeAfter: readdirSync(home) };
}

const hasJupyter = existsSync("/usr/bin/jupyter");

describe("npm start -- --kernel-only", () => {
  it("writes tslab's kernel.json, with absolute paths, under node_modules/.cache/course-jupyter", () => {
    const run = start(["--kernel-only"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(kernelJsonPath).toBe(join(root, "node_modules/.cache/course-jupyter/share/jupyter/kernels/tslab/kernel.json"));
    const entry = join(root, "lib/tools/kernel.cjs");
    expect(JSON.parse(readFileSync(kernelJsonPath, "utf8"))).toEqual({
      argv: [process.execPath, entry, "kernel", "--config-path", "{connection_file}"],
      display_name: "TypeScript",
      language: "typescript",
    });
    // The course's entry brings the compiled library up to date, then starts tslab's own kernel.
    expect(readFileSync(entry, "utf8")).toContain('require("./lib-build.cjs").ensureBuilt()');
    expect(readFileSync(entry, "utf8")).toContain('"tslab/dist/main.js"');
    expect(run.stdout).toContain(`export JUPYTER_PATH=${join(stateDir, "share/jupyter")}`);
    expect(run.homeAfter).toEqual([]);
  });

  it.skipIf(!hasJupyter)("is the tslab kernel Jupyter lists with the project-local environment", () => {
    const { home } = start(["--kernel-only"]);
    const list = spawnSync("/usr/bin/jupyter", ["kernelspec", "list", "--json"], { env: jupyterEnv({ ...process.env, HOME: home }), encoding: "utf8" });
    expect(list.status).toBe(0);
    const specs = JSON.parse(list.stdout).kernelspecs;
    expect(specs.tslab.resource_dir).toBe(join(stateDir, "share/jupyter/kernels/tslab"));
    expect(specs.tslab.spec.argv[0]).toBe(process.execPath);
    expect(readdirSync(home)).toEqual([]);
  });
});

describe("npm start without Jupyter", () => {
  // The course is served as a static site instead: fetch its pages and check that nothing outside
  // build/site is served, then stop the server as a learner would (Ctrl-C).
  it("serves the course site on 127.0.0.1, says where, and how to get Jupyter", async () => {
    const empty = mkdtempSync(join(tmpdir(), "course-empty-path-"));
    const home = mkdtempSync(join(tmpdir(), "course-home-"));
    homes.push(empty, home);
    const base = { ...process.env };
    delete base.COURSE_JUPYTER;
    const child = spawn(process.execPath, [join(root, "lib/tools/run-ts.cjs"), join(root, "lib/tools/start.ts")], {
      cwd: root,
      env: { ...base, HOME: home, PATH: empty, COURSE_JUPYTER: "/nonexistent" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    try {
      // No clock of its own: however busy the machine, wait until the server says it is ready (or stops).
      while (!stdout.includes("Press Ctrl-C") && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0];
      expect(url, `no address printed; stdout: ${stdout}\nstderr: ${stderr}`).toBeDefined();
      const lines = stdout.trim().split("\n");
      expect(lines).toContain("To run the cells, install JupyterLab with:  pip install jupyterlab");
      expect(lines).toContain("or on Debian/Ubuntu:  sudo apt-get install jupyter-notebook python3-nbconvert jupyter-nbconvert");

      const index = await fetch(url!);
      expect(index.status).toBe(200);
      expect(index.headers.get("content-type")).toContain("text/html");
      const toc = await index.text();
      for (const path of courseNotebooks()) expect(toc).toContain(`href="${basename(path).replace(/\.ipynb$/, ".html")}"`);
      const page = await fetch(`${url}${basename(courseNotebooks()[0]).replace(/\.ipynb$/, ".html")}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<link rel="stylesheet" href="style.css">');
      expect((await fetch(`${url}style.css`)).headers.get("content-type")).toContain("text/css");
      expect((await fetch(`${url}no-such-page.html`)).status).toBe(404);
      // fetch() would tidy "../" away; an encoded one reaches the server, which must refuse it.
      expect(await rawStatus(url!, "/%2e%2e/package.json")).toBe(404);
      expect(await rawStatus(url!, "/..%2fpackage.json")).toBe(404);
      expect((await fetch(url!, { method: "POST" })).status).toBe(405);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
    expect(readdirSync(home)).toEqual([]);
  });

  it("--print-only says what it would serve, and how to get Jupyter", () => {
    const empty = mkdtempSync(join(tmpdir(), "course-empty-path-"));
    homes.push(empty);
    const run = start(["--print-only", "--port", "8123"], { PATH: empty, COURSE_JUPYTER: "/nonexistent" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("jupyter: not found");
    expect(lines[1]).toMatch(new RegExp(`^site: ${join(root, "build", "site")} \\((up to date|built first: missing or older than the notebooks)\\)$`));
    expect(lines[2]).toBe("serve: http://127.0.0.1:8123/");
    expect(lines.slice(3)).toEqual(howToGetJupyter);
    expect(run.homeAfter).toEqual([]);
  });
});

/** The status of a GET for `path` exactly as written (no URL tidying). */
function rawStatus(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const request = httpRequest({ host: hostname, port, path, method: "GET" }, (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    });
    request.on("error", fail);
    request.end();
  });
}

describe.skipIf(!hasJupyter)("npm start -- --print-only", () => {
  function printed(run: ReturnType<typeof start>) {
    const lines = run.stdout.trim().split("\n");
    const value = (key: string) => lines.filter((l) => l.startsWith(`${key}: `)).map((l) => l.slice(key.length + 2));
    return { lines, value };
  }

  it("chooses classic Notebook here (no JupyterLab installed), with project-local state only", () => {
    const labHere = spawnSync("/usr/bin/jupyter", ["lab", "--version"]).status === 0;
    const run = start(["--print-only", "--no-browser", "--port", "8899"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const { value } = printed(run);
    const [command] = value("run");
    // Jupyter opens the learner's copy, notebooks/my-course (made after --print-only would return).
    const notebooks = join(root, "notebooks", "my-course");
    if (labHere) expect(command).toMatch(/ lab /);
    else expect(command).toMatch(new RegExp(`^\\S*jupyter notebook --notebook-dir=${notebooks} `));
    expect(command).toContain("--no-browser --port 8899");
    expect(command.endsWith(join(notebooks, "00-start-here.ipynb"))).toBe(true);
    expect(command.includes("--allow-root")).toBe(process.getuid?.() === 0);
    const env = value("env");
    expect(env.map((l) => l.split("=")[0])).toEqual([...jupyterEnvNames]);
    for (const line of env) expect(line.split("=")[1].startsWith(stateDir + "/")).toBe(true);
    expect(value("kernel")).toEqual([kernelJsonPath]);
    expect(value("trust").length).toBeGreaterThan(0);
    // Nothing was written, or would be, under HOME.
    expect(run.stdout).not.toContain(run.home);
    expect(run.homeAfter).toEqual([]);
  });

  it("honours COURSE_JUPYTER when PATH has no jupyter", () => {
    const empty = mkdtempSync(join(tmpdir(), "course-empty-path-"));
    homes.push(empty);
    const run = start(["--print-only"], { PATH: empty, COURSE_JUPYTER: "/usr/bin/jupyter" });
    expect(run.status).toBe(0);
    expect(printed(run).value("run")[0]).toMatch(/^\/usr\/bin\/jupyter (notebook|lab) /);
    expect(run.homeAfter).toEqual([]);
  });
});
