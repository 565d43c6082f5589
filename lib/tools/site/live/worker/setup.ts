// The worker's globals, set before anything else loads: Node's Math.exp and Math.log (node-math.ts) and
// Node's setImmediate, which the live training views await between frames (lib/course/live.ts).
import { useNodeMath } from "./node-math";

useNodeMath();
const global = globalThis as Record<string, unknown>;
global.setImmediate ??= (callback: (...a: unknown[]) => void, ...args: unknown[]) => setTimeout(callback, 0, ...args);
