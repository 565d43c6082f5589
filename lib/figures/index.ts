/** The course's figures: Observable Plot, rendered to self-contained HTML without a browser. */
export * from "./render";
export * from "./loss-curve";
export * from "./decision-boundary";
export * from "./curves";
export * from "./network-diagram";
export * from "./images";
export * from "./chain";
export * from "./perceptron";
export * from "./hillside";
export * from "./nudge-sizes";
export * from "./histogram";
export * from "./outcome-grid";
export * from "./loss-panels";
export * from "./png";
export * from "./raster-grid";
export * from "./confusion";
