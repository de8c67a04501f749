import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { notes } from "@/db/schema";
import { findNote } from "@/lib/notes/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, bodyText, collabTokenFor, eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { currentBody } from "./current-body";
import { pendingUpdateCount } from "./note-state";

useTestDatabase();
const collab = useCollabServer({ storeRetry: { firstMs: 50, maxMs: 400 } });

async function teamWithNote() {
  const { team } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs("Seeded on the server."));
  return { team, analyst, note };
}

const storedRow = async (noteId: string) => {
  const [row] = await db().select({ ydoc: notes.ydoc, text: notes.text }).from(notes).where(eq(notes.id, noteId));
  return row;
};

/**
 * Makes every store of one note fail inside the database, as a full disk or a
 * broken constraint would: a trigger refuses the update of its row. Each
 * refusal first takes a number from a sequence, which no rollback gives back,
 * so the test can count the attempts.
 */
async function refuseStores(noteId: string) {
  await db().execute(sql.raw(`create sequence if not exists refused_stores`));
  await db().execute(
    sql.raw(`create or replace function refuse_store() returns trigger language plpgsql as $$
      begin perform nextval('refused_stores'); raise exception 'storage refused'; end $$`),
  );
  // One trigger per note, so a test that fails before clearing it leaves the others alone.
  const trigger = `refuse_store_${noteId.replaceAll("-", "")}`;
  await db().execute(
    sql.raw(`create trigger ${trigger} before update on notes for each row when (old.id = '${noteId}') execute function refuse_store()`),
  );
  const attempts = async () => {
    type Rows = { n: number }[];
    // postgres-js returns the rows, PGlite an object holding them.
    const result = (await db().execute(sql.raw(`select case when is_called then last_value else 0 end::int as n from refused_stores`))) as Rows | { rows: Rows };
    return Number((Array.isArray(result) ? result : result.rows)[0].n);
  };
  const start = await attempts();
  return {
    refused: async () => (await attempts()) - start,
    clear: () => db().execute(sql.raw(`drop trigger ${trigger} on notes`)),
  };
}

describe("a store that fails", () => {
  it("is tried again until it succeeds, and the note stays in memory until then", async () => {
    const { analyst, note } = await teamWithNote();
    const failure = await refuseStores(note.id);
    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));

    appendParagraph(writer.doc, "Written while the disk refuses.");
    // Acknowledged: the log still takes appends.
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
    await eventually(async () => expect(await failure.refused()).toBeGreaterThan(0));

    // Everyone leaves; the failed store must be tried again, with the note kept loaded.
    writer.websocketProvider.destroy();
    writer.provider.destroy();
    const refusedBefore = await failure.refused();
    await eventually(async () => expect(await failure.refused()).toBeGreaterThan(refusedBefore + 1));
    expect(collab().hocuspocus.documents.has(note.id)).toBe(true);
    expect((await storedRow(note.id)).text).not.toContain("Written while the disk refuses.");

    await failure.clear();
    await eventually(async () => {
      expect((await findNote(note.id))?.text).toContain("Written while the disk refuses.");
      expect(await pendingUpdateCount(note.id)).toBe(0);
      expect(collab().hocuspocus.documents.has(note.id)).toBe(false);
    });
  });

  it("does not let a server-side read unload the note before it is stored", async () => {
    const { analyst, note } = await teamWithNote();
    const failure = await refuseStores(note.id);
    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    appendParagraph(writer.doc, "Kept through an approval.");
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
    writer.websocketProvider.destroy();
    writer.provider.destroy();

    // A server-side edit (an entity merge, a restore) goes through a direct
    // connection; closing it stores the note and then unloads it if it can.
    await collab().operations.replaceMentions([note.id], randomUUID(), null, analyst.id);
    expect((await currentBody(note.id)).text).toContain("Kept through an approval.");
    expect(collab().hocuspocus.documents.has(note.id)).toBe(true);

    await failure.clear();
    await eventually(async () => {
      expect((await findNote(note.id))?.text).toContain("Kept through an approval.");
      expect(collab().hocuspocus.documents.has(note.id)).toBe(false);
    });
  });
});

describe("a load that fails", () => {
  it("refuses the client and never lets an empty document replace the stored one", async () => {
    const { analyst, note } = await teamWithNote();
    const before = await storedRow(note.id);
    // The log table goes missing, as after a failed migration or a lost connection mid-load.
    await db().execute(sql.raw(`alter table note_updates rename to note_updates_away`));
    let restored = false;
    try {
      const client = await collab().connect(note.id, analyst.id);
      await eventually(() => expect(client.events.denied).toEqual(["load-failed"]));
      expect(collab().hocuspocus.documents.has(note.id)).toBe(false);
      // The editor stays open: what the user types meanwhile waits on their side.
      appendParagraph(client.doc, "Typed while the note would not load.");

      await db().execute(sql.raw(`alter table note_updates_away rename to note_updates`));
      restored = true;
      const after = await storedRow(note.id);
      expect(Buffer.from(after.ydoc!).equals(Buffer.from(before.ydoc!))).toBe(true);
      expect(after.text).toBe(before.text);

      // Reconnecting once the database answers: both the stored text and the waiting edit are kept.
      client.websocketProvider.disconnect();
      await eventually(() => expect(client.websocketProvider.status).toBe("disconnected"));
      void client.websocketProvider.connect();
      await eventually(() => expect(client.provider.isSynced && !client.provider.hasUnsyncedChanges).toBe(true));
      // (Both paragraphs were written at the start of the body, so Yjs may put either first.)
      expect(bodyText(client.doc).split("\n").sort()).toEqual(["Seeded on the server.", "Typed while the note would not load."]);
      await eventually(async () => {
        const stored = (await findNote(note.id))?.text;
        expect(stored).toContain("Seeded on the server.");
        expect(stored).toContain("Typed while the note would not load.");
      });
    } finally {
      if (!restored) await db().execute(sql.raw(`alter table note_updates_away rename to note_updates`));
    }
  });
});

/**
 * Makes every write of a note's body fail inside the database, as a lost
 * connection or a full disk would: an append to the update log, and a store
 * of the note's state (which would otherwise keep what the log refused).
 */
async function refuseBodyWrites() {
  await db().execute(sql.raw(`create or replace function refuse_write() returns trigger language plpgsql as $$ begin raise exception 'write refused'; end $$`));
  await db().execute(sql.raw(`create trigger refuse_append before insert on note_updates for each row execute function refuse_write()`));
  await db().execute(sql.raw(`create trigger refuse_store before update on notes for each row execute function refuse_write()`));
  return {
    clear: async () => {
      await db().execute(sql.raw(`drop trigger refuse_append on note_updates`));
      await db().execute(sql.raw(`drop trigger refuse_store on notes`));
    },
  };
}

describe("an append to the log that fails", () => {
  it("leaves the edit unacknowledged, to its writer and to anyone, and the editor sends it again by itself once the database answers", async () => {
    const { team, analyst, note } = await teamWithNote();
    const writer = await collab().connect(note.id, analyst.id);
    const peer = await collab().connect(note.id, (await buildMember(team.id, "analyst")).id);
    for (const client of [writer, peer]) await eventually(() => expect(client.provider.isSynced && !client.provider.hasUnsyncedChanges).toBe(true));
    const failure = await refuseBodyWrites();
    let cleared = false;
    try {
      appendParagraph(writer.doc, "Typed while the log refuses.");
      // Relayed while its append was tried: the other editor shows it, the writer is not told it is saved.
      await eventually(() => expect(bodyText(peer.doc)).toContain("Typed while the log refuses."));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(writer.provider.hasUnsyncedChanges).toBe(true);
      // Nor is the other editor's next change, which follows it, while the note holds it unlogged.
      appendParagraph(peer.doc, "Typed after it.");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(peer.provider.hasUnsyncedChanges).toBe(true);
      expect(await pendingUpdateCount(note.id)).toBe(0);
      expect((await findNote(note.id))?.text).not.toContain("Typed while the log refuses.");

      await failure.clear();
      cleared = true;
      // Nothing more is typed: the editors must not wait for another keystroke (or a reload) to be saved.
      for (const client of [writer, peer]) await eventually(() => expect(client.provider.isSynced && !client.provider.hasUnsyncedChanges).toBe(true), 10_000);
      await eventually(async () => {
        const stored = (await findNote(note.id))?.text;
        expect(stored).toContain("Typed while the log refuses.");
        expect(stored).toContain("Typed after it.");
      });
    } finally {
      if (!cleared) await failure.clear();
    }
  });
});

describe("an access check the database cannot answer", () => {
  it("does not refuse the editor: it connects again by itself once the database answers", async () => {
    const { analyst, note } = await teamWithNote();
    const token = await collabTokenFor(analyst.id);
    // The sessions table goes missing, as when the database restarts between the token and the check.
    await db().execute(sql.raw(`alter table sessions rename to sessions_away`));
    let restored = false;
    try {
      const client = await collab().connect(note.id, analyst.id, { token });
      appendParagraph(client.doc, "Typed while access could not be read.");
      await eventually(() => expect(client.events.closes.length).toBeGreaterThan(0));
      expect(client.events.denied).toEqual([]);

      await db().execute(sql.raw(`alter table sessions_away rename to sessions`));
      restored = true;
      await eventually(() => expect(client.provider.isSynced && !client.provider.hasUnsyncedChanges).toBe(true), 10_000);
      expect(client.events.denied).toEqual([]);
      await eventually(async () => expect((await findNote(note.id))?.text).toContain("Typed while access could not be read."));
    } finally {
      if (!restored) await db().execute(sql.raw(`alter table sessions_away rename to sessions`));
    }
  });
});
