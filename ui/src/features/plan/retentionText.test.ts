// The words of the retention setting: the question names the events and the
// limit day, and the message says what was erased, or that nothing needed to be.
import { describe, expect, it } from "vitest";
import { retentionNotice, retentionQuestion } from "./retentionText";

describe("the retention question and message", () => {
  it("names the limit day, the events and how many people", () => {
    const question = retentionQuestion({
      months: 12,
      ended_before: "2025-12-02",
      events: [
        { id: "a", title: "Bangkok dialogue", end_date: "2022-09-23" },
        { id: "b", title: "MIEUX Round-table", end_date: "2018-05-30" },
      ],
      people: 35,
    });
    expect(question.title).toBe("Erase personal data of events that ended before 2 Dec 2025?");
    expect(question.message).toContain("every time this plan is opened");
    expect(question.message).toContain("more than 12 months ago");
    expect(question.message).toContain("35 people will be erased");
    expect(question.events).toEqual(["Bangkok dialogue (ended 23 Sep 2022)", "MIEUX Round-table (ended 30 May 2018)"]);
  });

  it("says when only seats' details are left", () => {
    const question = retentionQuestion({ months: 1, ended_before: "2026-11-02", events: [], people: 0 });
    expect(question.message).toContain("more than 1 month ago");
    expect(question.message).toContain("Nobody's name is left to erase");
  });

  it("says what was erased, that nothing was, or that retention is off", () => {
    expect(retentionNotice({ months: 12, people_erased: 1, seats_cleared: 40 })).toBe(
      "Personal data is kept for 12 months after an event ends. Erased now: 1 person, and the details of 40 seats.",
    );
    expect(retentionNotice({ months: 24, people_erased: 0, seats_cleared: 0 })).toContain("Nothing needed erasing now");
    expect(retentionNotice(null)).toBe("Retention is off: personal data is kept until someone erases it.");
  });
});
