import { describe, expect, it } from "vitest";
import { screenKey } from "./screenKeys";

function press(key: string, target: HTMLElement, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  return event;
}

describe("screenKey", () => {
  it("asks for the new action on Ctrl+N or ⌘N, and for the search on / outside a field", () => {
    const body = document.body;
    const field = document.createElement("input");
    expect(screenKey(press("n", body, { ctrlKey: true }))).toBe("new");
    expect(screenKey(press("N", field, { metaKey: true }))).toBe("new");
    expect(screenKey(press("/", body))).toBe("search");
    expect(screenKey(press("/", field))).toBeNull();
    expect(screenKey(press("n", body))).toBeNull();
  });

  it("leaves every key to an open dialog", () => {
    const dialog = document.createElement("dialog");
    dialog.setAttribute("open", "");
    document.body.append(dialog);
    expect(screenKey(press("n", document.body, { ctrlKey: true }))).toBeNull();
    dialog.remove();
  });
});
