// Direction and comparison words ("the loss goes down", "bigger than", "falls", "faster", "after
// epoch 8") state how two computed values compare. A claims file declares such a statement as a
// phrase with its direction word in brackets, "the loss goes [down]", and the values it compares;
// the checker finds the phrase in the cell with either word of the pair in the slot ("goes up" or
// "goes down"), reads the word the text prints, and requires it to agree with the values.
import { contextOf } from "./numbers";

/**
 * Pairs of opposite words: the first says "the value is above its reference" (or "rose", "later"),
 * the second "below" (or "fell", "earlier"). A word's opposite is what the mutation test swaps in.
 */
export const directionPairs: readonly (readonly [string, string])[] = [
  ["up", "down"],
  ["rises", "falls"], ["rise", "fall"], ["rose", "fell"], ["rising", "falling"], ["risen", "fallen"],
  ["increases", "decreases"], ["increase", "decrease"], ["increased", "decreased"], ["increasing", "decreasing"],
  ["grows", "shrinks"], ["grow", "shrink"], ["grew", "shrank"], ["growing", "shrinking"],
  ["climbs", "drops"], ["climb", "drop"], ["climbed", "dropped"],
  ["bigger", "smaller"], ["larger", "smaller"], ["greater", "smaller"], ["higher", "lower"], ["more", "fewer"], ["more", "less"],
  ["faster", "slower"], ["longer", "shorter"], ["steeper", "flatter"], ["above", "below"], ["after", "before"], ["later", "earlier"],
  ["largest", "smallest"], ["biggest", "smallest"], ["highest", "lowest"], ["most", "fewest"], ["most", "least"],
  ["positive", "negative"],
];

/** Words that state a direction wherever they appear (verbs of change, comparatives, superlatives): found and counted. */
const detected = new Set([
  "rises", "rise", "rose", "risen", "rising", "falls", "fall", "fell", "fallen", "falling",
  "increases", "decreases", "increased", "decreased", "grows", "grew", "shrinks", "shrank", "climbs", "climbed", "drops", "dropped",
  "bigger", "smaller", "larger", "greater", "higher", "lower", "fewer", "faster", "slower", "steeper", "flatter",
  "largest", "biggest", "smallest", "highest", "lowest", "fewest",
]);
/** Phrases that state a direction: "goes up", "comes back down", "more than"… (the direction word is the last or first word). */
const detectedPhrases = /\b(?:go|goes|went|gone|going|move|moves|moved|moving|push|pushes|pushed|turn|turns|comes?|came)(?:[\s*_]+back)?[\s*_]+(up|down)\b|\b(more|less)[\s*_]+than\b/gi;

/** Whether a direction word says "above" (+1) or "below" (−1), and its opposite. */
export function directionOf(word: string): { sign: 1 | -1; opposite: string } | undefined {
  const w = word.toLowerCase();
  for (const [up, down] of directionPairs) {
    if (w === up) return { sign: 1, opposite: matchCase(word, down) };
    if (w === down) return { sign: -1, opposite: matchCase(word, up) };
  }
  return undefined;
}

function matchCase(like: string, word: string): string {
  return like[0] === like[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

/** A direction word found in a cell's text. */
export interface FoundDirection {
  word: string;
  offset: number;
  length: number;
  context: string;
}

/** The direction words of a text that state a comparison, in reading order. */
export function findDirectionWords(text: string): FoundDirection[] {
  const out: FoundDirection[] = [];
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    if (detected.has(m[0].toLowerCase())) out.push({ word: m[0], offset: m.index!, length: m[0].length, context: contextOf(text, m.index!) });
  }
  for (const m of text.matchAll(detectedPhrases)) {
    const word = m[1] ?? m[2];
    // "goes up": the word ends the phrase; "more than": it starts it.
    const offset = m[1] ? m.index! + m[0].length - word.length : m.index!;
    out.push({ word, offset, length: word.length, context: contextOf(text, offset) });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Where a declared phrase sits in a text, and the direction word it prints in its slot. */
export interface PhraseMatch {
  /** The direction word as printed. */
  word: string;
  /** Offset and length of that word in the text. */
  offset: number;
  length: number;
  /** Offset and length of the whole phrase. */
  start: number;
  end: number;
  context: string;
}

/**
 * Finds a phrase such as "the loss goes [down]" in a text: the words around the slot must match
 * (ignoring emphasis markers, case and line breaks); the slot takes either word of the pair.
 * Returns every match.
 */
export function findPhrase(text: string, phrase: string): PhraseMatch[] {
  const slot = /\[([^\]]+)\]/.exec(phrase);
  if (!slot) throw new Error(`the phrase "${phrase}" needs its direction word in brackets, as in "the loss goes [down]"`);
  const direction = directionOf(slot[1]);
  if (!direction) throw new Error(`"${slot[1]}" in "${phrase}" is not a direction word (known: ${directionPairs.map((p) => p.join("/")).join(", ")})`);
  const pattern = (s: string) =>
    s
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\s*_]+");
  const before = pattern(phrase.slice(0, slot.index));
  const after = pattern(phrase.slice(slot.index + slot[0].length));
  const words = `${slot[1]}|${direction.opposite}`;
  const gap = "[\\s*_]*";
  // Punctuation right after the slot word ("[falling], with") needs no space before it.
  const afterText = phrase.slice(slot.index + slot[0].length).trim();
  const afterGap = /^[,.;:!?)]/.test(afterText) ? "[\\s*_]*" : "[\\s*_]+";
  const re = new RegExp(`${before ? `(?<!\\w)${before}[\\s*_]+` : "(?<!\\w)"}${gap}(${words})${gap}${after ? `${afterGap}${after}` : ""}(?!\\w)`, "gi");
  const out: PhraseMatch[] = [];
  for (const m of text.matchAll(re)) {
    const word = m[1];
    // The slot word comes right after the words before it (and any emphasis markers).
    const lead = before ? new RegExp(`^${before}[\\s*_]+${gap}`, "i").exec(m[0])![0].length : /^[\s*_]*/.exec(m[0])![0].length;
    out.push({ word, offset: m.index! + lead, length: word.length, start: m.index!, end: m.index! + m[0].length, context: contextOf(text, m.index!) });
  }
  return out;
}
