import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/database";
import { durabilitySettings, durabilityWarnings } from "./durability";

const database = useTestDatabase();

describe("what Saved means on the database", () => {
  it("reads the settings from the database itself: PostgreSQL flushes its commits here, PGlite never does", async () => {
    const handle = database();
    const settings = await durabilitySettings(handle);
    expect(settings).toEqual(handle.kind === "postgres" ? { fsync: "on", synchronousCommit: "on" } : { fsync: "off", synchronousCommit: "on" });
    expect(durabilityWarnings(handle.kind, settings)).toEqual([]);
  });

  it("warns of a PostgreSQL that may lose what it acknowledged, naming the setting to change", () => {
    expect(durabilityWarnings("postgres", { fsync: "off", synchronousCommit: "on" })).toEqual([
      "PostgreSQL runs with fsync = off: edits shown as Saved can be lost if PostgreSQL or the machine crashes. Turn fsync on.",
    ]);
    expect(durabilityWarnings("postgres", { fsync: "on", synchronousCommit: "off" })).toEqual([
      "PostgreSQL runs with synchronous_commit = off: the last edits shown as Saved can be lost if PostgreSQL or the machine crashes. Set synchronous_commit = on.",
    ]);
    // Waiting for the local flush (local) or for replicas (remote_write, remote_apply) keeps what was acknowledged.
    for (const synchronousCommit of ["on", "local", "remote_write", "remote_apply"]) expect(durabilityWarnings("postgres", { fsync: "on", synchronousCommit })).toEqual([]);
  });
});
