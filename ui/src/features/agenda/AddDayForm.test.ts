import { render } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import AddDayForm from "./AddDayForm.svelte";

vi.mock("../../lib/bindings", () => ({ commands: { addDay: vi.fn() } }));

describe("AddDayForm", () => {
  it("offers a date picker bounded by the event's days, starting on the suggested date", () => {
    render(AddDayForm, {
      eventId: "ev",
      suggestion: "2022-09-22",
      eventDates: "21–23 Sep 2022",
      bounds: { min: "2022-09-21", max: "2022-09-23" },
      full: false,
      onadded: vi.fn(),
      oncancel: vi.fn(),
    });
    const date = document.getElementById("new-day-date") as HTMLInputElement;
    expect(date.type).toBe("date");
    expect([date.value, date.min, date.max]).toEqual(["2022-09-22", "2022-09-21", "2022-09-23"]);
    expect(date.placeholder).toBe("");
  });
});
