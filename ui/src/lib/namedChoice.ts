// "Choose an existing one or type a new one": the series and organisation
// inputs offer the existing records as suggestions; what was typed is matched
// to a record by name (ignoring case and outer spaces), and is otherwise new.

/** The outcome of matching typed text against existing records. */
export type NamedChoice<T> = { kind: "none" } | { kind: "existing"; item: T } | { kind: "new"; name: string };

/** Matches `typed` against each item's names (a name, a short name…). */
export function chooseByName<T>(
  typed: string,
  items: readonly T[],
  names: (item: T) => readonly (string | null)[],
): NamedChoice<T> {
  const name = typed.trim();
  if (!name) return { kind: "none" };
  const wanted = name.toLowerCase();
  const item = items.find((i) => names(i).some((n) => n?.trim().toLowerCase() === wanted));
  return item ? { kind: "existing", item } : { kind: "new", name };
}
