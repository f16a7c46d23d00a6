import { describe, expect, it } from "vitest";
import { addDays, travelBounds } from "./dates";

describe("picker bounds", () => {
  it("moves a date across months and years", () => {
    expect(addDays("2018-03-01", -1)).toBe("2018-02-28");
    expect(addDays("2022-12-30", 3)).toBe("2023-01-02");
    expect(addDays("not a date", 3)).toBe("not a date");
  });

  it("lets arrivals and departures fall on the travel days around the event", () => {
    expect(travelBounds("2018-05-29", "2018-05-30")).toEqual({ min: "2018-05-26T00:00", max: "2018-06-02T23:59" });
  });
});
