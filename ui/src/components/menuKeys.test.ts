import { describe, expect, it } from "vitest";
import { menuKey, type MenuShape } from "./menuKeys";

// File (4 items, the second with a submenu of 2), View (2 items), Help (1 item).
const shape: MenuShape = {
  menus: 3,
  items: (m) => [4, 2, 1][m],
  subItems: (m, i) => (m === 0 && i === 1 ? 2 : 0),
};
const place = (menu: number, item = -1, sub = -1) => ({ menu, item, sub });

describe("the menu bar's keys", () => {
  it("goes along the bar with Left and Right, wrapping, without opening", () => {
    expect(menuKey("ArrowRight", place(0), false, shape)).toEqual({ kind: "move", place: place(1), open: false });
    expect(menuKey("ArrowLeft", place(0), false, shape)).toEqual({ kind: "move", place: place(2), open: false });
    expect(menuKey("End", place(0), false, shape)).toEqual({ kind: "move", place: place(2), open: false });
  });

  it("opens a menu on its first item with Down, Enter or Space, and on its last with Up", () => {
    for (const key of ["ArrowDown", "Enter", " "]) {
      expect(menuKey(key, place(1), false, shape)).toEqual({ kind: "move", place: place(1, 0), open: true });
    }
    expect(menuKey("ArrowUp", place(0), false, shape)).toEqual({ kind: "move", place: place(0, 3), open: true });
  });

  it("moves in an open menu, wrapping at both ends", () => {
    expect(menuKey("ArrowDown", place(0, 3), true, shape)).toEqual({ kind: "move", place: place(0, 0), open: true });
    expect(menuKey("ArrowUp", place(0, 0), true, shape)).toEqual({ kind: "move", place: place(0, 3), open: true });
    expect(menuKey("End", place(0, 0), true, shape)).toEqual({ kind: "move", place: place(0, 3), open: true });
  });

  it("goes to the next or previous menu, open, with Right and Left", () => {
    expect(menuKey("ArrowRight", place(0, 2), true, shape)).toEqual({ kind: "move", place: place(1, 0), open: true });
    expect(menuKey("ArrowLeft", place(0, 2), true, shape)).toEqual({ kind: "move", place: place(2, 0), open: true });
  });

  it("opens a submenu with Right or Enter, and Left or Escape goes back to its item", () => {
    expect(menuKey("ArrowRight", place(0, 1), true, shape)).toEqual({ kind: "move", place: place(0, 1, 0), open: true });
    expect(menuKey("Enter", place(0, 1), true, shape)).toEqual({ kind: "move", place: place(0, 1, 0), open: true });
    expect(menuKey("ArrowDown", place(0, 1, 1), true, shape)).toEqual({ kind: "move", place: place(0, 1, 0), open: true });
    expect(menuKey("ArrowLeft", place(0, 1, 1), true, shape)).toEqual({ kind: "move", place: place(0, 1), open: true });
    expect(menuKey("Escape", place(0, 1, 0), true, shape)).toEqual({ kind: "move", place: place(0, 1), open: true });
  });

  it("chooses with Enter or Space, closes to the bar with Escape, and lets Tab leave", () => {
    expect(menuKey("Enter", place(0, 2), true, shape)).toEqual({ kind: "choose", place: place(0, 2) });
    expect(menuKey(" ", place(0, 1, 1), true, shape)).toEqual({ kind: "choose", place: place(0, 1, 1) });
    expect(menuKey("Escape", place(1, 1), true, shape)).toEqual({ kind: "move", place: place(1), open: false });
    expect(menuKey("Tab", place(1, 1), true, shape)).toEqual({ kind: "leave" });
  });

  it("leaves other keys alone", () => {
    expect(menuKey("a", place(0, 1), true, shape)).toBeNull();
    expect(menuKey("Escape", place(0), false, shape)).toBeNull();
  });
});
