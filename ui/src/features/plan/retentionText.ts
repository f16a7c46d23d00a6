// What File → Personal data… says: the question before a retention setting
// erases anything, and what it did, from what the backend previewed and
// reported (the events it applies to, how many people).
import type { RetentionPreview, RetentionReport } from "../../lib/bindings";
import { formatDate, plural } from "../../lib/format";

/** What the setting erases, in plain words: said in the dialog and in the question. */
export const WHAT_IS_ERASED =
  "names, contact details, positions, organisations, travel and dietary details, and speaking roles";

/** The confirmation before the setting is saved: its title, paragraph and the events it applies to. */
export function retentionQuestion(preview: RetentionPreview): { title: string; message: string; events: string[] } {
  const people =
    preview.people === 0
      ? "Nobody's name is left to erase; the travel and dietary details of their seats are cleared."
      : `${plural(preview.people, "person", "people")} will be erased; anyone who also takes part in a later event ` +
        `keeps their name, and only their details for these events are cleared.`;
  return {
    title: `Erase personal data of events that ended before ${formatDate(preview.ended_before)}?`,
    message:
      `Now, and every time this plan is opened, the ${WHAT_IS_ERASED} of the people of events that ended more than ` +
      `${plural(preview.months, "month")} ago are erased. Their seats stay as anonymous seats, so counts add up. ${people}`,
    events: preview.events.map((event) => `${event.title} (ended ${formatDate(event.end_date)})`),
  };
}

/** The message after the setting was saved: what it erased at once, or that it is off. */
export function retentionNotice(report: RetentionReport | null): string {
  if (report === null) return "Retention is off: personal data is kept until someone erases it.";
  const setting = `Personal data is kept for ${plural(report.months, "month")} after an event ends`;
  if (report.people_erased === 0 && report.seats_cleared === 0) {
    return `${setting}. Nothing needed erasing now; it is checked again every time the plan is opened.`;
  }
  return (
    `${setting}. Erased now: ${plural(report.people_erased, "person", "people")}, ` +
    `and the details of ${plural(report.seats_cleared, "seat")}.`
  );
}
