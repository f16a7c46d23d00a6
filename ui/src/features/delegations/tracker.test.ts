import { describe, expect, it } from "vitest";
import type { TrackerCounts, TrackerRow } from "../../lib/bindings";
import {
  attentionOf,
  filterRows,
  genderSplitLabel,
  nextSort,
  NO_FILTER,
  participationCount,
  PROTOCOL_ORDER,
  sortRows,
  workflowLine,
} from "./tracker";

function counts(over: Partial<TrackerCounts> = {}): TrackerCounts {
  const c = {
    invited: 0,
    nominated: 0,
    confirmed: 0,
    attended: 0,
    declined: 0,
    cancelled: 0,
    female: 0,
    male: 0,
    other_gender: 0,
    undisclosed_gender: 0,
    visa_letters_needed: 0,
    ...over,
  };
  return { seats_taken: c.invited + c.nominated + c.confirmed + c.attended, ...c };
}

function row(name: string, over: Partial<TrackerRow> = {}): TrackerRow {
  return {
    delegation_id: name.toLowerCase(),
    name,
    kind: "country",
    country_code: null,
    quota: null,
    counts: counts(),
    head: null,
    over_quota: false,
    needs_head: false,
    under_quota: false,
    workflow: {
      focal_point_id: null,
      focal_point_name: null,
      invitation_sent_on: null,
      invitation_channel: null,
      nomination_deadline: null,
      nomination_received_on: null,
      credentials_received_on: null,
    },
    nomination_overdue: false,
    ...over,
  };
}

// Protocol order as the backend gives it.
const cambodia = row("Cambodia", { quota: 3, counts: counts({ confirmed: 3, female: 1, male: 2 }), head: "Mr Sok" });
const laos = row("Lao PDR", { quota: 3, counts: counts({ confirmed: 2, invited: 2, female: 3, male: 1 }), over_quota: true, head: "Mr Khamphet" });
const myanmar = row("Myanmar", {
  quota: 3,
  counts: counts({ confirmed: 2, female: 1, male: 1, visa_letters_needed: 2 }),
  needs_head: true,
  under_quota: true,
});
const noQuota = row("Philippines", { counts: counts({ declined: 1 }), head: "Ms Reyes" });
const experts = row("Experts", { kind: "expert_group", quota: 2, counts: counts({ confirmed: 2, female: 1, male: 1 }) });
const rows = [cambodia, laos, myanmar, noQuota, experts];
const names = (list: TrackerRow[]) => list.map((r) => r.name);

describe("attentionOf", () => {
  it("follows the backend's flags for a missing head, over and under quota, and a late nomination", () => {
    const none = { nominationOverdue: false };
    expect(attentionOf(myanmar)).toEqual({ noHead: true, overQuota: false, underQuota: true, ...none });
    expect(attentionOf(experts)).toEqual({ noHead: false, overQuota: false, underQuota: false, ...none });
    expect(attentionOf(laos)).toEqual({ noHead: false, overQuota: true, underQuota: false, ...none });
    expect(attentionOf(noQuota).underQuota).toBe(false);
    expect(attentionOf(row("Peru", { nomination_overdue: true })).nominationOverdue).toBe(true);
  });
});

describe("workflowLine", () => {
  const workflow = row("Peru").workflow;
  it("says the furthest step reached, with the credentials beside it", () => {
    expect(workflowLine(workflow)).toBe("");
    const invited = { ...workflow, invitation_sent_on: "2018-04-02", invitation_channel: "note_verbale" as const };
    expect(workflowLine(invited)).toBe("Invited 2 Apr 2018 by note verbale");
    expect(workflowLine({ ...invited, nomination_deadline: "2018-04-30" })).toBe("Nomination due 30 Apr 2018");
    const nominated = { ...invited, nomination_deadline: "2018-04-30", nomination_received_on: "2018-05-03" };
    expect(workflowLine({ ...nominated, credentials_received_on: "2018-05-28" })).toBe(
      "Nominated 3 May 2018 · Credentials 28 May 2018",
    );
  });
});

describe("filterRows", () => {
  it("filters by kind, by what needs attention and by name or head", () => {
    expect(names(filterRows(rows, { ...NO_FILTER, kind: "expert_group" }))).toEqual(["Experts"]);
    expect(names(filterRows(rows, { ...NO_FILTER, attention: "attention" }))).toEqual(["Lao PDR", "Myanmar"]);
    expect(names(filterRows(rows, { ...NO_FILTER, attention: "no_head" }))).toEqual(["Myanmar"]);
    expect(names(filterRows(rows, { ...NO_FILTER, attention: "over_quota" }))).toEqual(["Lao PDR"]);
    expect(names(filterRows(rows, { ...NO_FILTER, attention: "under_quota" }))).toEqual(["Myanmar"]);
    expect(names(filterRows(rows, { ...NO_FILTER, search: "reyes" }))).toEqual(["Philippines"]);
    expect(names(filterRows(rows, { ...NO_FILTER, search: "LAO pdr" }))).toEqual(["Lao PDR"]);
    expect(names(filterRows([row("Côte d'Ivoire"), ...rows], { ...NO_FILTER, search: "cote" }))).toEqual(["Côte d'Ivoire"]);
    expect(names(filterRows(rows, NO_FILTER))).toEqual(names(rows));
  });
});

describe("sortRows", () => {
  it("keeps protocol order by default", () => {
    expect(names(sortRows(rows, PROTOCOL_ORDER))).toEqual(names(rows));
  });

  it("sorts numbers either way, ties in protocol order, no quota last", () => {
    expect(names(sortRows(rows, { key: "confirmed", direction: "desc" }))).toEqual([
      "Cambodia",
      "Lao PDR",
      "Myanmar",
      "Experts",
      "Philippines",
    ]);
    expect(names(sortRows(rows, { key: "quota", direction: "asc" }))).toEqual([
      "Experts",
      "Cambodia",
      "Lao PDR",
      "Myanmar",
      "Philippines",
    ]);
    expect(names(sortRows(rows, { key: "quota", direction: "desc" })).at(-1)).toBe("Philippines");
  });

  it("sorts by head with the delegations without one last, and by the share of women", () => {
    expect(names(sortRows(rows, { key: "head", direction: "asc" }))).toEqual([
      "Lao PDR",
      "Cambodia",
      "Philippines",
      "Myanmar",
      "Experts",
    ]);
    expect(names(sortRows(rows, { key: "gender", direction: "desc" }))).toEqual([
      "Lao PDR",
      "Myanmar",
      "Experts",
      "Cambodia",
      "Philippines",
    ]);
  });

  it("does not change the rows it is given", () => {
    const copy = [...rows];
    sortRows(rows, { key: "name", direction: "desc" });
    expect(rows).toEqual(copy);
  });
});

describe("nextSort", () => {
  it("cycles a column through its first direction, the other one, and protocol order", () => {
    let sort = nextSort(PROTOCOL_ORDER, "confirmed");
    expect(sort).toEqual({ key: "confirmed", direction: "desc" });
    sort = nextSort(sort, "confirmed");
    expect(sort).toEqual({ key: "confirmed", direction: "asc" });
    expect(nextSort(sort, "confirmed")).toEqual(PROTOCOL_ORDER);
    expect(nextSort(sort, "name")).toEqual({ key: "name", direction: "asc" });
  });
});

describe("labels", () => {
  it("states the gender split and what a deletion removes", () => {
    expect(genderSplitLabel(counts({ confirmed: 12, female: 6, male: 6 }))).toBe("6 F · 6 M");
    expect(genderSplitLabel(counts({ confirmed: 3, female: 1, male: 0, other_gender: 1, undisclosed_gender: 1 }))).toBe(
      "1 F · 0 M · 1 other · 1 not stated",
    );
    expect(genderSplitLabel(counts())).toBe("—");
    expect(participationCount(counts({ invited: 1, confirmed: 2, declined: 1, cancelled: 1 }))).toBe(5);
  });
});
