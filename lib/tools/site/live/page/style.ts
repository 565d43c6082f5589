// The live page's own styles, added by its script (the site's stylesheet, style.ts, is left as it is).
// They use the site's colour variables, so light and dark pages both work.
export const liveStyle = `
.live-bar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: 8px; align-items: center;
  background: var(--page); border-bottom: 1px solid var(--line); padding: 8px 0; margin: 8px 0 16px; font-size: 14px; }
.live-bar button, .cell-tools button { font: inherit; font-size: 13px; color: var(--text); background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px; padding: 3px 10px; cursor: pointer; }
.live-bar button:hover:not(:disabled), .cell-tools button:hover { border-color: var(--accent); }
.live-bar button:disabled { opacity: 0.45; cursor: default; }
.live-status { color: var(--muted); font-size: 13px; }
.live-status[data-state="busy"], .live-status[data-state="starting"], .live-status[data-state="restoring"] { color: var(--accent); }
.cell-tools { display: flex; gap: 8px; align-items: center; margin: 0 0 4px; font-size: 13px; }
.cell-tools .count { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); min-width: 3.5em; }
.cell-tools .reset { display: none; margin-left: auto; }
.cell.edited .cell-tools .reset { display: inline-block; }
.cell.code textarea.source { display: block; width: 100%; margin: 0; padding: 10px 14px; resize: vertical; overflow: hidden;
  background: var(--panel); color: var(--text); border: 1px solid var(--line); border-left: 3px solid var(--accent); border-radius: 6px;
  font: 13.5px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; white-space: pre; tab-size: 2; }
.cell.code textarea.source:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.cell.edited textarea.source { border-left-color: #e8833a; }
.cell.running textarea.source { border-left-color: #2e9d5b; }
.cell.failed textarea.source { border-left-color: var(--error); }
`;
