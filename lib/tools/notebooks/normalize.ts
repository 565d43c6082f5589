import { stillClass, stillDataUrl } from "../../figures/render";

/**
 * Normalises figure HTML for comparing a stored output with a re-run: a still picture (for sanitised
 * notebooks) that is exactly the SVG before it becomes a short marker (one that is not stays, so it
 * differs), ids that come from Plot's process-wide counters are renumbered in order of appearance,
 * and long decimals rounded to 3 places.
 */
export function normalizeFigureHtml(html: string): string {
  const ids = new Map<string, string>();
  return html
    .replace(new RegExp(`(<svg[\\s>][\\s\\S]*?</svg>)<img class="${stillClass}" alt="([^"]*)" src='([^']*)'>`, "g"), (all, svg: string, alt: string, src: string) =>
      src === stillDataUrl(svg) ? `${svg}<img class="${stillClass}" alt="${alt}" src="(the SVG above)">` : all,
    )
    .replace(/plot-(clip|marker|pattern|gradient)-\d+/g, (id, kind: string) => {
      if (!ids.has(id)) ids.set(id, `plot-${kind}-N${ids.size + 1}`);
      return ids.get(id)!;
    })
    .replace(/-?\d+\.\d{4,}/g, (n) => String(Number(Number(n).toFixed(3))));
}
