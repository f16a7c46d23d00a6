// The windowing maths of a virtual list of fixed-height rows: which rows to
// render for a scroll position, and where to scroll to bring a row into view.
// A list may scroll in its own box (the participants table) or with the page
// (the home screen's events); both render only the rows in view.

export interface VirtualWindow {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
  /** Where the first rendered row sits, in pixels from the top of the list. */
  offset: number;
  /** Height of the whole list, in pixels. */
  total: number;
}

/**
 * The rows of a list of `count` rows of `rowHeight` pixels that are visible in
 * a viewport of `viewportHeight` pixels scrolled to `scrollTop`, plus
 * `overscan` rows on either side so that fast scrolling shows no gap.
 */
export function virtualWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = 5,
): VirtualWindow {
  const total = Math.max(0, count) * rowHeight;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total };
  const maxScroll = Math.max(0, total - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const lastVisible = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, Math.max(lastVisible, firstVisible + 1) + overscan);
  return { start, end, offset: start * rowHeight, total };
}

/**
 * The scroll position that brings row `index` fully into view with the least
 * movement, or `null` when it is already fully visible.
 */
export function scrollToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | null {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return null;
}

/**
 * The rows to render of a list that scrolls with the page: `listTop` is where
 * the list's top edge is relative to the top of the viewport (negative once
 * the page is scrolled past it), `viewportHeight` the window's height. A list
 * entirely below the viewport renders its first rows only; one scrolled past,
 * its last.
 */
export function pageWindow(
  count: number,
  rowHeight: number,
  listTop: number,
  viewportHeight: number,
  overscan = 5,
): VirtualWindow {
  const top = Math.max(0, -listTop);
  const bottom = Math.max(top, viewportHeight - listTop);
  return virtualWindow(count, rowHeight, top, bottom - top, overscan);
}
