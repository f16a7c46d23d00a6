// The app's places, kept in the URL hash so that Back/Forward and reloads
// keep the organiser where they were. Screens link with `href(route)`.

export type EventTab = "overview" | "delegations" | "participants" | "agenda" | "outcomes";

export type Route =
  | { name: "home" }
  | { name: "organisations" }
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
    case "event": {
      const focus = route.focus ? `?focus=${encodeURIComponent(route.focus)}` : "";
      return `#/events/${route.eventId}/${route.tab}${focus}`;
    }
  }
}

class Router {
  route = $state<Route>(parseHash(typeof location === "undefined" ? "" : location.hash));

  constructor() {
    if (typeof window !== "undefined") {
      window.addEventListener("hashchange", () => {
        this.route = parseHash(location.hash);
      });
    }
  }

  /** Goes to `route` (a new history entry). */
  go(route: Route): void {
    location.hash = href(route);
  }
}

export const router = new Router();
