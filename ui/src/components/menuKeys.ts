// The keys of the window's menu bar, as the WAI-ARIA menubar pattern has them:
// Left/Right go along the bar (and to the next menu while one is open),
// Down/Enter/Space open a menu, Up/Down move in it, Right opens a submenu and
// Left closes it, Enter/Space choose, Escape goes back one level, Tab leaves.
// Pure: the bar's component keeps the state and moves the focus.

/** Where the focus is: a menu of the bar, an item of it (-1: the bar itself), an item of its submenu (-1: none). */
export interface MenuPlace {
  menu: number;
  item: number;
  sub: number;
}

/** How many items each menu has, and how many its items' submenus have (0: no submenu). */
export interface MenuShape {
  menus: number;
  items: (menu: number) => number;
  subItems: (menu: number, item: number) => number;
}

/** What a key does: focus another place (`open`: with its menu shown), choose an item, or leave the bar. */
export type MenuOutcome =
  | { kind: "move"; place: MenuPlace; open: boolean }
  | { kind: "choose"; place: MenuPlace }
  | { kind: "leave" };

function wrap(at: number, count: number, step: number): number {
  return count === 0 ? -1 : (at + step + count) % count;
}

/** The outcome of `key` pressed at `place` (`open`: a menu is shown); null for a key the bar leaves alone. */
export function menuKey(key: string, place: MenuPlace, open: boolean, shape: MenuShape): MenuOutcome | null {
  const { menu, item, sub } = place;
  const at = (m: number, i: number, s = -1): MenuOutcome => ({ kind: "move", place: { menu: m, item: i, sub: s }, open: true });
  const next = (step: number): number => wrap(menu, shape.menus, step);
  const last = (m: number): number => shape.items(m) - 1;

  if (!open || item < 0) {
    switch (key) {
      case "ArrowRight":
      case "ArrowLeft":
        return { kind: "move", place: { menu: next(key === "ArrowRight" ? 1 : -1), item: -1, sub: -1 }, open: false };
      case "Home":
      case "End":
        return { kind: "move", place: { menu: key === "Home" ? 0 : shape.menus - 1, item: -1, sub: -1 }, open: false };
      case "ArrowDown":
      case "Enter":
      case " ":
        return at(menu, 0);
      case "ArrowUp":
        return at(menu, last(menu));
      case "Escape":
        return open ? { kind: "move", place: { menu, item: -1, sub: -1 }, open: false } : null;
      default:
        return null;
    }
  }

  if (sub >= 0) {
    const count = shape.subItems(menu, item);
    switch (key) {
      case "ArrowDown":
      case "ArrowUp":
        return at(menu, item, wrap(sub, count, key === "ArrowDown" ? 1 : -1));
      case "Home":
        return at(menu, item, 0);
      case "End":
        return at(menu, item, count - 1);
      case "ArrowLeft":
      case "Escape":
        return at(menu, item);
      case "ArrowRight":
        return at(next(1), 0);
      case "Enter":
      case " ":
        return { kind: "choose", place };
      case "Tab":
        return { kind: "leave" };
      default:
        return null;
    }
  }

  const hasSub = shape.subItems(menu, item) > 0;
  switch (key) {
    case "ArrowDown":
    case "ArrowUp":
      return at(menu, wrap(item, shape.items(menu), key === "ArrowDown" ? 1 : -1));
    case "Home":
      return at(menu, 0);
    case "End":
      return at(menu, last(menu));
    case "ArrowRight":
      return hasSub ? at(menu, item, 0) : at(next(1), 0);
    case "ArrowLeft":
      return at(next(-1), 0);
    case "Enter":
    case " ":
      return hasSub ? at(menu, item, 0) : { kind: "choose", place };
    case "Escape":
      return { kind: "move", place: { menu, item: -1, sub: -1 }, open: false };
    case "Tab":
      return { kind: "leave" };
    default:
      return null;
  }
}
