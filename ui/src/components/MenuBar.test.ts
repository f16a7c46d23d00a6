// The menu bar as a keyboard and a pointer use it: the roles, a click opening
// a menu with the focus on its first item, the arrows moving along the items
// and the bar, a submenu opened with Right, Enter choosing, Escape closing.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import MenuBar, { type Menu } from "./MenuBar.svelte";

function menus(chosen: (what: string) => void): Menu[] {
  return [
    {
      label: "File",
      testid: "file",
      items: [
        { label: "New plan…", testid: "new", run: () => chosen("new"), shortcut: { label: "Ctrl+Shift+N", aria: "Control+Shift+N" } },
        {
          label: "Open recent",
          testid: "recent",
          submenu: [
            { label: "Bangkok", testid: "bangkok", run: () => chosen("bangkok") },
            { label: "Mexico", testid: "mexico", run: () => chosen("mexico") },
          ],
        },
        { label: "Save a copy…", testid: "copy", run: () => chosen("copy"), disabled: true },
      ],
    },
    { label: "View", testid: "view", items: [{ label: "Events", testid: "events", run: () => chosen("events") }] },
  ];
}

const focused = () => (document.activeElement as HTMLElement | null)?.dataset.testid;
const key = (k: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key: k });

describe("the menu bar", () => {
  it("has the menubar roles, one tab stop, and opens a menu on its first item by a click", async () => {
    render(MenuBar, { menus: menus(() => {}), label: "Roundtable Planner" });
    expect(screen.getByRole("menubar").getAttribute("aria-label")).toBe("Roundtable Planner");
    expect(screen.getByTestId("file").getAttribute("tabindex")).toBe("0");
    expect(screen.getByTestId("view").getAttribute("tabindex")).toBe("-1");
    expect(screen.queryByRole("menu")).toBeNull();

    await fireEvent.click(screen.getByTestId("file"));
    expect(screen.getByTestId("file").getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("menu", { name: "File" })).toBeTruthy();
    expect(focused()).toBe("new");
    expect(screen.getByTestId("new").getAttribute("aria-keyshortcuts")).toBe("Control+Shift+N");
  });

  it("moves with the arrows, opens the submenu with Right and chooses with Enter", async () => {
    const chosen = vi.fn();
    render(MenuBar, { menus: menus(chosen), label: "Menu" });
    await fireEvent.click(screen.getByTestId("file"));
    await key("ArrowDown");
    expect(focused()).toBe("recent");
    await key("ArrowRight");
    expect(screen.getByRole("menu", { name: "Open recent" })).toBeTruthy();
    expect(focused()).toBe("bangkok");
    await key("ArrowDown");
    expect(focused()).toBe("mexico");
    await key("Enter");
    expect(chosen).toHaveBeenCalledWith("mexico");
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("goes to the next menu with Right, closes with Escape to the bar, and does not choose a disabled item", async () => {
    const chosen = vi.fn();
    render(MenuBar, { menus: menus(chosen), label: "Menu" });
    await fireEvent.click(screen.getByTestId("file"));
    await key("ArrowUp");
    expect(focused()).toBe("copy");
    expect(screen.getByTestId("copy").getAttribute("aria-disabled")).toBe("true");
    await key("Enter");
    expect(chosen).not.toHaveBeenCalled();
    await key("ArrowRight");
    expect(focused()).toBe("events");
    await key("Escape");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(focused()).toBe("view");
    expect(screen.getByTestId("view").getAttribute("tabindex")).toBe("0");
  });
});
