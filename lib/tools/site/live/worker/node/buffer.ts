// Node's Buffer, for the course library in the kernel worker (lib/figures/png.ts writes base64 with it):
// the browser port of Node's Buffer that bundlers use (the npm package buffer; "buffer/" names the package, not Node's module).
export { Buffer } from "buffer/";
