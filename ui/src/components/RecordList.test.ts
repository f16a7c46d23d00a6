// The record list and its form, through the media contacts panel (the
// simplest of the four lists built on them): add, edit in place, a refusal
// shown at its field, delete after asking, and a failed delete shown; and a
// change made from a row (a follow-up's status) refused and shown.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type FollowUp, type MediaContact } from "../lib/bindings";
import FollowUpsPanel from "../features/outcomes/FollowUpsPanel.svelte";
import MediaPanel from "../features/overview/MediaPanel.svelte";

vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../lib/bindings")>()),
  commands: {
    addMediaContact: vi.fn(),
    updateMediaContact: vi.fn(),
    deleteMediaContact: vi.fn(),
    updateFollowUp: vi.fn(),
  },
}));

const addMediaContact = vi.mocked(commands.addMediaContact);
const updateMediaContact = vi.mocked(commands.updateMediaContact);
const deleteMediaContact = vi.mocked(commands.deleteMediaContact);


const ana: MediaContact = {
  id: "m1",
  event_id: "e1",
  name: "Ana Costa",
  organisation: "Lusa",
  city: "Lisbon",
  email: "ana@lusa.pt",
  phone: "",
};

function setup(contacts: MediaContact[]) {
  const onchanged = vi.fn(async () => {});
  render(MediaPanel, { eventId: "e1", contacts, onchanged });
  return onchanged;
}

async function type(id: string, value: string): Promise<void> {
  await fireEvent.input(document.getElementById(id) as HTMLInputElement, { target: { value } });
}

describe("RecordList and RecordForm", () => {
  beforeEach(() => {
    addMediaContact.mockReset();
    updateMediaContact.mockReset();
    deleteMediaContact.mockReset();
  });

  it("says when there is nothing yet, and adds a record through its form", async () => {
    const onchanged = setup([]);
    expect(screen.getByText("No media contacts.")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("add-media"));
    await type("media-new-name", "Press Officer");
    await type("media-new-email", " press@example.org ");
    addMediaContact.mockResolvedValue({ status: "ok", data: { ...ana, id: "m2" } });
    await fireEvent.click(screen.getByTestId("save-media"));
    await waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect(addMediaContact).toHaveBeenCalledWith("e1", {
      name: "Press Officer",
      organisation: "",
      city: "",
      email: "press@example.org",
      phone: "",
    });
    expect(screen.queryByTestId("media-form")).toBeNull();
    expect(screen.getByTestId("add-media")).toBeTruthy();
  });

  it("edits a row in place and saves the change to that record", async () => {
    const onchanged = setup([ana]);
    await fireEvent.click(screen.getByRole("button", { name: "Edit Ana Costa" }));
    expect(screen.queryByTestId("media-row")).toBeNull();
    expect((document.getElementById("media-m1-name") as HTMLInputElement).value).toBe("Ana Costa");
    expect(screen.getByTestId("save-media").textContent).toContain("Save contact");
    await type("media-m1-phone", "+351 21 000 0000");
    updateMediaContact.mockResolvedValue({ status: "ok", data: ana });
    await fireEvent.click(screen.getByTestId("save-media"));
    await waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect(updateMediaContact).toHaveBeenCalledWith("m1", {
      name: "Ana Costa",
      organisation: "Lusa",
      city: "Lisbon",
      email: "ana@lusa.pt",
      phone: "+351 21 000 0000",
    });
    expect(screen.getByTestId("media-row")).toBeTruthy();
  });

  it("shows the backend's refusal at the field it concerns and keeps what was typed", async () => {
    const onchanged = setup([]);
    await fireEvent.click(screen.getByTestId("add-media"));
    await type("media-new-name", "Press Officer");
    const message = "Give an e-mail address or a phone number";
    addMediaContact.mockResolvedValue({
      status: "error",
      error: { kind: "validation", field: "email", message, problems: [{ field: "email", message }] },
    });
    await fireEvent.click(screen.getByTestId("save-media"));
    expect((await screen.findByTestId("error-media-new-email")).textContent).toBe(message);
    expect(document.getElementById("media-new-email")?.getAttribute("aria-describedby")).toBe("media-new-email-error");
    expect((document.getElementById("media-new-name") as HTMLInputElement).value).toBe("Press Officer");
    expect(screen.getByTestId("media-form")).toBeTruthy();
    expect(onchanged).not.toHaveBeenCalled();
  });

  it("deletes a record only once the person confirms", async () => {
    const onchanged = setup([ana]);
    await fireEvent.click(screen.getByRole("button", { name: "Delete Ana Costa" }));
    const dialog = screen.getByTestId("confirm-dialog") as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain("Delete the media contact Ana Costa?");
    expect(deleteMediaContact).not.toHaveBeenCalled();
    deleteMediaContact.mockResolvedValue({ status: "ok", data: null });
    await fireEvent.click(screen.getByTestId("confirm"));
    await waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect(deleteMediaContact).toHaveBeenCalledWith("m1");
  });

  it("shows a refused delete above the list", async () => {
    setup([ana]);
    await fireEvent.click(screen.getByRole("button", { name: "Delete Ana Costa" }));
    deleteMediaContact.mockResolvedValue({
      status: "error",
      error: { kind: "not_found", field: null, message: "This media contact no longer exists.", problems: [] },
    });
    await fireEvent.click(screen.getByTestId("confirm"));
    expect((await screen.findByRole("alert")).textContent).toBe("This media contact no longer exists.");
  });

  it("shows a refused change made from a row, and fetches the list again to show what is stored", async () => {
    const followUp: FollowUp = {
      id: "f1",
      event_id: "e1",
      country_code: null,
      action: "Share the protocol",
      owner: "MIEUX team",
      due_date: null,
      status: "open",
    };
    const onchanged = vi.fn(async () => {});
    render(FollowUpsPanel, { eventId: "e1", followUps: [followUp], countries: [], delegationCountries: [], onchanged });
    vi.mocked(commands.updateFollowUp).mockResolvedValue({
      status: "error",
      error: { kind: "not_found", field: null, message: "This follow-up no longer exists.", problems: [] },
    });
    await fireEvent.change(screen.getByLabelText("Status of: Share the protocol"), { target: { value: "done" } });
    expect((await screen.findByRole("alert")).textContent).toBe("This follow-up no longer exists.");
    expect(vi.mocked(commands.updateFollowUp)).toHaveBeenCalledWith("f1", { ...followUp, status: "done" });
    expect(onchanged).toHaveBeenCalledOnce();
  });
});
