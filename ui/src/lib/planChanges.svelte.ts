// The plan changed underneath the window: another program (the `roundtable`
// command line, a script) wrote the plan file, and the backend said so with
// its PlanChanged event. What is on screen fetches again: a screen either
// reads `planChanges.version` in its loading effect, or passes its loader to
// `onPlanChange`. The window's own saves do not send the event; a restore
// from a backup, which replaces the whole plan, says so with `planReplaced`.

import { events } from "./bindings";

export const planChanges = $state({ version: 0 });

/** The loaders of the components on screen (not state: nothing renders them). */
const loaders: (() => void)[] = [];

/** Calls `reload` after every outside change, for as long as the calling component lives. */
export function onPlanChange(reload: () => void): void {
  $effect(() => {
    loaders.push(reload);
    return () => {
      loaders.splice(loaders.indexOf(reload), 1);
    };
  });
}

/** Everything on screen fetches again: the plan underneath it is not the one it showed. */
export function planReplaced(): void {
  planChanges.version += 1;
  for (const reload of [...loaders]) reload();
}

/** Starts listening for the backend's PlanChanged event (once, at startup). */
export function listenForPlanChanges(): void {
  void events.planChanged.listen(planReplaced);
}
