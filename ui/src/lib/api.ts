// Types of what the backend's commands return, derived from the generated
// `commands` object, so the UI follows the Rust types whatever the generated
// type names are.
import type { commands } from "./bindings";

type AnyCommand = (...args: never[]) => Promise<{ status: "ok"; data: unknown } | { status: "error"; error: unknown }>;

/** The `data` of a command's successful result. */
export type CommandData<C extends AnyCommand> = Extract<Awaited<ReturnType<C>>, { status: "ok" }>["data"];

/** One line of the home screen's list of events. */
export type EventListItem = CommandData<typeof commands.listEvents>[number];

/** What "Load examples" did. */
export type ExampleLoadResult = CommandData<typeof commands.loadExamples>;
