// The autograder's records: the answer key of one notebook and the grades it gives. A module of its own,
// so that the grader (grade.ts) and its outputs (report.ts) both read it without importing each other.
import type { CheckCall } from "../../course/exercises";
import type { Encoded } from "./encode";

/** A recorded check with the arguments still in their JSON-safe form. */
export type RecordedCall = Omit<CheckCall, "cases"> & { cases: { args: Encoded[]; expected: number | number[] }[] };

/**
 * What the instructor's notebook says about grading one notebook, recorded once (at `npm run assign`,
 * or by the first grade run) and kept in the answer-key cache: the setup cells a submission runs first,
 * and per exercise the function it checks, the cell it lives in, and every check with its cases and
 * expected answers. A later design can fill `calls` from a course module of exercise keys instead of
 * the check cells' source (see the report of issue 17).
 */
export interface AssignmentKey {
  notebook: string;
  /** What the key was made from: a hash of the instructor notebook, the course library and the recorder. */
  made: string;
  setup: { id: string; source: string }[];
  exercises: {
    exercise: string;
    functionName: string;
    cellId: string;
    calls: RecordedCall[];
    points: number;
    /** The course library's functions this exercise re-implements (its exercise key's `reimplements`): calling one scores nothing. */
    engine?: string[];
  }[];
}

export interface CheckGrade {
  hidden: boolean;
  points: number;
  earned: number;
  message: string;
}

export interface ExerciseGrade {
  exercise: string;
  points: number;
  earned: number;
  checks: CheckGrade[];
  /** Why nothing could be checked, when that is the case. */
  note?: string;
}

export interface NotebookGrade {
  student: string;
  notebook: string;
  earned: number;
  points: number;
  /** Set when the submission could not be graded at all or in part (invalid file, time-out, crash). */
  problem?: string;
  exercises: ExerciseGrade[];
  ms: number;
}
