// The grader's outputs: a feedback page per student and a gradebook CSV.
import { escapeHtml } from "../../figures/render";
import type { AssignmentKey, NotebookGrade } from "./model";

/** One student's feedback: every notebook, every exercise, its points and its message. */
export function feedbackPage(student: string, grades: readonly NotebookGrade[]): string {
  const total = grades.reduce((s, g) => s + g.earned, 0);
  const max = grades.reduce((s, g) => s + g.points, 0);
  const sections = grades.map((g) => {
    const rows = g.exercises
      .map((e) => {
        const lines = e.note ? [e.note] : e.checks.map((c) => `${c.hidden ? "(hidden) " : ""}${c.message}`);
        return `<tr><td>${escapeHtml(e.exercise)}</td><td>${e.earned} / ${e.points}</td><td>${lines.map((l) => escapeHtml(l)).join("<br>")}</td></tr>`;
      })
      .join("\n");
    return `<h2>${escapeHtml(g.notebook)}: ${g.earned} / ${g.points}</h2>\n${g.problem ? `<p class="problem">${escapeHtml(g.problem)}</p>\n` : ""}<table>\n<tr><th>exercise</th><th>points</th><th>feedback</th></tr>\n${rows}\n</table>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Feedback for ${escapeHtml(student)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}.problem{color:#b42318}</style>
</head><body>
<h1>Feedback for ${escapeHtml(student)}: ${total} / ${max}</h1>
${sections.join("\n")}
</body></html>
`;
}

/** One row per student; one column per exercise of every notebook, then the total. */
export function gradebookCsv(grades: readonly NotebookGrade[], keys: readonly AssignmentKey[]): string {
  const columns = keys.flatMap((k) => k.exercises.map((e) => ({ notebook: k.notebook, exercise: e.exercise })));
  const students = [...new Set(grades.map((g) => g.student))].sort();
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = ["student", ...columns.map((c) => `${c.notebook.replace(/\.ipynb$/, "")} ${c.exercise}`), "total", "max", "problems"];
  const rows = students.map((student) => {
    const mine = grades.filter((g) => g.student === student);
    const scores = columns.map((c) => {
      const g = mine.find((x) => x.notebook === c.notebook);
      return g ? (g.exercises.find((e) => e.exercise === c.exercise)?.earned ?? 0) : "";
    });
    const total = mine.reduce((s, g) => s + g.earned, 0);
    const max = keys.reduce((s, k) => s + k.exercises.reduce((t, e) => t + e.points, 0), 0);
    const problems = mine.filter((g) => g.problem).map((g) => `${g.notebook}: ${g.problem}`).join("; ");
    return [student, ...scores, total, max, problems].map(cell).join(",");
  });
  return [header.map(cell).join(","), ...rows].join("\n") + "\n";
}
