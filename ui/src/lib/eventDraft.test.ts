import { describe, expect, it } from "vitest";
import type { Event, Field } from "./bindings";
import { draftFromEvent, draftToInput, emptyDraft } from "./eventDraft";
import { chooseByName } from "./namedChoice";
import { formErrors } from "./formErrors";
import { CommandFailure } from "./call";

const dialogue: Event = {
  id: "e",
  series_id: null,
  title: "High-level Regional Dialogue",
  format: "dialogue",
  host_city: "Bangkok",
  host_country: "TH",
  venue: "",
  time_zone: "Asia/Bangkok",
  start_date: "2022-09-21",
  end_date: "2022-09-23",
  status: "reported",
  objectives: "",
  priorities: ["Access to protection services", "Alternatives to immigration detention"],
  sdgs: [10, 16, 17],
  languages: ["English", "Thai"],
  notes: "",
  check_panel_balance: true,
};

describe("event drafts", () => {
  it("round-trip an event through the form's text", () => {
    const draft = draftFromEvent(dialogue, null);
    expect(draft.priorities).toBe("Access to protection services\nAlternatives to immigration detention");
    expect(draft.languages).toBe("English, Thai");
    const input = draftToInput(draft, null);
    expect(input.priorities).toEqual(dialogue.priorities);
    expect(input.languages).toEqual(["English", "Thai"]);
    expect(input.sdgs).toEqual([10, 16, 17]);
    expect(input.status).toBe("reported");
  });

  it("drops blank lines and items, and sorts the goals", () => {
    const draft = { ...emptyDraft(), priorities: "\n  one \n\n two\n", languages: " English ;Thai,, ", sdgs: [17, 10] };
    const input = draftToInput(draft, "series");
    expect(input.priorities).toEqual(["one", "two"]);
    expect(input.languages).toEqual(["English", "Thai"]);
    expect(input.sdgs).toEqual([10, 17]);
    expect(input.series_id).toBe("series");
  });
});

describe("chooseByName", () => {
  const organisations = [
    { id: "1", name: "International Centre for Migration Policy Development", short: "ICMPD" },
    { id: "2", name: "IOM Thailand", short: null },
  ];
  const names = (o: (typeof organisations)[number]) => [o.name, o.short];

  it("matches a name or a short name, ignoring case and spaces", () => {
    expect(chooseByName(" icmpd ", organisations, names)).toEqual({ kind: "existing", item: organisations[0] });
    expect(chooseByName("iom thailand", organisations, names)).toEqual({ kind: "existing", item: organisations[1] });
  });

  it("tells a new name from nothing typed", () => {
    expect(chooseByName(" OHCHR ", organisations, names)).toEqual({ kind: "new", name: "OHCHR" });
    expect(chooseByName("   ", organisations, names)).toEqual({ kind: "none" });
  });
});

describe("formErrors", () => {
  const failure = (field: Field | null, kind: "validation" | "invalid_transition" = "validation") =>
    new CommandFailure({ kind, message: "Bad", field, problems: [] });

  it("puts a message under the field it names, or at the top of the form", () => {
    expect(formErrors(failure("end_date"), ["end_date"])).toEqual({ end_date: "Bad" });
    expect(formErrors(failure("sdgs"), ["end_date"])).toEqual({ _form: "Bad" });
    expect(formErrors(new Error("boom"), ["end_date"])).toEqual({ _form: "boom" });
  });

  it("puts every problem of one refusal under its field at once", () => {
    const all = new CommandFailure({
      kind: "validation",
      message: "Title is required",
      field: "title",
      problems: [
        { field: "title", message: "Title is required" },
        { field: "host_city", message: "Host city is required" },
        { field: "start_date", message: "First day is required" },
      ],
    });
    expect(formErrors(all, ["title", "host_city"])).toEqual({
      title: "Title is required",
      host_city: "Host city is required",
      _form: "First day is required",
    });
  });

  it("puts a refused status change under the status field", () => {
    expect(formErrors(failure(null, "invalid_transition"), ["status"])).toEqual({ status: "Bad" });
    expect(formErrors(failure(null, "invalid_transition"), ["title"])).toEqual({ _form: "Bad" });
  });
});
