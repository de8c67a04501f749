import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

/** A write whose commits the test releases by hand, recording each batch it was given. */
function controlledWrite(fails: (rows: string[]) => boolean = () => false) {
  const batches: string[][] = [];
  const pending: (() => void)[] = [];
  const write = (rows: string[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(rows);
      pending.push(() => (fails(rows) ? reject(new Error(`refused ${rows.join(",")}`)) : resolve()));
    });
  const commitNext = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { write, batches, commitNext };
}

const settled = (promise: Promise<void>) => {
  const state = { done: false, error: undefined as unknown };
  promise.then(
    () => (state.done = true),
    (error) => (state.error = error),
  );
  return state;
};

describe("group commit of the update log", () => {
  it("writes a row at once when nothing is being written, and resolves only once it is committed", async () => {
    const { write, batches, commitNext } = controlledWrite();
    const append = groupCommit(write);
    const first = settled(append("a"));
    expect(batches).toEqual([["a"]]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(first.done).toBe(false);
    await commitNext();
    expect(first.done).toBe(true);
  });

  it("writes the rows that arrive during a write together in the next one", async () => {
    const { write, batches, commitNext } = controlledWrite();
    const append = groupCommit(write);
    const a = settled(append("a"));
    const b = settled(append("b"));
    const c = settled(append("c"));
    await commitNext();
    expect(a.done).toBe(true);
    expect(b.done || c.done).toBe(false);
    expect(batches).toEqual([["a"], ["b", "c"]]);
    await commitNext();
    expect(b.done && c.done).toBe(true);
  });

  it("refuses only the caller of a row that cannot be written, and writes the rest of its batch", async () => {
    const { write, batches, commitNext } = controlledWrite((rows) => rows.includes("bad"));
    const append = groupCommit(write);
    settled(append("a"));
    const good = settled(append("good"));
    const bad = settled(append("bad"));
    for (let i = 0; i < 4; i++) await commitNext();
    expect(batches).toEqual([["a"], ["good", "bad"], ["good"], ["bad"]]);
    expect(good.done).toBe(true);
    expect(bad.done).toBe(false);
    expect(String(bad.error)).toContain("refused bad");
  });

  it("keeps batches within the largest size", async () => {
    const { write, batches, commitNext } = controlledWrite();
    const append = groupCommit(write, 2);
    for (const row of ["a", "b", "c", "d", "e"]) settled(append(row));
    for (let i = 0; i < 3; i++) await commitNext();
    expect(batches).toEqual([["a"], ["b", "c"], ["d", "e"]]);
  });
});
