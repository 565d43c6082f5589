/** Course helpers: what notebooks use beside the engine (showing figures, live training, checks). */
export * from "./display";
export * from "./live";
export * from "./arithmetic";
export * from "./exercises";
export * from "./parameter-working";
export * from "./mean-working";
export * from "./digits-data";
export * from "./table";
export * from "./softmax-working";
export * from "./averaged-update-working";
export * from "./mnist";
export * from "./live-fast";
