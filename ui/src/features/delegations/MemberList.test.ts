import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { view } from "../participants/testRows";
import MemberList from "./MemberList.svelte";

function members(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const row = view(`m${i}`);
    return { ...row, person: { ...row.person, family_name: `Member ${i}`, full_name: `Ms Orawan Member ${i}` } };
  });
}

const names = () => screen.getAllByTestId("panel-member").map((li) => li.querySelector("a")?.textContent);

describe("a delegation's members", () => {
  it("draws a few dozen rows of a 500-member delegation, not all 500", () => {
    render(MemberList, { eventId: "ev", members: members(500), onchange: vi.fn() });
    const drawn = names();
    expect(drawn.length).toBeLessThanOrEqual(20);
    expect(drawn[0]).toBe("Ms Orawan Member 0");
    expect(screen.getByTestId("panel-members").style.height).toBe(`${500 * 48}px`);
  });

  it("draws the members scrolled to, and reports a role chosen in place", async () => {
    const onchange = vi.fn();
    render(MemberList, { eventId: "ev", members: members(500), onchange });
    const box = screen.getByTestId("panel-members-box");
    box.scrollTop = 300 * 48;
    await fireEvent.scroll(box);
    expect(names()).toContain("Ms Orawan Member 300");
    expect(names()).not.toContain("Ms Orawan Member 0");
    const role = screen.getByRole("combobox", { name: "Role of Ms Orawan Member 300" }) as HTMLSelectElement;
    role.value = "head";
    await fireEvent.change(role);
    expect(onchange).toHaveBeenCalledWith(expect.objectContaining({ participant: expect.objectContaining({ id: "m300" }) }), { role: "head" });
  });

  it("is as tall as its rows when the delegation is small", () => {
    render(MemberList, { eventId: "ev", members: members(3), onchange: vi.fn() });
    expect(names()).toHaveLength(3);
    expect(screen.getByTestId("panel-members-box").style.height).toBe(`${3 * 48}px`);
  });
});
