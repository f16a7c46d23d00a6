// Leaving a screen asks the registered leave guards first; the URL stays
// where the organiser is while they answer, and a "stay" keeps them there.
import { afterEach, describe, expect, it } from "vitest";
import { guardLeaving, href, parseHash, router } from "./router.svelte";

/** Moves the URL as a link or Back would, and lets the router answer. */
async function navigate(hash: string): Promise<void> {
  location.hash = hash;
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const removers: (() => void)[] = [];
afterEach(async () => {
  removers.splice(0).forEach((remove) => remove());
  await navigate("#/");
});

describe("router leave guards", () => {
  it("follows the URL when no guard objects", async () => {
    removers.push(guardLeaving(() => true));
    await navigate("#/organisations");
    expect(router.route).toEqual({ name: "organisations" });
  });

  it("stays, and puts the URL back, when a guard's question is answered 'stay'", async () => {
    let asked = 0;
    removers.push(
      guardLeaving(() => {
        asked += 1;
        return Promise.resolve(false);
      }),
    );
    await navigate("#/events/e1/agenda");
    expect(asked).toBe(1);
    expect(router.route).toEqual({ name: "home" });
    expect(location.hash).toBe("#/");
  });

  it("goes once the guard's question is answered 'leave', to the place asked for", async () => {
    let answer: (leave: boolean) => void = () => {};
    removers.push(guardLeaving(() => new Promise((resolve) => (answer = resolve))));
    await navigate("#/events/e1/participants?focus=p1");
    expect(location.hash).toBe("#/");
    answer(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(router.route).toEqual({ name: "event", eventId: "e1", tab: "participants", focus: "p1" });
    expect(location.hash).toBe("#/events/e1/participants?focus=p1");
  });
});

describe("router.go", () => {
  it("asks the guards before it moves, and stays when told to", async () => {
    removers.push(guardLeaving(() => Promise.resolve(false)));
    expect(await router.go({ name: "organisations" })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(router.route).toEqual({ name: "home" });
    expect(location.hash).toBe("#/");
  });

  it("goes without asking when the record edited is gone", async () => {
    let asked = 0;
    removers.push(
      guardLeaving(() => {
        asked += 1;
        return Promise.resolve(false);
      }),
    );
    expect(await router.go({ name: "organisations" }, { dropUnsaved: true })).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toBe(0);
    expect(router.route).toEqual({ name: "organisations" });
  });
});

describe("places", () => {
  it("reads and writes the backups screen's hash", () => {
    expect(parseHash("#/backups")).toEqual({ name: "backups" });
    expect(href({ name: "backups" })).toBe("#/backups");
  });

  it("reads and writes the history screen's hash, of the plan or of one record", () => {
    expect(parseHash("#/history")).toEqual({ name: "history" });
    expect(href({ name: "history" })).toBe("#/history");
    const record = { name: "history", record: "0192d3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d" } as const;
    expect(parseHash(href(record))).toEqual(record);
  });
});
