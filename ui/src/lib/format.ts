/** The window's one date format ("5 Mar 2018", "Wed 21 Sep 2022", "21–23 Sep 2022"): every screen
 *  shows dates through these helpers. No locale dependence; calendar dates are shown as stored,
 *  and only a moment the backend records in UTC (`formatInstant`) in the computer's time zone. */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** En dash, as used in date ranges ("21–23 Sep 2022"). */
const DASH = "\u2013";

interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

/** Parses the leading `YYYY-MM-DD` of an ISO date; `null` when it is not a real date. */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return { year, month, day };
}

function monthName(date: CalendarDate): string {
  return MONTHS[date.month - 1];
}

/** "5 Mar 2018" */
export function formatDate(value: string): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  return `${date.day} ${monthName(date)} ${date.year}`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** "2022-09-21" → "Wed 21 Sep 2022", or "Wed 21 Sep" without the year. */
export function weekdayDate(value: string, withYear = true): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  const weekday = WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
  return `${weekday} ${date.day} ${monthName(date)}${withYear ? ` ${date.year}` : ""}`;
}

/**
 * Formats an event's first and last day compactly:
 * "5 Mar 2018", "21–23 Sep 2022", "30 Sep – 2 Oct 2022", "30 Dec 2022 – 2 Jan 2023".
 */
export function formatDateRange(start: string, end: string): string {
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  if (!a && !b) return [start, end].filter(Boolean).join(` ${DASH} `);
  if (!a) return formatDate(end);
  if (!b) return formatDate(start);
  if (a.year !== b.year) {
    return `${formatDate(start)} ${DASH} ${formatDate(end)}`;
  }
  if (a.month !== b.month) {
    return `${a.day} ${monthName(a)} ${DASH} ${b.day} ${monthName(b)} ${b.year}`;
  }
  if (a.day !== b.day) {
    return `${a.day}${DASH}${b.day} ${monthName(b)} ${b.year}`;
  }
  return formatDate(start);
}

/**
 * "2026-12-02T09:43:07.123Z" → "2 Dec 2026, 09:43" in the computer's time zone ("2 Dec 2026,
 * 09:43:07" with `seconds`, to tell apart moments of one minute); the text itself when it is no moment.
 */
export function formatInstant(value: string, { seconds = false } = {}): string {
  const moment = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(moment.getTime())) return value;
  const two = (n: number) => String(n).padStart(2, "0");
  const day = `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
  const time = `${two(moment.getHours())}:${two(moment.getMinutes())}${seconds ? `:${two(moment.getSeconds())}` : ""}`;
  return `${formatDate(day)}, ${time}`;
}

/** A file's size: "412 KB", "1.2 MB", "36 MB". */
export function formatKilobytes(kilobytes: number): string {
  if (kilobytes < 1024) return `${kilobytes.toLocaleString("en-GB")} KB`;
  const megabytes = kilobytes / 1024;
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes).toLocaleString("en-GB")} MB`;
}

/** "1 delegation", "36 participants" */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
