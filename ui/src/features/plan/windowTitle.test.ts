import { describe, expect, it } from "vitest";
import { windowTitle } from "./windowTitle";

describe("the window's title", () => {
  it("names the plan, the screen and the app", () => {
    expect(windowTitle("Bangkok dialogue", { name: "event", eventId: "e", tab: "participants" })).toBe(
      "Bangkok dialogue — Participants — Roundtable Planner",
    );
    expect(windowTitle("Plan", { name: "home" })).toBe("Plan — Events — Roundtable Planner");
    expect(windowTitle("Plan", { name: "backups" })).toBe("Plan — Backups — Roundtable Planner");
  });

  it("leaves out a plan not known yet, and says when the plan could not be opened", () => {
    expect(windowTitle(null, { name: "organisations" })).toBe("Organisations and funders — Roundtable Planner");
    expect(windowTitle(null, { name: "home" }, true)).toBe("The plan could not be opened — Roundtable Planner");
  });
});
