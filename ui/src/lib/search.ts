// How the window compares what a person types with names on screen, for the
// lists it filters itself (the home list, the tracker, organisations, the
// session's people picker). The twin of the core's `fold` (core/src/text.rs),
// which every search the backend runs uses: case, accents and punctuation
// aside, so "cote d ivoire" finds "Côte d'Ivoire" and "nguyen" finds "Nguyễn".

/** Lower case, without accents, punctuation as single spaces. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A test of whether every word of `search` appears in one of the texts; the
 *  search is folded once here, not once per row. An empty search passes all. */
export function matcher(search: string): (...texts: (string | null | undefined)[]) => boolean {
  const words = fold(search).split(" ").filter(Boolean);
  return (...texts) => {
    if (words.length === 0) return true;
    const haystack = fold(texts.filter(Boolean).join(" "));
    return words.every((word) => haystack.includes(word));
  };
}
