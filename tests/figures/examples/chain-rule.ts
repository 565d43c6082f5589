// Examples of the chain figure (notebook 09): the course's first chain, and a longer one with its backward pass.
import { Figure, chainDiagram } from "../../../lib/figures";

export const examples: Record<string, () => Figure> = {
  "chain-diagram": () =>
    chainDiagram(
      [
        { name: "w", value: 2 },
        { name: "z", value: 2 * 3 },
        { name: "loss", value: (2 * 3 - 4) ** 2 },
      ],
      [
        { effect: 3, note: "z per w (the input x)" },
        { effect: 2 * (2 * 3 - 4), note: "loss per z: 2 × (z − target)" },
      ],
      { caption: "The chain w → z → loss with the local effect on each link; the loss moves 12 per unit of w." },
    ),
  "chain-diagram-backward": () =>
    chainDiagram(
      [{ name: "u", value: 1.5 }, { name: "h", value: 3 }, { name: "z", value: 6 }, { name: "loss", value: 4 }],
      [
        { effect: 2, note: "h per u" },
        { effect: 2, note: "z per h" },
        { effect: 4, note: "loss per z" },
      ],
      { backward: true, caption: "A longer chain; the purple row is the backward pass, one multiplication per link." },
    ),
};
