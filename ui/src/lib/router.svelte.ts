// The app's places, kept in the URL hash so that Back/Forward and reloads
// keep the organiser where they were. Screens link with `href(route)`.
// Leaving a place asks the registered leave guards first (a panel holding
// unsaved changes asks the organiser), whether the move comes from a link,
// `router.go`, Back/Forward or a shortcut: the URL stays while they ask.

export type EventTab = "overview" | "delegations" | "participants" | "agenda" | "outcomes";

export type Route =
  | { name: "home" }
  | { name: "organisations" }
  | { name: "backups" }
  | { name: "history"; record?: string }
  | { name: "disagreements" }
  | { name: "event"; eventId: string; tab: EventTab; focus?: string };

export const EVENT_TABS: readonly { tab: EventTab; label: string; key: string }[] = [
  { tab: "overview", label: "Overview", key: "1" },
  { tab: "delegations", label: "Delegations", key: "2" },
  { tab: "participants", label: "Participants", key: "3" },
  { tab: "agenda", label: "Agenda", key: "4" },
  { tab: "outcomes", label: "Outcomes", key: "5" },
];

const TABS = new Set<string>(EVENT_TABS.map((t) => t.tab));

/** Reads a hash such as `#/events/ID/agenda?focus=SESSION`. */
export function parseHash(hash: string): Route {
  const [path, query = ""] = hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "organisations") return { name: "organisations" };
  if (parts[0] === "backups") return { name: "backups" };
  if (parts[0] === "disagreements") return { name: "disagreements" };
  if (parts[0] === "history") {
    const record = /(?:^|&)record=([^&]*)/.exec(query)?.[1];
    return { name: "history", ...(record ? { record: decodeURIComponent(record) } : {}) };
  }
  if (parts[0] === "events" && parts[1]) {
    const tab = TABS.has(parts[2] ?? "") ? (parts[2] as EventTab) : "overview";
    const focus = /(?:^|&)focus=([^&]*)/.exec(query)?.[1];
    return { name: "event", eventId: parts[1], tab, ...(focus ? { focus: decodeURIComponent(focus) } : {}) };
  }
  return { name: "home" };
}

/** The hash of a route. */
export function href(route: Route): string {
  switch (route.name) {
    case "home":
      return "#/";
    case "organisations":
      return "#/organisations";
    case "backups":
      return "#/backups";
    case "disagreements":
      return "#/disagreements";
    case "history":
      return route.record ? `#/history?record=${encodeURIComponent(route.record)}` : "#/history";
    case "event": {
      const focus = route.focus ? `?focus=${encodeURIComponent(route.focus)}` : "";
      return `#/events/${route.eventId}/${route.tab}${focus}`;
    }
  }
}

/**
 * Asked before the route changes: true lets it change now; a promise lets the
 * guard ask the organiser first and resolve to their answer.
 */
export type LeaveGuard = () => boolean | Promise<boolean>;

/** The guards of the components on screen (not state: nothing renders them). */
const guards: LeaveGuard[] = [];

/** Registers `guard` until the returned function is called (an `$effect` cleanup). */
export function guardLeaving(guard: LeaveGuard): () => void {
  guards.push(guard);
  return () => {
    const at = guards.indexOf(guard);
    if (at >= 0) guards.splice(at, 1);
  };
}

/** True when every guard lets the route change; asks them one after another. */
async function mayLeave(beforeAsking: () => void): Promise<boolean> {
  let asked = false;
  for (const guard of [...guards]) {
    const answer = guard();
    if (answer === true) continue;
    if (!asked) beforeAsking();
    asked = true;
    if (!(await answer)) return false;
  }
  return true;
}

class Router {
  route = $state<Route>(parseHash(typeof location === "undefined" ? "" : location.hash));
  /** A place `go` already had the guards allow, so its hashchange asks nothing more. */
  #allowed: string | null = null;

  constructor() {
    if (typeof window !== "undefined") {
      window.addEventListener("hashchange", () => void this.#follow(location.hash));
    }
  }

  /**
   * Goes to `route` (a new history entry) once the leave guards allow it;
   * false when the organiser chose to stay. `dropUnsaved` goes without
   * asking: the record being edited is gone (deleted, removed).
   */
  async go(route: Route, { dropUnsaved = false } = {}): Promise<boolean> {
    const target = href(route);
    if (target === href(this.route)) return true;
    if (!dropUnsaved && !(await mayLeave(() => {}))) return false;
    this.#allowed = target;
    location.hash = target;
    return true;
  }

  /** The URL moved to `hash`: the route follows, or the URL goes back when a guard keeps the organiser here. */
  async #follow(hash: string): Promise<void> {
    const next = parseHash(hash);
    const allowed = this.#allowed === href(next);
    this.#allowed = null;
    const here = href(this.route);
    if (href(next) === here) return;
    // While a guard asks, the URL shows where the organiser still is.
    const stay = (): void => history.replaceState(history.state, "", here);
    if (!allowed && !(await mayLeave(stay))) return;
    if (location.hash !== hash) history.replaceState(history.state, "", hash);
    this.route = next;
  }
}

export const router = new Router();
