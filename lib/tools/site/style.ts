// The course site's one stylesheet: plain, readable, light or dark as the reader's system prefers.
// Figures and widgets draw their text in currentColor, so they follow the page's colours.
export const siteStyle = `
:root {
  --text: #1d2127;
  --muted: #5b6470;
  --page: #ffffff;
  --panel: #f5f7f9;
  --line: #d9dee4;
  --link: #1f62a8;
  --accent: #3b82c4;
  --error: #b3261e;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e4e7eb;
    --muted: #a3acb8;
    --page: #15181d;
    --panel: #1e232a;
    --line: #343b45;
    --link: #79b3ef;
    --accent: #5b9fe0;
    --error: #ff8a80;
  }
}
* { box-sizing: border-box; }
html { background: var(--page); color: var(--text); }
body {
  margin: 0;
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
  -webkit-text-size-adjust: 100%;
}
a { color: var(--link); }
header.site, footer.site { border-bottom: 1px solid var(--line); padding: 10px 20px; font-size: 15px; }
footer.site { border-top: 1px solid var(--line); border-bottom: none; margin-top: 48px; color: var(--muted); }
header.site a.home { font-weight: 600; text-decoration: none; color: var(--text); }
nav.pager { display: flex; justify-content: space-between; gap: 16px; flex-wrap: wrap; }
nav.pager a { text-decoration: none; }
main { max-width: 980px; margin: 0 auto; padding: 8px 20px 24px; }
.notice { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; font-size: 15px; color: var(--muted); margin: 16px 0; }
.notice code { font-size: 13px; }
.markdown h1 { font-size: 2rem; line-height: 1.25; margin: 24px 0 12px; }
.markdown h2 { font-size: 1.45rem; margin: 36px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.markdown h3 { font-size: 1.15rem; margin: 28px 0 6px; }
.markdown p, .markdown li { max-width: 46em; }
.markdown table { border-collapse: collapse; margin: 12px 0; font-size: 15px; font-variant-numeric: tabular-nums; }
.markdown th, .markdown td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; }
.markdown th { background: var(--panel); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
.markdown code { font-size: 0.88em; background: var(--panel); border-radius: 4px; padding: 1px 4px; }
.markdown pre code { background: none; padding: 0; }
.cell { margin: 14px 0; }
.cell.code pre.source {
  margin: 0;
  padding: 10px 14px;
  background: var(--panel);
  border: 1px solid var(--line);
  border-left: 3px solid var(--accent);
  border-radius: 6px;
  font-size: 13.5px;
  line-height: 1.5;
  overflow-x: auto;
}
.outputs { margin: 6px 0 0; padding-left: 4px; }
details.solution { margin: 8px 0 18px; padding: 6px 12px; border: 1px dashed var(--line); border-radius: 6px; }
details.solution summary { cursor: pointer; font-weight: 600; }
details.solution pre.source { margin: 6px 0; padding: 10px 14px; background: var(--panel); border-radius: 6px; font-size: 13.5px; line-height: 1.5; overflow-x: auto; }
.outputs pre { margin: 4px 0; font-size: 13.5px; line-height: 1.5; overflow-x: auto; white-space: pre; }
.outputs pre.stderr, .outputs pre.error { color: var(--error); }
.outputs .html { overflow-x: auto; margin: 6px 0; }
.outputs img { max-width: 100%; }
ol.toc { list-style: none; padding: 0; margin: 16px 0; }
ol.toc li { display: flex; gap: 14px; align-items: baseline; padding: 8px 0; border-bottom: 1px solid var(--line); }
ol.toc .number { font-variant-numeric: tabular-nums; color: var(--muted); min-width: 2em; }
ol.toc a { font-weight: 600; text-decoration: none; }
ol.toc .idea { color: var(--muted); font-size: 15px; }
`;
