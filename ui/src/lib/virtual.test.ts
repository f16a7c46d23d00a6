import { describe, expect, it } from "vitest";
import { pageWindow, scrollToReveal, virtualWindow } from "./virtual";

const ROW = 44;

describe("virtualWindow", () => {
  it("renders only the visible rows of 5,000 and the overscan, wherever the list is scrolled", () => {
    const count = 5_000;
    const viewport = 600; // 13.6 rows
    for (const scrollTop of [0, 1, 43, 44, 12_345, 100_000, count * ROW - viewport]) {
      const w = virtualWindow(count, ROW, scrollTop, viewport, 5);
      expect(w.total).toBe(count * ROW);
      expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(viewport / ROW) + 1 + 10);
      // Every row that shows in the viewport is rendered.
      const firstVisible = Math.floor(scrollTop / ROW);
      const lastVisible = Math.min(count - 1, Math.floor((scrollTop + viewport - 1) / ROW));
      expect(w.start).toBeLessThanOrEqual(firstVisible);
      expect(w.end).toBeGreaterThan(lastVisible);
      expect(w.offset).toBe(w.start * ROW);
    }
  });

  it("starts at the top and stops at the last row", () => {
    expect(virtualWindow(5_000, ROW, 0, 600, 5)).toEqual({ start: 0, end: 19, offset: 0, total: 220_000 });
    const bottom = virtualWindow(5_000, ROW, 220_000 - 600, 600, 5);
    expect(bottom.end).toBe(5_000);
    expect(bottom.start).toBe(Math.floor((220_000 - 600) / ROW) - 5);
  });

  it("clamps scroll positions beyond either end (elastic scrolling)", () => {
    expect(virtualWindow(5_000, ROW, -200, 600, 0).start).toBe(0);
    const past = virtualWindow(5_000, ROW, 10_000_000, 600, 0);
    expect(past.end).toBe(5_000);
    expect(past.start).toBe(Math.floor((220_000 - 600) / ROW));
  });

  it("renders every row of a list shorter than the viewport, and none of an empty one", () => {
    expect(virtualWindow(3, ROW, 0, 600)).toEqual({ start: 0, end: 3, offset: 0, total: 132 });
    expect(virtualWindow(0, ROW, 0, 600)).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
  });

  it("renders at least one row before the viewport has a height (first layout)", () => {
    const w = virtualWindow(5_000, ROW, 0, 0, 0);
    expect(w.end - w.start).toBe(1);
  });
});

describe("scrollToReveal", () => {
  it("scrolls up to a row above, down to a row below, and not at all for a visible row", () => {
    // Viewport shows rows 10..23 (440..1040).
    expect(scrollToReveal(12, ROW, 440, 600)).toBeNull();
    expect(scrollToReveal(9, ROW, 440, 600)).toBe(9 * ROW);
    expect(scrollToReveal(30, ROW, 440, 600)).toBe(31 * ROW - 600);
    expect(scrollToReveal(0, ROW, 0, 600)).toBeNull();
  });
});

describe("pageWindow", () => {
  const SLOT = 132;

  it("renders the rows a list shows below the page's header, and its overscan", () => {
    // The list starts 300 px down an 800 px window: 500 px of it show, rows 0..3.
    expect(pageWindow(1_000, SLOT, 300, 800, 2)).toEqual({ start: 0, end: 6, offset: 0, total: 132_000 });
  });

  it("follows the page as it scrolls past the list's top", () => {
    // Scrolled 10,000 px into the list: rows 75 (9,900..10,032) to 81 (10,692..10,824) show.
    const w = pageWindow(1_000, SLOT, -10_000, 800, 2);
    expect(w.start).toBe(75 - 2);
    expect(w.end).toBe(82 + 2);
    expect(w.offset).toBe(73 * SLOT);
  });

  it("renders only a few first rows of a list still below the window, and the last of one scrolled past", () => {
    expect(pageWindow(1_000, SLOT, 5_000, 800, 2)).toEqual({ start: 0, end: 3, offset: 0, total: 132_000 });
    const past = pageWindow(1_000, SLOT, -200_000, 800, 2);
    expect(past.end).toBe(1_000);
    expect(past.end - past.start).toBeLessThanOrEqual(Math.ceil(800 / SLOT) + 1 + 4);
  });
});
