import { describe, expect, it } from "vitest";
import type { EventSummary } from "./bindings";
import { eventMatcher, isFiltered, NO_FILTER, splitByDate, todayIso } from "./eventList";

function event(overrides: Partial<EventSummary>): EventSummary {
  return {
    id: "e",
    title: "Event",
    series_id: null,
    series_title: null,
    format: "round_table",
    status: "planned",
    start_date: "2018-03-05",
    end_date: "2018-03-06",
    host_city: "Bangkok",
    host_country: "TH",
    country_name: "Thailand",
    delegations: 0,
    participants: 0,
    sessions: 0,
    ...overrides,
  };
}

const asia = event({
  id: "asia",
  title: "MIEUX Regional Round-table: Asia",
  series_id: "s",
  series_title: "MIEUX Regional Round-tables 2018",
  status: "reported",
});
const mexico = event({
  id: "mexico",
  title: "MIEUX Regional Round-table: Latin America and the Caribbean",
  series_id: "s",
  series_title: "MIEUX Regional Round-tables 2018",
  start_date: "2018-05-29",
  end_date: "2018-05-30",
  host_city: "Mexico City",
  host_country: "MX",
  country_name: "México",
});
const dialogue = event({
  id: "dialogue",
  title: "High-level Regional Dialogue on Migrant Protection",
  format: "dialogue",
  status: "reported",
  start_date: "2022-09-21",
  end_date: "2022-09-23",
});
const nairobi = event({
  id: "nairobi",
  title: "MIEUX Regional Round-table: Africa",
  start_date: "2027-02-01",
  end_date: "2027-02-02",
  host_city: "Nairobi",
  host_country: "KE",
  country_name: "Kenya",
});
const lusaka = event({ id: "lusaka", title: "Lusaka", start_date: "2026-12-01", end_date: "2026-12-02" });

describe("todayIso", () => {
  it("is the local calendar date", () => {
    expect(todayIso(new Date(2026, 10, 2, 23, 59))).toBe("2026-11-02");
  });
});

describe("splitByDate", () => {
  it("puts upcoming events first, soonest first, and past events latest first", () => {
    const { upcoming, past } = splitByDate([asia, nairobi, dialogue, lusaka, mexico], "2026-11-22");
    expect(upcoming.map((e) => e.id)).toEqual(["lusaka", "nairobi"]);
    expect(past.map((e) => e.id)).toEqual(["dialogue", "mexico", "asia"]);
  });

  it("keeps an event under way among the upcoming ones until its last day is over", () => {
    expect(splitByDate([dialogue], "2022-09-23").upcoming).toEqual([dialogue]);
    expect(splitByDate([dialogue], "2022-09-24").past).toEqual([dialogue]);
  });
});

describe("eventMatcher", () => {
  const all = [asia, mexico, dialogue, nairobi];
  const ids = (filter: Partial<typeof NO_FILTER>): string[] =>
    all.filter(eventMatcher({ ...NO_FILTER, ...filter })).map((e) => e.id);

  it("lets everything through without a filter", () => {
    expect(ids({})).toEqual(["asia", "mexico", "dialogue", "nairobi"]);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it("finds every word of the search in title, series, city, country or year, ignoring case and accents", () => {
    expect(ids({ search: "mieux bangkok" })).toEqual(["asia"]);
    expect(ids({ search: "MEXICO" })).toEqual(["mexico"]);
    expect(ids({ search: "2022" })).toEqual(["dialogue"]);
    expect(ids({ search: "kenya" })).toEqual(["nairobi"]);
    expect(ids({ search: "round-tables 2018" })).toEqual(["asia", "mexico"]);
    expect(isFiltered({ ...NO_FILTER, search: "x" })).toBe(true);
  });

  it("filters by status and by series", () => {
    expect(ids({ status: "reported" })).toEqual(["asia", "dialogue"]);
    expect(ids({ series: "s" })).toEqual(["asia", "mexico"]);
    expect(ids({ series: "none" })).toEqual(["dialogue", "nairobi"]);
    expect(ids({ series: "s", status: "planned" })).toEqual(["mexico"]);
  });
});
