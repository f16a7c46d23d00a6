// What "Erase person…" asks before and says after: the words of the
// confirmation and of the message, from what the backend decided.
import type { Erasure, Gender, ParticipantView } from "../../lib/bindings";
import { formatDate, plural } from "../../lib/format";

/** Pronouns for the sentences about the person: "their" unless their gender is stated. */
function pronouns(gender: Gender): { possessive: string; object: string } {
  if (gender === "female") return { possessive: "her", object: "her" };
  if (gender === "male") return { possessive: "his", object: "him" };
  return { possessive: "their", object: "them" };
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The name the confirmation uses: given and family name, without the honorific. */
function plainName(view: ParticipantView): string {
  const name = `${view.person.given_name} ${view.person.family_name}`.trim();
  return name === "" ? view.person.full_name : name;
}

/** The confirmation's question and the label of its backups checkbox. */
export function erasureQuestion(view: ParticipantView): { message: string; backupsLabel: string } {
  const { possessive, object } = pronouns(view.person.gender as Gender);
  return {
    message:
      `Erase ${plainName(view)}'s personal data from every event of this plan? ` +
      `${capital(possessive)} seats stay as anonymous seats so counts add up; ${possessive} name, contact details, ` +
      `position, organisation, travel and dietary details and speaking roles are removed for good.`,
    backupsLabel: `Also delete the backups that still hold ${object} (the plan can then no longer go back to those moments)`,
  };
}

/** The day of a moment the backend records in UTC, in the computer's time zone: "1 Jan 2027". */
function localDay(value: string): string {
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return value;
  const two = (n: number) => String(n).padStart(2, "0");
  return formatDate(`${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`);
}

/** The confirmation message after an erasure. */
export function erasureNotice(erasure: Erasure): string {
  const done =
    `Erased: ${plural(erasure.seats_kept_anonymous, "seat")} kept anonymous, ` +
    `${plural(erasure.session_roles_removed, "session role")} removed.`;
  const held = erasure.backups_holding.length;
  if (held > 0) {
    const verb = held === 1 ? "holds" : "hold";
    const until = erasure.held_until
      ? ` until ${localDay(erasure.held_until)}, and ${held === 1 ? "is" : "are"} deleted the next time the plan is opened or backed up after that`
      : "";
    return `${done} ${plural(held, "backup")} still ${verb} this person${until}; File → Backups… lists them.`;
  }
  if (erasure.backups_removed > 0) {
    const verb = erasure.backups_removed === 1 ? "backup that held them was" : "backups that held them were";
    return `${done} ${erasure.backups_removed} ${verb} deleted.`;
  }
  return done;
}
