import { describe, expect, it } from "vitest";
import { agendaShortcut } from "./agendaShortcuts";

function key(init: KeyboardEventInit, target: Element = document.body): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { bubbles: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  return event;
}

describe("agendaShortcut", () => {
  it("opens a new session on Ctrl+N or ⌘N, even from a field", () => {
    const field = document.createElement("input");
    expect(agendaShortcut(key({ key: "n", ctrlKey: true }))).toEqual({ kind: "new-session" });
    expect(agendaShortcut(key({ key: "N", metaKey: true }, field))).toEqual({ kind: "new-session" });
    expect(agendaShortcut(key({ key: "n", ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it("steps between days with [ and ], but not while typing or with a modifier", () => {
    expect(agendaShortcut(key({ key: "[" }))).toEqual({ kind: "step-day", step: -1 });
    expect(agendaShortcut(key({ key: "]" }))).toEqual({ kind: "step-day", step: 1 });
    expect(agendaShortcut(key({ key: "]" }, document.createElement("textarea")))).toBeNull();
    expect(agendaShortcut(key({ key: "]", altKey: true }))).toBeNull();
    expect(agendaShortcut(key({ key: "x" }))).toBeNull();
  });
});
