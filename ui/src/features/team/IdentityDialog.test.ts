// File → Your name… shows who the backend says the organiser is, and saves the name given.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../../lib/bindings";
import IdentityDialog from "./IdentityDialog.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: { whoami: vi.fn(), setIdentity: vi.fn() },
}));

const me = { id: "0192d3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d", name: "ana", organisation: "" };


beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(commands.whoami).mockResolvedValue({ status: "ok", data: me });
});

describe("Your name…", () => {
  it("starts from the desktop's name and saves the name and organisation given", async () => {
    vi.mocked(commands.setIdentity).mockResolvedValue({
      status: "ok",
      data: { ...me, name: "Ana Reyes", organisation: "IOM Thailand" },
    });
    render(IdentityDialog, { open: true });
    const name = screen.getByTestId<HTMLInputElement>("identity-name");
    await waitFor(() => expect(name.value).toBe("ana"));
    await fireEvent.input(name, { target: { value: "Ana Reyes" } });
    await fireEvent.input(screen.getByTestId("identity-organisation"), { target: { value: "IOM Thailand" } });
    await fireEvent.click(screen.getByTestId("identity-save"));
    await waitFor(() => expect(commands.setIdentity).toHaveBeenCalledWith("Ana Reyes", "IOM Thailand"));
  });

  it("shows why a name is refused next to the name, which keeps what was typed", async () => {
    vi.mocked(commands.setIdentity).mockResolvedValue({
      status: "error",
      error: { kind: "validation", message: "Give your name, as teammates will see it", field: "name", problems: [] },
    });
    render(IdentityDialog, { open: true });
    await fireEvent.submit(screen.getByTestId("identity-save").closest("form")!);
    const why = await screen.findByTestId("error-identity-name");
    expect(why.textContent).toBe("Give your name, as teammates will see it");
    expect(screen.getByTestId("identity-name").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("identity-dialog")).toBeTruthy();
  });
});
