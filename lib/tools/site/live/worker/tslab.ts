// The module a cell gets for `import * as tslab from "tslab"`, and the one the course library's display
// helpers use (lib/course/display.ts, live.ts): tslab's public API (tslab/dist/public.d.ts) with each
// display sent to the page as the Jupyter kernel sends it (a mime bundle, and an id for newDisplay).
import { display as send } from "./outputs";

let nextId = 0;

function base64(bytes: Uint8Array): string {
  let text = "";
  for (let k = 0; k < bytes.length; k++) text += String.fromCharCode(bytes[k]);
  return btoa(text);
}

class DisplayImpl {
  private update = false;
  constructor(private readonly id?: string) {}
  javascript(s: string) { this.raw("text/javascript", s); }
  html(s: string) { this.raw("text/html", s); }
  markdown(s: string) { this.raw("text/markdown", s); }
  latex(s: string) { this.raw("text/latex", s); }
  svg(s: string) { this.raw("image/svg+xml", s); }
  png(b: Uint8Array) { this.raw("image/png", b); }
  jpeg(b: Uint8Array) { this.raw("image/jpeg", b); }
  gif(b: Uint8Array) { this.raw("image/gif", b); }
  pdf(b: Uint8Array) { this.raw("application/pdf", b); }
  text(s: string) { this.raw("text/plain", s); }
  raw(contentType: string, b: string | Uint8Array) {
    const value = b instanceof Uint8Array ? base64(b) : b;
    const update = this.update;
    if (this.id) this.update = true;
    send({ [contentType]: value }, this.id, update);
  }
}

export const versions = { tslab: "1.0.22 (in the browser)", typescript: "5.0.4", node: "none: this runs in your browser" };
export function newDisplay() {
  return new DisplayImpl(`display-${++nextId}`);
}
export const display = new DisplayImpl();
