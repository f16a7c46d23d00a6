import { render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { commands, type PlanSearch } from "../../lib/bindings";
import PlanMatches from "./PlanMatches.svelte";

vi.mock("../../lib/bindings", () => ({ commands: { searchPlan: vi.fn() } }));

const searchPlan = vi.mocked(commands.searchPlan);

const found: PlanSearch = {
  events: [],
  people: [
    {
      person_id: "p1",
      full_name: "Mr Tomás Novák",
      organisation: "ICMPD",
      participations: [{ participant_id: "pa1", event_id: "e1", event_title: "MIEUX Round-table" }],
    },
  ],
  sessions: [
    {
      session_id: "s1",
      title: "Opening",
      event_id: "e1",
      event_title: "MIEUX Round-table",
      date: "2018-05-29",
      start_time: "09:00:00",
    },
  ],
};

describe("PlanMatches", () => {
  it("lists the people and sessions the backend found, each linking where it lives", async () => {
    searchPlan.mockResolvedValue({ status: "ok", data: found });
    render(PlanMatches, { search: " tomas " });
    const person = await screen.findByTestId("person-found");
    expect(searchPlan).toHaveBeenCalledWith("tomas", 20);
    expect(person.textContent).toContain("Mr Tomás Novák");
    expect(screen.getByRole("link", { name: "MIEUX Round-table" }).getAttribute("href")).toBe(
      "#/events/e1/participants?focus=pa1",
    );
    expect(screen.getByRole("link", { name: "Opening" }).getAttribute("href")).toBe("#/events/e1/agenda?focus=s1");
  });

  it("asks nothing for an empty search", async () => {
    searchPlan.mockClear();
    render(PlanMatches, { search: "  " });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(searchPlan).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByTestId("people-found")).toBeNull());
  });
});
