/** Course helpers: what notebooks use beside the engine (showing figures, live training, checks). */
export * from "./display";
export * from "./live";
export * from "./arithmetic";
export * from "./exercises";
export * from "./parameter-working";
export * from "./mean-working";
export * from "./table";
