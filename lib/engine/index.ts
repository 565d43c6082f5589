/**
 * The course's neural-network engine: plain TypeScript with no notebook, page or file in sight.
 * Each file holds one idea of the course, named with the course's own words.
 */
export * from "./activations";
export * from "./checks";
export * from "./data";
export * from "./digits";
export * from "./fast";
export * from "./gradcheck";
export * from "./init";
export * from "./losses";
export * from "./network";
export * from "./neuron";
export * from "./random";
export * from "./train";
export * from "./dead-neurons";
