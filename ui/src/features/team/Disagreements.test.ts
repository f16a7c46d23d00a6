// The disagreements a person decides: each value with who wrote it, the one
// shown first; keeping one sends the choice to the backend.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type Disagreement } from "../../lib/bindings";
import Disagreements from "./Disagreements.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: { disagreements: vi.fn(), resolveDisagreement: vi.fn(), teamStatus: vi.fn() },
}));

const title: Disagreement = {
  id: "event:0192:title",
  record_kind: "event",
  record: null,
  record_label: "Bangkok dialogue",
  field: "title",
  shown: "Dialogue (OHCHR)",
  options: [
    { kind: "keep", value: "Dialogue (OHCHR)", who: "Ben (OHCHR)", at: "2026-12-07T07:01:00Z" },
    { kind: "keep", value: "Dialogue (IOM)", who: "Ana (IOM)", at: "2026-12-07T07:00:00Z" },
  ],
  held_because: "",
  rename: null,
  takes_typed_value: true,
};

const namesake: Disagreement = {
  id: "organisation:0193:",
  record_kind: "organisation",
  record: null,
  record_label: "iom",
  field: null,
  shown: null,
  options: [
    { kind: "merge_into", value: "IOM", who: "Ana (IOM)", at: "2026-12-07T07:00:00Z" },
    { kind: "delete", value: null, who: "", at: null },
  ],
  held_because: "Another record already has the same name",
  rename: { field: "name", suggested: "iom (OHCHR)" },
  takes_typed_value: true,
};

const series: Disagreement = {
  ...title,
  id: "event:0192:series_id",
  field: "series",
  shown: "MIEUX 2018",
  options: [
    { kind: "keep", value: "MIEUX 2018", who: "Ben (OHCHR)", at: "2026-12-07T07:01:00Z" },
    { kind: "keep", value: "Bali Process", who: "Ana (IOM)", at: "2026-12-07T07:00:00Z" },
  ],
  takes_typed_value: false,
};

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(commands.disagreements).mockResolvedValue({ status: "ok", data: [title] });
  vi.mocked(commands.resolveDisagreement).mockResolvedValue({ status: "ok", data: [] });
  vi.mocked(commands.teamStatus).mockResolvedValue({
    status: "ok",
    data: { folder: "/team", synced_at: null, disagreements: 0 },
  });
});

describe("Disagreements", () => {
  it("lists each value with who wrote it, and keeps the one chosen", async () => {
    vi.mocked(commands.disagreements)
      .mockResolvedValueOnce({ status: "ok", data: [title] })
      .mockResolvedValue({ status: "ok", data: [] });
    render(Disagreements);
    const options = await screen.findAllByTestId("disagreement-option");
    expect(options[0].textContent).toContain("Ben (OHCHR)");
    expect(options[0].textContent).toContain("shown now");
    expect(options[1].textContent).toContain("Dialogue (IOM)");
    await fireEvent.click(screen.getAllByTestId("keep-option")[1]);
    await waitFor(() => expect(commands.resolveDisagreement).toHaveBeenCalledWith("event:0192:title", 1, null));
    await screen.findByTestId("no-disagreements");
  });

  it("keeps a value the person types", async () => {
    render(Disagreements);
    const field = await screen.findByTestId("disagreement-value");
    await fireEvent.input(field, { target: { value: "Bangkok dialogue 2022" } });
    await fireEvent.submit(field.closest("form")!);
    await waitFor(() =>
      expect(commands.resolveDisagreement).toHaveBeenCalledWith("event:0192:title", null, "Bangkok dialogue 2022"),
    );
  });

  it("offers no typed value for a link to another record: one of the records listed is kept", async () => {
    vi.mocked(commands.disagreements).mockResolvedValue({ status: "ok", data: [series] });
    render(Disagreements);
    const options = await screen.findAllByTestId("disagreement-option");
    expect(options.map((o) => o.querySelector(".value")?.textContent)).toEqual(["MIEUX 2018", "Bali Process"]);
    expect(screen.queryByTestId("disagreement-value")).toBeNull();
  });

  it("offers to merge a record held back for its name into its namesake, or to keep both renamed", async () => {
    vi.mocked(commands.disagreements).mockResolvedValue({ status: "ok", data: [namesake] });
    render(Disagreements);
    const options = await screen.findAllByTestId("disagreement-option");
    expect(options[0].textContent).toContain("Merge into IOM");
    expect(options[1].textContent).toContain("Let it go");
    expect(screen.getAllByTestId("keep-option").map((b) => b.textContent)).toEqual(["Merge", "Let it go"]);
    const name = screen.getByTestId<HTMLInputElement>("disagreement-value");
    expect(name.value).toBe("iom (OHCHR)");
    await fireEvent.click(screen.getByTestId("keep-typed"));
    await waitFor(() =>
      expect(commands.resolveDisagreement).toHaveBeenCalledWith("organisation:0193:", null, "iom (OHCHR)"),
    );
    await fireEvent.click(screen.getAllByTestId("keep-option")[0]);
    await waitFor(() => expect(commands.resolveDisagreement).toHaveBeenCalledWith("organisation:0193:", 0, null));
  });
});
