import { describe, expect, it } from "vitest";
import type { ParticipantView } from "../../lib/bindings";
import { view } from "./testRows";
import {
  backendFilter,
  ChangeQueue,
  filterByNeeds,
  localMoment,
  keepListed,
  membershipInput,
  NO_FILTERS,
  personInput,
  splitList,
  withRow,
  withRows,
} from "./roster";

describe("membershipInput", () => {
  it("sends every field of the row unchanged, with arrival and departure as the pickers hold them", () => {
    const row = view("p1", {
      role: "head",
      status: "confirmed",
      travel_funded_by: "org",
      arrival: "2022-09-20T14:05:00",
      departure: "2022-09-24T09:30:00",
      visa_letter_needed: true,
      accommodation: "Hotel",
      dietary_needs: "Halal",
      accessibility_needs: "Wheelchair",
      notes: "VIP",
    });
    expect(membershipInput(row)).toEqual({
      delegation_id: "th",
      role: "head",
      status: "confirmed",
      travel_funded_by: "org",
      arrival: "2022-09-20T14:05",
      departure: "2022-09-24T09:30",
      visa_letter_needed: true,
      accommodation: "Hotel",
      dietary_needs: "Halal",
      accessibility_needs: "Wheelchair",
      notes: "VIP",
    });
  });

  it("applies an inline change and keeps the rest", () => {
    const input = membershipInput(view("p1", { dietary_needs: "Vegetarian" }), { status: "declined" });
    expect(input.status).toBe("declined");
    expect(input.role).toBe("member");
    expect(input.dietary_needs).toBe("Vegetarian");
    expect(input.arrival).toBeNull();
  });
});

describe("person helpers", () => {
  it("builds the PersonInput", () => {
    const row = view("p1");
    expect(personInput(row.person)).toEqual({
      honorific: "Ms",
      given_name: "Orawan",
      family_name: "Sukprasert",
      position: "Director",
      organisation: "Ministry",
      email: null,
      phone: "",
      gender: "female",
      languages: ["Thai", "English"],
    });
  });

  it("puts a changed row in its place and a new one at the end, as the backend lists them", () => {
    const rows = [view("p1"), view("p2")];
    const changed = view("p2", { role: "head" });
    expect(withRow(rows, changed).map((r) => [r.participant.id, r.participant.role])).toEqual([
      ["p1", "member"],
      ["p2", "head"],
    ]);
    expect(withRow(rows, view("p3")).map((r) => r.participant.id)).toEqual(["p1", "p2", "p3"]);
    expect(rows.map((r) => r.participant.role)).toEqual(["member", "member"]);
    const several = withRows(rows, [view("p3"), view("p1", { status: "confirmed" })]);
    expect(several.map((r) => [r.participant.id, r.participant.status])).toEqual([
      ["p1", "confirmed"],
      ["p2", "invited"],
      ["p3", "invited"],
    ]);
  });

  it("formats moments and splits lists", () => {
    expect(localMoment("2018-03-04T18:00:00")).toBe("2018-03-04T18:00");
    expect(localMoment(null)).toBe("");
    expect(splitList(" English, Thai;;French ")).toEqual(["English", "Thai", "French"]);
  });
});

describe("filters", () => {
  it("passes search, delegation, role, status and visa letters to the backend", () => {
    expect(backendFilter(NO_FILTERS)).toEqual({
      search: null,
      delegation_id: null,
      role: null,
      status: null,
      visa_letter_needed: null,
    });
    expect(
      backendFilter({ search: "  sukp ", delegationId: "th", role: "head", status: "confirmed", needs: "visa" }),
    ).toEqual({ search: "sukp", delegation_id: "th", role: "head", status: "confirmed", visa_letter_needed: true });
    expect(backendFilter({ ...NO_FILTERS, needs: "dietary" }).visa_letter_needed).toBeNull();
  });

  it("filters dietary and accessibility needs on the returned rows", () => {
    const rows = [
      view("a", { dietary_needs: "Halal" }),
      view("b", { accessibility_needs: "Step-free access" }),
      view("c", { visa_letter_needed: true }),
      view("d", { dietary_needs: "   " }),
    ];
    const ids = (list: readonly ParticipantView[]) => list.map((r) => r.participant.id);
    expect(ids(filterByNeeds(rows, ""))).toEqual(["a", "b", "c", "d"]);
    expect(ids(filterByNeeds(rows, "dietary"))).toEqual(["a"]);
    expect(ids(filterByNeeds(rows, "accessibility"))).toEqual(["b"]);
    expect(ids(filterByNeeds(rows, "any"))).toEqual(["a", "b", "c"]);
  });

  it("keeps the selection to what is still listed", () => {
    expect([...keepListed(new Set(["a", "x"]), [view("a"), view("b")])]).toEqual(["a"]);
  });
});

describe("ChangeQueue", () => {
  it("runs changes one after the other, in order, even when one fails", async () => {
    const queue = new ChangeQueue();
    const log: string[] = [];
    const slow = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const a = queue.run(slow("a", 20, true));
    const b = queue.run(slow("b", 1));
    await expect(a).rejects.toThrow("a");
    await expect(b).resolves.toBe("b");
    expect(log).toEqual(["start a", "end a", "start b", "end b"]);
  });
});
