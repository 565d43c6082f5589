export { normalizeFigureHtml as normalizeFigure } from "../../lib/tools/notebooks/normalize";
