import { describe, expect, it } from "vitest";
import { COMMON_TIME_ZONES, defaultTimeZone, timeZoneAfterCountryChange } from "./timezones";

describe("defaultTimeZone", () => {
  it("gives the capital's zone of the seed articles' host countries", () => {
    expect(defaultTimeZone("TH")).toBe("Asia/Bangkok");
    expect(defaultTimeZone("MX")).toBe("America/Mexico_City");
    expect(defaultTimeZone("ke")).toBe("Africa/Nairobi");
  });

  it("knows nothing of countries outside its short list", () => {
    expect(defaultTimeZone("AQ")).toBeNull();
    expect(defaultTimeZone("")).toBeNull();
  });
});

describe("timeZoneAfterCountryChange", () => {
  it("fills an empty zone with the new country's", () => {
    expect(timeZoneAfterCountryChange("", "", "TH")).toBe("Asia/Bangkok");
  });

  it("replaces the previous country's default", () => {
    expect(timeZoneAfterCountryChange("Asia/Bangkok", "TH", "KE")).toBe("Africa/Nairobi");
  });

  it("keeps a zone the organiser typed", () => {
    expect(timeZoneAfterCountryChange("Asia/Jakarta", "TH", "KE")).toBe("Asia/Jakarta");
  });

  it("keeps the zone when the new country has no default", () => {
    expect(timeZoneAfterCountryChange("", "TH", "AQ")).toBe("");
  });
});

describe("COMMON_TIME_ZONES", () => {
  it("is sorted, without duplicates, and includes UTC", () => {
    expect([...COMMON_TIME_ZONES].sort()).toEqual(COMMON_TIME_ZONES);
    expect(new Set(COMMON_TIME_ZONES).size).toBe(COMMON_TIME_ZONES.length);
    expect(COMMON_TIME_ZONES).toContain("UTC");
  });
});
