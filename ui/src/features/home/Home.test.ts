// Home's search over the whole plan: when the text finds people or sessions
// but no event, they are what the screen shows (no "No event matches" above
// them); only a search that finds nothing at all says so.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EventListItem } from "../../lib/api";
import { commands, type PlanSearch } from "../../lib/bindings";
import Home from "./Home.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    listEvents: vi.fn(),
    listSeries: vi.fn(),
    searchPlan: vi.fn(),
    reportFirstPaint: vi.fn(),
  },
}));

const searchPlan = vi.mocked(commands.searchPlan);

const event: EventListItem = {
  id: "e1",
  title: "First MIEUX Regional Round-table",
  series_id: null,
  series_title: null,
  format: "round_table",
  status: "held",
  start_date: "2018-03-05",
  end_date: "2018-03-06",
  host_city: "Bangkok",
  host_country: "TH",
  country_name: "Thailand",
  delegations: 1,
  participants: 1,
  sessions: 0,
};

const nobody: PlanSearch = { events: [], people: [], sessions: [] };
const tomas: PlanSearch = {
  events: [],
  people: [
    {
      person_id: "p1",
      full_name: "Mr Tomás Novák",
      organisation: "ICMPD",
      participations: [{ participant_id: "pa1", event_id: "e1", event_title: event.title }],
    },
  ],
  sessions: [],
};

async function search(text: string): Promise<void> {
  render(Home);
  const box = await screen.findByTestId("event-search");
  await fireEvent.input(box, { target: { value: text } });
}

describe("Home's plan-wide search", () => {
  beforeEach(() => {
    vi.mocked(commands.listEvents).mockResolvedValue({ status: "ok", data: [event] });
    vi.mocked(commands.listSeries).mockResolvedValue({ status: "ok", data: [] });
    vi.mocked(commands.reportFirstPaint).mockResolvedValue(null as never);
    searchPlan.mockReset();
  });

  it("shows the people found, and no 'no event matches', when only people match", async () => {
    searchPlan.mockResolvedValue({ status: "ok", data: tomas });
    await search("tomas");
    expect((await screen.findByTestId("person-found")).textContent).toContain("Mr Tomás Novák");
    expect(screen.queryByTestId("no-match")).toBeNull();
    expect(screen.queryByTestId("past")).toBeNull();
  });

  it("says nothing matches only once the search found nothing at all", async () => {
    searchPlan.mockResolvedValue({ status: "ok", data: nobody });
    await search("zzz");
    expect((await screen.findByTestId("no-match")).textContent).toContain("Nothing in the plan matches");
    await waitFor(() => expect(searchPlan).toHaveBeenCalledWith("zzz", 20));
    expect(screen.queryByTestId("people-found")).toBeNull();
  });
});
