// Where the organiser was last in each plan (the screen, the event and its
// tab), so the window reopens a plan there instead of at Home. Kept in the
// webview's own storage on this computer, by plan file; a place whose event
// is gone just shows that event's "not found" screen.

import { href, parseHash, type Route } from "../../lib/router.svelte";

const KEY = "roundtable.lastPlaces";
/** Plans whose place is kept; the oldest go first. */
const KEPT = 20;

type Places = Record<string, string>;

function read(storage: Storage): Places {
  try {
    const kept: unknown = JSON.parse(storage.getItem(KEY) ?? "{}");
    return kept && typeof kept === "object" ? (kept as Places) : {};
  } catch {
    return {};
  }
}

/** Remembers `route` as the last place in the plan at `planPath` (a panel's focus is not kept). */
export function rememberPlace(planPath: string, route: Route, storage: Storage = localStorage): void {
  const place = route.name === "event" ? { ...route, focus: undefined } : route;
  const others = Object.entries(read(storage)).filter(([path]) => path !== planPath);
  const kept = others.slice(-(KEPT - 1));
  try {
    storage.setItem(KEY, JSON.stringify(Object.fromEntries([...kept, [planPath, href(place)]])));
  } catch {
    // Storage full or refused: the window opens at Home next time, nothing else is lost.
  }
}

/** The last place in the plan at `planPath`, if one was kept and it is not Home. */
export function lastPlace(planPath: string, storage: Storage = localStorage): Route | null {
  const hash = read(storage)[planPath];
  if (!hash) return null;
  const route = parseHash(hash);
  return route.name === "home" ? null : route;
}
