import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ColumnMapping, ImportPreview } from "../../lib/bindings";
import { commands } from "../../lib/bindings";
import ImportWizard from "./ImportWizard.svelte";

vi.mock("@tauri-apps/api/core", () => ({ Channel: class {} }));
vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: { importFields: vi.fn(), chooseOpenPath: vi.fn(), previewImport: vi.fn(), commitImport: vi.fn() },
}));

const ok = <T>(data: T) => ({ status: "ok" as const, data });
const HEADERS = ["Nom de famille", "First name", "Country", "E-mail"];

/** What the backend answers: a problem until a column feeds the family name. */
function previewFor(mapping: ColumnMapping | null, committed = false): ImportPreview {
  const columns = mapping?.columns ?? [null, "given_name", "country", "email"];
  const usable = columns.includes("family_name");
  return {
    format: "CSV (semicolon-separated, Windows-1252)",
    sheets: [],
    headers: HEADERS,
    mapping: { columns, values: mapping?.values ?? [] },
    sample: [["Dupré", "Thérèse", "Cambodia", "t@example.org"]],
    problem: usable ? null : "No column holds the family name (or the full name); choose one in the mapping",
    values_read: [],
    report: {
      rows: usable ? [{ line: 2, action: "create", name: "Thérèse Dupré", delegation: "Cambodia", reason: null }] : [],
      new_delegations: usable ? ["Cambodia"] : [],
      created: usable ? 1 : 0,
      updated: 0,
      rejected: 0,
      committed,
    },
  };
}


describe("ImportWizard", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(commands.importFields).mockResolvedValue([
      { field: "family_name", label: "Family name" },
      { field: "given_name", label: "Given name" },
      { field: "country", label: "Country" },
      { field: "email", label: "E-mail" },
    ]);
    vi.mocked(commands.chooseOpenPath).mockResolvedValue(ok("/home/ana/registrations.csv"));
    vi.mocked(commands.previewImport).mockImplementation(async (_e, _p, mapping) => ok(previewFor(mapping)));
    vi.mocked(commands.commitImport).mockImplementation(async (_e, _p, mapping) => ok(previewFor(mapping, true)));
  });

  it("maps a column by hand, checks again with the mapping, and imports with it", async () => {
    const onimported = vi.fn();
    render(ImportWizard, { open: true, eventId: "ev1", onimported });
    await fireEvent.click(await screen.findByTestId("import-choose"));
    expect((await screen.findByTestId("import-problem")).textContent).toContain("family name");
    expect((screen.getByTestId("import-commit") as HTMLButtonElement).disabled).toBe(true);

    const select = await screen.findByTestId("import-map-0");
    await waitFor(() => expect(select.querySelectorAll("option").length).toBe(5));
    await fireEvent.change(select, { target: { value: "family_name" } });

    await waitFor(() => expect(screen.getByTestId("import-counts").textContent).toContain("1 new participant"));
    const sent = vi.mocked(commands.previewImport).mock.calls.at(-1)!;
    expect(sent.slice(0, 2)).toEqual(["ev1", "/home/ana/registrations.csv"]);
    expect(sent[2]).toEqual({ columns: ["family_name", "given_name", "country", "email"], values: [] });
    expect(screen.getByTestId("import-new-delegations").textContent).toContain("Cambodia");

    await fireEvent.click(screen.getByTestId("import-commit"));
    await waitFor(() => expect(onimported).toHaveBeenCalledOnce());
    expect(vi.mocked(commands.commitImport).mock.calls[0][2]).toEqual({
      columns: ["family_name", "given_name", "country", "email"],
      values: [],
    });
    expect(screen.getByTestId("import-done").textContent).toContain("1 new participant");
  });

  it("reads an answer the plan does not know as the person says, for every row, and imports with it", async () => {
    // The file's status column says "Aprobado" on lines 2 and 3: rejected until it is mapped.
    const withStatus = (mapping: ColumnMapping | null, committed = false): ImportPreview => {
      const columns = mapping?.columns ?? ["family_name", "given_name", "country", "status"];
      const values = mapping?.values ?? [];
      const mapped = values.some((v) => v.column === 3 && v.text.toLowerCase() === "aprobado" && v.value === "confirmed");
      const base = previewFor({ columns: ["family_name", "given_name", "country", "email"], values }, committed);
      return {
        ...base,
        headers: ["Apellido", "Nombre", "País", "Estado"],
        mapping: { columns, values },
        values_read: [
          {
            column: 3,
            header: "Estado",
            kind: "status",
            text: "Aprobado",
            lines: [2, 3],
            reads_as: mapped ? "confirmed" : null,
            choices: ["invited", "confirmed"],
          },
        ],
        
        report: { ...base.report, created: mapped ? 2 : 0, rejected: mapped ? 0 : 2 },
      };
    };
    vi.mocked(commands.previewImport).mockImplementation(async (_e, _p, mapping) => ok(withStatus(mapping)));
    vi.mocked(commands.commitImport).mockImplementation(async (_e, _p, mapping) => ok(withStatus(mapping, true)));
    render(ImportWizard, { open: true, eventId: "ev1", onimported: vi.fn() });
    await fireEvent.click(await screen.findByTestId("import-choose"));
    expect((await screen.findByTestId("import-values")).textContent).toContain("lines 2, 3");
    expect((screen.getByTestId("import-commit") as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.change(screen.getByTestId("import-value-3-Aprobado"), { target: { value: "confirmed" } });
    await waitFor(() => expect(screen.getByTestId("import-counts").textContent).toContain("2 new participants"));
    const choice = { column: 3, text: "Aprobado", value: "confirmed" };
    expect(vi.mocked(commands.previewImport).mock.calls.at(-1)![2]).toEqual({
      columns: ["family_name", "given_name", "country", "status"],
      values: [choice],
    });
    expect(screen.getByTestId("import-value-chosen").textContent).toContain("confirmed");

    // The column fed into another field: its answers' choices go with it; fed back, they are asked again.
    await fireEvent.change(screen.getByTestId("import-map-3"), { target: { value: "" } });
    await waitFor(() => expect(vi.mocked(commands.previewImport).mock.calls.at(-1)![2]?.values).toEqual([]));
    await fireEvent.change(screen.getByTestId("import-map-3"), { target: { value: "status" } });
    await fireEvent.change(await screen.findByTestId("import-value-3-Aprobado"), { target: { value: "confirmed" } });
    await waitFor(() => expect(screen.getByTestId("import-counts").textContent).toContain("2 new participants"));
    await fireEvent.click(screen.getByTestId("import-commit"));
    await waitFor(() => expect(commands.commitImport).toHaveBeenCalledOnce());
    expect(vi.mocked(commands.commitImport).mock.calls[0][2]?.values).toEqual([choice]);
  });

  it("does nothing when the open dialog is cancelled", async () => {
    vi.mocked(commands.chooseOpenPath).mockResolvedValue(ok(null));
    render(ImportWizard, { open: true, eventId: "ev1", onimported: vi.fn() });
    await fireEvent.click(await screen.findByTestId("import-choose"));
    await waitFor(() => expect((screen.getByTestId("import-choose") as HTMLButtonElement).disabled).toBe(false));
    expect(commands.previewImport).not.toHaveBeenCalled();
  });
});
