// What the agenda says after a change: a short-lived notice ("Moved …"), or
// an error that stays until dismissed or the next notice. One place for the
// timer, so a screen does not juggle it beside its own state.

const NOTICE_MS = 6000;

export class Announcer {
  /** The last change made, shown for a few seconds. */
  notice = $state<string | null>(null);
  /** The last change refused, shown until dismissed. */
  error = $state<string | null>(null);

  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Says what was done, and clears an earlier error. */
  announce(text: string): void {
    this.error = null;
    this.notice = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.notice = null), NOTICE_MS);
  }

  /** Says what was refused, in place of an earlier notice. */
  fail(text: string): void {
    this.notice = null;
    this.error = text;
  }

  dismiss(): void {
    this.error = null;
  }

  /** Stops the timer (the screen is leaving). */
  stop(): void {
    clearTimeout(this.#timer);
  }
}
