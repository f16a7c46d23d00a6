// What the plan check found, in the organiser's words: one line per problem,
// the first few only (a badly damaged file can have thousands).

import type { PlanCheck } from "../../lib/bindings";

/** Lines shown before "and N more". */
export const SHOWN_PROBLEMS = 5;

export function isSound(check: PlanCheck): boolean {
  return check.integrity_problems.length === 0 && check.damaged_rows.length === 0;
}

/** Every problem as a line, the file's own first. */
export function damageLines(check: PlanCheck): string[] {
  const rows = check.damaged_rows.map((row) => {
    const of = row.event_title ? ` of “${row.event_title}”` : "";
    const where = row.row === null ? "" : ` (row ${row.row})`;
    return `A ${row.record}${of}${where} cannot be read: ${row.reason}`;
  });
  return [...check.integrity_problems.map((problem) => `SQLite's check: ${problem}`), ...rows];
}

/** The lines to show, and how many more there are. */
export function shownDamage(check: PlanCheck): { lines: string[]; more: number } {
  const lines = damageLines(check);
  return { lines: lines.slice(0, SHOWN_PROBLEMS), more: Math.max(0, lines.length - SHOWN_PROBLEMS) };
}
