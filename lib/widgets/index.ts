/**
 * Interactive figures ("widgets") for the notebooks: each returns one self-contained HTML output for
 * `show(...)`, a still figure plus the script that makes it live where scripts may run.
 */
export * from "./playground";
export * from "./fit-explorer";
export * from "./inspector";
export * from "./boundary-explorer";
export { widgetOutput, scriptJson, contentHash, stillNote } from "./output";
