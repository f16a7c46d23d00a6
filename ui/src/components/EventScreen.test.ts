import { render, screen } from "@testing-library/svelte";
import { tick } from "svelte";
import { expect, it, vi } from "vitest";
import type { Event } from "../lib/bindings";
import { commands } from "../lib/bindings";
import EventScreen from "./EventScreen.svelte";

vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../lib/bindings")>()),
  commands: { getEvent: vi.fn(), eventOverview: vi.fn(), listDelegations: vi.fn()},
}));

const event = {
  id: "ev",
  title: "Regional dialogue",
  start_date: "2026-09-21",
  end_date: "2026-09-23",
  host_city: "Bangkok",
  time_zone: "Asia/Bangkok",
  status: "planned",
} as Event;

it("fetches the event once, not again at each move within it (a panel opened, another focus)", async () => {
  vi.mocked(commands.getEvent).mockResolvedValue({ status: "ok", data: event });
  vi.mocked(commands.eventOverview).mockResolvedValue({ status: "error", error: { kind: "not_found", message: "gone", field: null, problems: [] } });
  vi.mocked(commands.listDelegations).mockResolvedValue({ status: "ok", data: [] });
  // As App.svelte passes it: a new route object at every move.
  const { rerender } = render(EventScreen, { route: { name: "event", eventId: "ev", tab: "outcomes" } });
  await screen.findByText("Regional dialogue");
  await rerender({ route: { name: "event", eventId: "ev", tab: "outcomes", focus: "o1" } });
  await rerender({ route: { name: "event", eventId: "ev", tab: "outcomes", focus: "o2" } });
  await tick();
  expect(vi.mocked(commands.getEvent)).toHaveBeenCalledTimes(1);
});
