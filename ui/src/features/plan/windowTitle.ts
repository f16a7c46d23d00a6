// The window's title names the plan and the screen, the app last:
// "Bangkok dialogue — Participants — Roundtable Planner".

import { EVENT_TABS, type Route } from "../../lib/router.svelte";

export const APP_NAME = "Roundtable Planner";

/** What the title calls the screen of `route`. */
export function screenName(route: Route): string {
  switch (route.name) {
    case "home":
      return "Events";
    case "organisations":
      return "Organisations and funders";
    case "backups":
      return "Backups";
    case "history":
      return "History";
    case "disagreements":
      return "Disagreements";
    case "event":
      return EVENT_TABS.find((t) => t.tab === route.tab)?.label ?? "Event";
  }
}

/** The title: the plan's name and the screen's (null: no plan open, the failure screen). */
export function windowTitle(planName: string | null, route: Route, failed = false): string {
  if (failed) return `The plan could not be opened — ${APP_NAME}`;
  return [planName, screenName(route), APP_NAME].filter(Boolean).join(" — ");
}
