import { describe, expect, it } from "vitest";
import type { SeriesStop } from "../../lib/bindings";
import { nextStop } from "./seriesStops";

const stop = (event_id: string, start_date: string, status: SeriesStop["status"] = "planned"): SeriesStop => ({
  event_id,
  title: event_id,
  host_city: event_id,
  start_date,
  status,
});

describe("nextStop", () => {
  const stops = [stop("bangkok", "2018-03-05", "reported"), stop("mexico", "2018-05-29"), stop("nairobi", "2018-09-10")];

  it("is the first stop after this one by date", () => {
    expect(nextStop(stops, "bangkok")?.event_id).toBe("mexico");
    expect(nextStop(stops, "mexico")?.event_id).toBe("nairobi");
  });

  it("is null for the last stop, or an event outside the series", () => {
    expect(nextStop(stops, "nairobi")).toBeNull();
    expect(nextStop(stops, "elsewhere")).toBeNull();
  });

  it("skips cancelled stops and takes a same-day stop listed later", () => {
    const tour = [stop("a", "2018-03-05"), stop("b", "2018-03-05"), stop("c", "2018-04-01", "cancelled"), stop("d", "2018-05-01")];
    expect(nextStop(tour, "a")?.event_id).toBe("b");
    expect(nextStop(tour, "b")?.event_id).toBe("d");
  });
});
