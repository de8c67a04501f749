import { describe, expect, it } from "vitest";
import { soakDeadlinePassed, soakSlice } from "./soak";

describe("soakSlice", () => {
  const runs = [1, 2, 3, 4, 5, 6, 7];

  it("gives every run to a process without a shard", () => {
    expect(soakSlice(runs, undefined)).toEqual(runs);
  });

  it("splits the runs among the shards, each run exactly once", () => {
    const slices = [soakSlice(runs, "1/3"), soakSlice(runs, "2/3"), soakSlice(runs, "3/3")];
    expect(slices).toEqual([[1, 4, 7], [2, 5], [3, 6]]);
    expect(slices.flat().sort()).toEqual(runs);
  });

  it("refuses a shard it cannot read", () => {
    expect(() => soakSlice(runs, "0/2")).toThrow(/between 1 and K/);
    expect(() => soakSlice(runs, "half")).toThrow(/i\/K/);
  });
});

describe("soakDeadlinePassed", () => {
  it("has no deadline without SOAK_DEADLINE, and passes it once the clock does", () => {
    expect(soakDeadlinePassed(undefined, 5)).toBe(false);
    expect(soakDeadlinePassed("10", 9)).toBe(false);
    expect(soakDeadlinePassed("10", 11)).toBe(true);
  });
});
