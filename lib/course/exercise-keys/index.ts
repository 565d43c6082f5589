/**
 * The answer keys of every exercise in the course, by id ("01.2"). `check` reads them; they are not
 * exported through lib/index.ts, so a learner meets an exercise's expected values only by opening
 * these files on purpose.
 */
import type { ExerciseKey } from "../exercises";
import { keys as k00 } from "./00-start-here";
import { keys as k01 } from "./01-a-neuron";
import { keys as k02 } from "./02-weighted-sum";
import { keys as k03 } from "./03-bias";
import { keys as k04 } from "./04-activation-functions";
import { keys as k05 } from "./05-layers-and-forward-pass";
import { keys as k06 } from "./06-loss";
import { keys as k07 } from "./07-gradient";
import { keys as k08 } from "./08-gradient-descent";
import { keys as k09 } from "./09-chain-rule";
import { keys as k10 } from "./10-backpropagation-by-hand";
import { keys as k11 } from "./11-a-network-that-learns";
import { keys as k12 } from "./12-xor";
import { keys as k13 } from "./13-stuck-training";
import { keys as k14 } from "./14-digits";
import { keys as k15 } from "./15-training-the-reader";
import { keys as k16 } from "./16-real-digits";

/** Every key, in course order. */
export const exerciseKeys: readonly ExerciseKey[] = [...k00, ...k01, ...k02, ...k03, ...k04, ...k05, ...k06, ...k07, ...k08, ...k09, ...k10, ...k11, ...k12, ...k13, ...k14, ...k15, ...k16];

/** The key of one exercise, or a clear error naming the exercises that exist. */
export function exerciseKey(id: string): ExerciseKey {
  const key = exerciseKeys.find((k) => k.id === id);
  if (!key) throw new Error(`there is no exercise "${id}". The course's exercises are ${exerciseKeys.map((k) => k.id).join(", ")}.`);
  return key;
}
