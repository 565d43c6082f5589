// A classic Jupyter Notebook server on a free local port with a random token, for the browser check.
// It runs in its own process group; its kernels (each in a session of their own) are shut down
// through its API before it is stopped.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { Jupyter, shutdownKernels } from "../../lib/tools/start";
import { killChild, trackChild } from "./cleanup";

export interface NotebookServer {
  url: string;
  token: string;
  /** What the server printed, for failure reports. */
  log(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export async function startNotebookServer(jupyter: Jupyter, env: NodeJS.ProcessEnv, notebookDir: string): Promise<NotebookServer> {
  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const args = [
    ...jupyter.app,
    "--no-browser",
    "--ip=127.0.0.1",
    `--port=${port}`,
    `--NotebookApp.token=${token}`,
    `--notebook-dir=${notebookDir}`,
    ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
  ];
  const child = spawn(jupyter.command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: process.platform !== "win32" });
  trackChild(child, true);
  let log = "";
  const keep = (d: Buffer) => (log = (log + d).slice(-30_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    // Kernels first, through the API: a signal that stops Notebook 6.4 while kernels run makes it crash
    // (see stopJupyter in start.ts). Then SIGTERM, and anything still there after 5 s is killed.
    await shutdownKernels(url, token).catch(() => undefined);
    killChild(child, "SIGTERM", true);
    const timer = new Promise<void>((done) => setTimeout(done, 5000).unref());
    await Promise.race([exited, timer]);
    killChild(child, "SIGKILL", true);
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`jupyter notebook exited before it served anything:\n${log}`);
    }
    try {
      const response = await fetch(`${url}/api/status?token=${token}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`jupyter notebook did not answer on ${url} within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, token, log: () => log, stop };
}
