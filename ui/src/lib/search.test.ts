import { describe, expect, it } from "vitest";
import { fold, matcher } from "./search";

describe("fold and matcher", () => {
  it("compare without case, accents or punctuation, as the core's fold does", () => {
    expect(fold("Côte d'Ivoire")).toBe("cote d ivoire");
    expect(fold("  NGUYỄN Thị  Hương ")).toBe("nguyen thi huong");
    expect(fold("Ciudad de México")).toBe("ciudad de mexico");
  });

  it("finds a row when every word of the search is in one of its texts", () => {
    const matches = matcher("viet HUONG");
    expect(matches("Nguyễn Thị Hương", null, "Viet Nam")).toBe(true);
    expect(matches("Nguyễn Thị Hương", "Thailand")).toBe(false);
    expect(matcher("  ")("anything")).toBe(true);
  });
});
