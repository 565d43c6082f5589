// Whose fault is a browser console error on a Jupyter page? The course's outputs are self-contained
// (their scripts are inline, they load nothing), so an error about one of Jupyter's own resources (its
// static files, an nbextension it looks for, custom.js, a kernel logo, the favicon) is Jupyter's page
// furniture: classic Notebook 6.4, for one, always asks for the ipywidgets extension and logs a 404 and
// a refused script where ipywidgets is not installed. Such errors are notes. Everything else (an output's
// script, a widget, an uncaught exception thrown outside Jupyter's files) is the course's, and fails.

/** Paths that Jupyter's server serves for its own page. */
const jupyterPath = /^\/(?:static|nbextensions|custom|kernelspecs|files\/favicon|favicon\.ico|api|login|logout|lab\/api)(?:[/?]|$)/;

/** Whether `url` is one of Jupyter's own resources on the page's server. */
export function isJupyterResource(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin && jupyterPath.test(parsed.pathname);
  } catch {
    return false;
  }
}

export interface ConsoleEntry {
  /** The console message, or an uncaught exception's message. */
  text: string;
  /** Where the browser says it came from (a console message's location), if anywhere. */
  url?: string;
  /** An uncaught exception's stack, when there is one. */
  stack?: string;
}

/**
 * "jupyter" for an error about Jupyter's own resources, "course" for anything else. A console message
 * is Jupyter's when the resource it names (its location, or a URL quoted in its text) is one of
 * Jupyter's; an uncaught exception is Jupyter's when it was thrown in one of Jupyter's script files.
 */
export function blame(entry: ConsoleEntry, origin: string): "jupyter" | "course" {
  if (entry.stack !== undefined) {
    // A script that does not parse, met as the page inserts it ("SyntaxError: Failed to execute
    // 'insertBefore' on 'Node': Unexpected token"): the fault is the inserted script's, an output's,
    // though the frames are those of the Jupyter code that inserted it (Lab's output area, jQuery).
    if (/^SyntaxError: Failed to execute '\w+' on 'Node'/.test(entry.stack)) return "course";
    // The first frame with a file: "at f (http://…/static/notebook/js/main.min.js:1:2)" or "at http://…".
    const frame = /\bat (?:[^\n(]*\()?(https?:\/\/[^\s)]+?):\d+:\d+\)?/.exec(entry.stack);
    const top = entry.stack.split("\n").find((line) => /^\s+at /.test(line));
    // A frame without a file (an inline output script, an eval) comes first: that is the course's.
    if (!frame || !top || !top.includes(frame[1])) return "course";
    return isJupyterResource(frame[1], origin) ? "jupyter" : "course";
  }
  const urls = [entry.url ?? "", ...(entry.text.match(/https?:\/\/[^\s'")]+/g) ?? [])].filter(Boolean);
  return urls.length > 0 && urls.some((u) => isJupyterResource(u, origin)) ? "jupyter" : "course";
}
