// How the import wizard presents a dry run: which rows a filter shows, the
// first values of a column, the chosen file's name. Pure, tested without a window.

import type { RowAction, RowOutcome } from "../../lib/bindings";

export type RowFilter = "all" | RowAction;

export const ROW_FILTERS: readonly { filter: RowFilter; label: string }[] = [
  { filter: "all", label: "All rows" },
  { filter: "reject", label: "Rejected" },
  { filter: "create", label: "New" },
  { filter: "update", label: "Updated" },
];

export function rowsShown(rows: readonly RowOutcome[], filter: RowFilter): RowOutcome[] {
  return filter === "all" ? [...rows] : rows.filter((r) => r.action === filter);
}

/** Up to `count` non-empty values of column `index` in the sample rows. */
export function columnSamples(sample: readonly string[][], index: number, count = 3): string[] {
  const values: string[] = [];
  for (const row of sample) {
    const value = (row[index] ?? "").trim();
    if (value) values.push(value);
    if (values.length === count) break;
  }
  return values;
}

/** The last part of a path, on any desktop. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
