// Node modules that TypeScript's compiler would load only on Node (its file system, hashing, timing):
// never called in the browser, where TypeScript gets its files through compiler.ts.
export {};
