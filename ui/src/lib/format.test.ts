import { describe, expect, it } from "vitest";
import { formatDate, formatDateRange, formatInstant, formatKilobytes, parseIsoDate, plural } from "./format";

describe("formatDateRange", () => {
  it("collapses a range within one month", () => {
    expect(formatDateRange("2022-09-21", "2022-09-23")).toBe("21–23 Sep 2022");
    expect(formatDateRange("2018-03-05", "2018-03-06")).toBe("5–6 Mar 2018");
  });

  it("shows a one-day event as a single date", () => {
    expect(formatDateRange("2018-05-29", "2018-05-29")).toBe("29 May 2018");
  });

  it("names both months when the range crosses a month", () => {
    expect(formatDateRange("2022-09-30", "2022-10-02")).toBe("30 Sep – 2 Oct 2022");
  });

  it("names both years when the range crosses a year", () => {
    expect(formatDateRange("2022-12-30", "2023-01-02")).toBe("30 Dec 2022 – 2 Jan 2023");
  });

  it("accepts timestamps and falls back to the raw text for junk", () => {
    expect(formatDateRange("2022-09-21T00:00:00Z", "2022-09-23")).toBe("21–23 Sep 2022");
    expect(formatDateRange("2022-09-21", "someday")).toBe("21 Sep 2022");
    expect(formatDateRange("tbd", "")).toBe("tbd");
  });
});

describe("parseIsoDate", () => {
  it("rejects impossible dates", () => {
    expect(parseIsoDate("2018-02-30")).toBeNull();
    expect(parseIsoDate("2018-13-01")).toBeNull();
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe("formatDate and plural", () => {
  it("formats", () => {
    expect(formatDate("2019-01-15")).toBe("15 Jan 2019");
    expect(plural(1, "delegation")).toBe("1 delegation");
    expect(plural(36, "participant")).toBe("36 participants");
    expect(plural(0, "session")).toBe("0 sessions");
  });
});

describe("formatInstant", () => {
  it("shows a UTC moment as the date and time on this computer's clock", () => {
    // Built from local clock readings, so the test holds in every time zone.
    expect(formatInstant(new Date(2026, 11, 2, 9, 43, 7).toISOString())).toBe("2 Dec 2026, 09:43");
    expect(formatInstant(new Date(2027, 0, 1, 0, 5).toISOString())).toBe("1 Jan 2027, 00:05");
    expect(formatInstant(new Date(2026, 11, 2, 9, 43, 7).toISOString(), { seconds: true })).toBe("2 Dec 2026, 09:43:07");
  });

  it("falls back to the raw text for what is no moment", () => {
    expect(formatInstant("yesterday")).toBe("yesterday");
    expect(formatInstant("2026-12-02")).toBe("2026-12-02");
  });
});

describe("formatKilobytes", () => {
  it("says KB under a megabyte and MB above", () => {
    expect(formatKilobytes(412)).toBe("412 KB");
    expect(formatKilobytes(1229)).toBe("1.2 MB");
    expect(formatKilobytes(36 * 1024)).toBe("36 MB");
  });
});
