// Serves the built site on 127.0.0.1 with Node's http module: only files inside the site's folder,
// only GET and HEAD, nothing cached, so a rebuilt page shows on reload.
import { createReadStream, statSync } from "node:fs";
import { Server, createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** The file under `root` that a request path names, or undefined if it names none (or leaves `root`). */
export function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  const base = resolve(root);
  let file = resolve(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The port the site asks for first, so its address stays the same from one day to the next. */
export const preferredPort = 8765;

export interface SiteServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    const onError = (e: Error) => {
      server.off("listening", onListening);
      fail(e);
    };
    const onListening = () => {
      server.off("error", onError);
      const address = server.address();
      done(typeof address === "object" && address ? address.port : port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, "127.0.0.1");
  });
}

/** Serves `root` on 127.0.0.1: on `port` if given, else on `preferred` if free, else on any free port. */
export async function serveSite(root: string, options: { port?: number; preferred?: number } = {}): Promise<SiteServer> {
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const file = fileFor(root, request.url ?? "/");
    if (!file) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-cache" });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  let port: number;
  if (options.port !== undefined) port = await listen(server, options.port);
  else {
    try {
      port = await listen(server, options.preferred ?? preferredPort);
    } catch {
      port = await listen(server, 0);
    }
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
