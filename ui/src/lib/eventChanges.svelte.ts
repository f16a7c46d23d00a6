// A signal that an event's facts changed (title, dates, status…), so that
// what shows them elsewhere on the screen, such as the event header, fetches
// them again. Screens call `eventChanged()` after saving an event.

export const eventChanges = $state({ version: 0 });

export function eventChanged(): void {
  eventChanges.version += 1;
}
