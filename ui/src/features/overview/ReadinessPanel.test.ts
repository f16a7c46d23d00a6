import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { ReadinessItem } from "../../lib/bindings";
import ReadinessPanel from "./ReadinessPanel.svelte";

const item = (kind: ReadinessItem["kind"], severity: ReadinessItem["severity"], message: string): ReadinessItem => ({
  kind,
  severity,
  message,
  tab: "delegations",
  target_id: null,
  event_id: null,
});

describe("ReadinessPanel", () => {
  it("counts the problems and lists what is not done yet apart", () => {
    render(ReadinessPanel, {
      eventId: "e1",
      items: [
        item("delegation_under_quota", "not_yet", "Indonesia has filled 1 of its 3 seats"),
        item("delegation_over_quota", "problem", "Malaysia has 2 participants for a quota of 1"),
        item("delegation_without_head", "not_yet", "Indonesia has no head of delegation"),
      ],
    });
    const panel = screen.getByTestId("readiness");
    expect(panel.querySelector(".count")?.textContent).toBe("1");
    expect(screen.getByTestId("readiness-problem").textContent).toContain("Malaysia has 2 participants");
    const notYet = screen.getByTestId("readiness-not-yet");
    expect(notYet.querySelectorAll("li")).toHaveLength(2);
    expect(notYet.textContent).toContain("Indonesia has filled 1 of its 3 seats");
  });

  it("says there is no problem when only things not done yet are left", () => {
    render(ReadinessPanel, {
      eventId: "e1",
      items: [item("no_agenda", "not_yet", "The programme has no sessions yet")],
    });
    expect(screen.getByTestId("readiness-no-problem")).toBeTruthy();
    expect(screen.getByTestId("readiness").querySelector(".count")?.textContent).toBe("0");
  });

  it("leads an open follow-up of an earlier stop to that stop's outcomes", () => {
    const followUp: ReadinessItem = {
      ...item("open_follow_up", "not_yet", "Still open from MIEUX Regional Round-table: Asia: 'Share the report'"),
      tab: "outcomes",
      target_id: "f1",
      event_id: "asia",
    };
    render(ReadinessPanel, { eventId: "mexico", items: [followUp] });
    const link = screen.getByTestId("readiness-item").querySelector("a");
    expect(link?.getAttribute("href")).toMatch(/^#\/events\/asia\/outcomes/);
    expect(link?.textContent).toContain("Fix in Outcomes of that stop");
  });
});
