// A record panel with unsaved changes asks before another screen replaces
// it, as it asks before it closes: "Keep editing" stays, "Discard changes"
// goes where the organiser was going (without closing the panel itself).
import { fireEvent, render, screen } from "@testing-library/svelte";
import { createRawSnippet } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { router } from "../lib/router.svelte";
import RecordPanel from "./RecordPanel.svelte";


afterEach(() => {
  history.replaceState(null, "", "#/");
  router.route = { name: "home" };
});

const children = createRawSnippet(() => ({ render: () => "<p>The person's form</p>" }));

function open(dirty: boolean) {
  const onclose = vi.fn();
  render(RecordPanel, { title: "Ms Ana Costa", testid: "participant-panel", dirty, onclose, children });
  return onclose;
}

async function navigate(hash: string): Promise<void> {
  location.hash = hash;
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const question = () => screen.getByTestId("unsaved-dialog") as HTMLDialogElement;

describe("RecordPanel's unsaved-changes guard", () => {
  it("lets another screen open when nothing is unsaved", async () => {
    open(false);
    await navigate("#/organisations");
    expect(question().open).toBe(false);
    expect(router.route).toEqual({ name: "organisations" });
  });

  it("asks before another screen opens; Keep editing stays on this one", async () => {
    const onclose = open(true);
    await navigate("#/organisations");
    expect(question().open).toBe(true);
    expect(router.route).toEqual({ name: "home" });
    await fireEvent.click(screen.getByTestId("keep-editing"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(question().open).toBe(false);
    expect(router.route).toEqual({ name: "home" });
    expect(location.hash).toBe("#/");
    expect(onclose).not.toHaveBeenCalled();
  });

  it("goes to the other screen once the changes are discarded, and asks no more", async () => {
    const onclose = open(true);
    await navigate("#/events/e1/agenda");
    await fireEvent.click(screen.getByTestId("discard-changes"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(router.route).toEqual({ name: "event", eventId: "e1", tab: "agenda" });
    expect(location.hash).toBe("#/events/e1/agenda");
    expect(onclose).not.toHaveBeenCalled();
    await navigate("#/organisations");
    expect(question().open).toBe(false);
    expect(router.route).toEqual({ name: "organisations" });
  });

  it("still asks before closing, and closes once the changes are discarded", async () => {
    const onclose = open(true);
    await fireEvent.click(screen.getByTestId("participant-panel-close"));
    expect(question().open).toBe(true);
    expect(onclose).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId("discard-changes"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onclose).toHaveBeenCalledOnce();
  });
});
