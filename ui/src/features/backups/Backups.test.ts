// The backups screen lists what the backend lists (newest first), backs up
// on request, asks before a restore in words an organiser reads, names the
// backup that undoes it, and shows a refused restore's message with the list
// left as it was.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type BackupInfo, type BackupList } from "../../lib/bindings";
import { formatInstant } from "../../lib/format";
import Backups from "./Backups.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    listBackups: vi.fn(),
    backUpNow: vi.fn(),
    restoreBackup: vi.fn(),
  },
}));


const listBackups = vi.mocked(commands.listBackups);
const backUpNow = vi.mocked(commands.backUpNow);
const restoreBackup = vi.mocked(commands.restoreBackup);

const FOLDER = "/home/ana/.local/share/roundtable/backups/plan-0123456789abcdef";

function backup(at: Date, reason: BackupInfo["reason"], events: number, participants: number): BackupInfo {
  const taken_at = at.toISOString();
  return { file: `${FOLDER}/${taken_at}-${reason}.plan`, taken_at, reason, events, participants, kilobytes: 412 };
}

const editing = backup(new Date(2026, 11, 2, 9, 43), "while_editing", 3, 62);
const requested = backup(new Date(2026, 11, 1, 17, 5), "requested", 2, 40);
const list: BackupList = { backups: [editing, requested], folder: FOLDER, problem: null };

const rows = () => screen.getAllByTestId("backup-row");

beforeEach(() => {
  listBackups.mockResolvedValue({ status: "ok", data: list });
});

describe("the backups screen", () => {
  it("lists each backup as the backend orders them: when, why, what it holds, size; and the folder", async () => {
    render(Backups);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const first = rows()[0].textContent ?? "";
    for (const part of [formatInstant(editing.taken_at), "While editing", "3 events, 62 participants", "412 KB"]) {
      expect(first).toContain(part);
    }
    expect(rows()[1].textContent).toContain("Requested");
    expect(screen.getByTestId("backup-folder").textContent).toBe(FOLDER);
    expect(screen.queryByTestId("backup-problem")).toBeNull();
  });

  it("warns when the last automatic backup failed", async () => {
    listBackups.mockResolvedValue({ status: "ok", data: { ...list, problem: "No space left on device" } });
    render(Backups);
    const warning = await screen.findByTestId("backup-problem");
    expect(warning.textContent).toContain("The last automatic backup failed");
    expect(warning.textContent).toContain("No space left on device");
  });

  it("Back up now takes one, says what it holds and lists it", async () => {
    const taken = backup(new Date(2026, 11, 2, 10, 1), "requested", 3, 62);
    backUpNow.mockResolvedValue({ status: "ok", data: taken });
    render(Backups);
    await waitFor(() => expect(rows()).toHaveLength(2));
    listBackups.mockResolvedValue({ status: "ok", data: { ...list, backups: [taken, ...list.backups] } });
    await fireEvent.click(screen.getByTestId("back-up-now"));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(backUpNow).toHaveBeenCalledOnce();
    expect(screen.getByTestId("notice").textContent).toContain("Backed up the plan as it is now (3 events, 62 participants).");
    expect(rows()[0].textContent).toContain("just taken");
  });

  it("asks before a restore, restores that file, and names the backup that undoes it", async () => {
    const before = backup(new Date(2026, 11, 2, 10, 7), "before_restore", 3, 61);
    restoreBackup.mockResolvedValue({ status: "ok", data: before });
    render(Backups);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await fireEvent.click(within(rows()[1]).getByTestId("restore-backup"));

    const dialog = screen.getByTestId("confirm-dialog") as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    const question = dialog.textContent ?? "";
    expect(question).toContain(`Put the plan back as it was on ${formatInstant(requested.taken_at)}?`);
    expect(question).toContain("That backup (“Requested”) holds 2 events, 40 participants.");
    expect(question).toContain("The plan as it is now is backed up first, so you can undo this by restoring that backup.");
    expect(question).not.toContain("cannot be undone");

    listBackups.mockResolvedValue({ status: "ok", data: { ...list, backups: [before, ...list.backups] } });
    await fireEvent.click(within(dialog).getByTestId("confirm"));
    expect(restoreBackup).toHaveBeenCalledWith(requested.file);
    const notice = await screen.findByText(/The plan is back as it was/);
    expect(notice.textContent).toContain(`The plan is back as it was on ${formatInstant(requested.taken_at)} (2 events, 40 participants).`);
    expect(notice.textContent).toContain(
      `kept as the backup “Before a restore” of ${formatInstant(before.taken_at)}: restoring it undoes this.`,
    );
    expect(screen.getByTestId("notice-link").getAttribute("href")).toBe("#/");
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0].textContent).toContain("just taken");
  });

  it("shows a refused restore's message and keeps the list", async () => {
    restoreBackup.mockResolvedValue({
      status: "error",
      error: { kind: "storage", message: "The backup is damaged (database disk image is malformed)", field: null, problems: [] },
    });
    render(Backups);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await fireEvent.click(within(rows()[0]).getByTestId("restore-backup"));
    await fireEvent.click(within(screen.getByTestId("confirm-dialog")).getByTestId("confirm"));
    await waitFor(() =>
      expect(screen.getByTestId("error").textContent).toBe("The backup is damaged (database disk image is malformed)"),
    );
    expect(screen.getByTestId("notice").hidden).toBe(true);
    expect(rows()).toHaveLength(2);
  });

  it("offers no backup when the plan keeps none", async () => {
    listBackups.mockResolvedValue({ status: "ok", data: { backups: [], folder: "", problem: null } });
    render(Backups);
    expect((await screen.findByTestId("no-backups")).textContent).toContain("keeps no backups");
    expect((screen.getByTestId("back-up-now") as HTMLButtonElement).disabled).toBe(true);
  });
});
