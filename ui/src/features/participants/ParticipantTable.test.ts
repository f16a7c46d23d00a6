import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import ParticipantTable from "./ParticipantTable.svelte";
import { view } from "./testRows";

function many(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const row = view(`p${i}`);
    return { ...row, person: { ...row.person, family_name: `Person ${i}`, full_name: `Ms Orawan Person ${i}` } };
  });
}

function props(rows: ReturnType<typeof many>, selected = new Set<string>()) {
  return {
    rows,
    selected,
    height: 536, // header 36 + 10 rows of 50
    onopen: vi.fn(),
    ontoggle: vi.fn(),
    ontoggleall: vi.fn(),
    onrole: vi.fn(),
    onstatus: vi.fn(),
  };
}

describe("ParticipantTable", () => {
  it("puts only the rows in view (and the overscan) in the page, out of 5,000", async () => {
    render(ParticipantTable, props(many(5_000)));
    const rendered = screen.getAllByTestId("participant-row");
    expect(rendered.length).toBe(10 + 10);
    expect(rendered[0].textContent).toContain("Person 0");
    expect(screen.getByTestId("participant-table").getAttribute("aria-rowcount")).toBe("5001");

    const viewport = screen.getByTestId("participant-table");
    viewport.scrollTop = 2_500 * 50;
    await fireEvent.scroll(viewport);
    const after = screen.getAllByTestId("participant-row");
    expect(after.length).toBeLessThanOrEqual(10 + 20 + 1);
    expect(after.some((r) => r.textContent?.includes("Person 2500"))).toBe(true);
    expect(after.some((r) => r.textContent?.includes("Person 0 "))).toBe(false);
    expect(after[0].getAttribute("aria-rowindex")).toBe(String(2_500 - 10 + 2));
  });

  it("has rows drawn wherever a fast scroll of a screenful lands before the next frame", async () => {
    render(ParticipantTable, props(many(5_000)));
    const viewport = screen.getByTestId("participant-table");
    viewport.scrollTop = 2_500 * 50;
    await fireEvent.scroll(viewport);
    const drawn = () => new Set(screen.getAllByTestId("participant-row").map((r) => Number(r.getAttribute("aria-rowindex")) - 2));
    // The box has moved a screenful (10 rows) down, or up, and no scroll handler has run yet.
    for (const first of [2_510, 2_490]) {
      const rows = drawn();
      for (let index = first; index < first + 10; index += 1) {
        expect(rows.has(index), `row ${index} is drawn`).toBe(true);
      }
    }
  });

  it("reports an inline status change with the row, and shows the row's value again when it is fetched again", async () => {
    const p = props(many(3));
    const { rerender } = render(ParticipantTable, p);
    const select = screen.getByRole("combobox", { name: "Status of Ms Orawan Person 1" }) as HTMLSelectElement;
    select.value = "confirmed";
    await fireEvent.change(select);
    expect(p.onstatus).toHaveBeenCalledWith(expect.objectContaining({ participant: expect.objectContaining({ id: "p1" }) }), "confirmed");
    // Refused: the version moves on, and the select is drawn again from the stored row.
    await rerender({ ...p, rows: many(3), version: 1 });
    const redrawn = screen.getByRole("combobox", { name: "Status of Ms Orawan Person 1" }) as HTMLSelectElement;
    expect(redrawn).not.toBe(select);
    expect(redrawn.value).toBe("invited");
  });

  it("selects all listed rows from the header checkbox and shows a partial selection", async () => {
    const p = props(many(3), new Set(["p0"]));
    render(ParticipantTable, p);
    const all = screen.getByTestId("select-all") as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    await fireEvent.click(all);
    expect(p.ontoggleall).toHaveBeenCalledWith(true);
  });
});
