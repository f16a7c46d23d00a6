// The last place in each plan: kept per plan file, without a panel's focus,
// for the last 20 plans; Home and a damaged store give no place.
import { beforeEach, describe, expect, it } from "vitest";
import { lastPlace, rememberPlace } from "./lastPlace";

describe("the last place in a plan", () => {
  beforeEach(() => localStorage.clear());

  it("is kept per plan file, without the panel that was open", () => {
    rememberPlace("/plans/a.rtplan", { name: "event", eventId: "E1", tab: "agenda", focus: "S9" });
    rememberPlace("/plans/b.rtplan", { name: "backups" });
    expect(lastPlace("/plans/a.rtplan")).toEqual({ name: "event", eventId: "E1", tab: "agenda" });
    expect(lastPlace("/plans/b.rtplan")).toEqual({ name: "backups" });
    expect(lastPlace("/plans/c.rtplan")).toBeNull();
  });

  it("gives nothing for Home or for a store that is not ours", () => {
    rememberPlace("/plans/a.rtplan", { name: "home" });
    expect(lastPlace("/plans/a.rtplan")).toBeNull();
    localStorage.setItem("roundtable.lastPlaces", "not json");
    expect(lastPlace("/plans/a.rtplan")).toBeNull();
  });

  it("keeps the last 20 plans", () => {
    for (let n = 0; n < 25; n++) rememberPlace(`/plans/${n}.rtplan`, { name: "organisations" });
    expect(lastPlace("/plans/4.rtplan")).toBeNull();
    expect(lastPlace("/plans/5.rtplan")).toEqual({ name: "organisations" });
    rememberPlace("/plans/5.rtplan", { name: "backups" });
    rememberPlace("/plans/25.rtplan", { name: "organisations" });
    expect(lastPlace("/plans/5.rtplan")).toEqual({ name: "backups" });
  });
});
