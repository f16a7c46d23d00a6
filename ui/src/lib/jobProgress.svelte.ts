// Where a long job (an import's check or commit, an export) is, as the
// backend streams it over the command's channel: a stage, and the count of
// rows or people when known. A job that waits for another says what for.

import { Channel } from "@tauri-apps/api/core";
import type { JobKind, JobProgress } from "./bindings";

const WAITING_FOR: Record<JobKind, string> = {
  import_check: "Waiting for the import check to finish…",
  import: "Waiting for the import to finish…",
  export: "Waiting for the export to finish…",
};

/** How far along the bar is at each stage; the count says the rest. */
const STAGE_SHARE: Record<JobProgress["stage"], number> = {
  waiting: 0,
  reading: 0.1,
  checking: 0.3,
  writing: 0.4,
  rendering: 0.4,
  saving: 0.9,
  finished: 1,
};

/** The progress of the job a screen runs now, if any. */
export class JobWatch {
  current = $state<JobProgress | null>(null);

  /** A channel for one command call: its messages become `current`. */
  channel(): Channel<JobProgress> {
    this.current = null;
    const channel = new Channel<JobProgress>();
    channel.onmessage = (progress) => (this.current = progress);
    return channel;
  }

  /** The job ended: nothing to show any more. */
  clear(): void {
    this.current = null;
  }
}

/** "Checking 20,000 rows…", "Waiting for the import to finish…". */
export function progressText(progress: JobProgress): string {
  const count = (n: number, what: string) => `${n.toLocaleString("en-GB")} ${what}${n === 1 ? "" : "s"}`;
  switch (progress.stage) {
    case "waiting":
      return WAITING_FOR[progress.behind];
    case "reading":
      return "Reading…";
    case "checking":
      return `Checking ${count(progress.total, "row")}…`;
    case "writing":
      return `Importing ${count(progress.total, "row")}…`;
    case "rendering":
      return `Laying out ${count(progress.total, "item")}…`;
    case "saving":
      return "Saving the file…";
    case "finished":
      return `Done: ${progress.done.toLocaleString("en-GB")} of ${progress.total.toLocaleString("en-GB")}`;
  }
}

/** The bar's position between 0 and 1. */
export function progressShare(progress: JobProgress): number {
  return STAGE_SHARE[progress.stage];
}
