import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { db } from "@/db";
import { revisions } from "@/db/schema";
import { deleteNote, findNote } from "@/lib/notes/queries";
import { changeRole } from "@/lib/teams/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { frames } from "@/lib/testing/collab-frames";
import { appendParagraph, bodyText, collabTokenFor, eventually, startCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { heldLoads } from "@/lib/testing/held-loads";
import { useRawCollabSockets } from "@/lib/testing/raw-collab-socket";
import { CLOSE_ACCESS_CHANGED } from "./context";
import { loadNoteState, pendingUpdateCount } from "./note-state";

/**
 * Two collaboration servers joined through the machine's real Redis, as two
 * Dossier processes behind a load balancer are. They share the database, as
 * processes on one PostgreSQL do.
 */
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

useTestDatabase();

type Server = Awaited<ReturnType<typeof startCollabServer>>;
let first: Server;
let second: Server;
const loadsOnSecond = heldLoads();

beforeEach(async () => {
  const redis = { url: REDIS_URL, prefix: `dossier-test-${randomUUID()}` };
  const revisionsAfterPause = { pauseMs: 150 };
  first = await startCollabServer({ redis, revisions: revisionsAfterPause });
  second = await startCollabServer({ redis, revisions: revisionsAfterPause, register: false, extensions: [loadsOnSecond.extension] });
});

afterEach(async () => {
  await Promise.all([first.close(), second.close()]);
});

const socketToSecond = useRawCollabSockets(() => second.url);

async function teamWithNote() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs("Seeded before either process opened it."));
  return { team, owner, analyst, note };
}

describe("several processes on one Redis", () => {
  it("lets writers on different processes see each other's text and presence", async () => {
    const { owner, analyst, note } = await teamWithNote();
    const onFirst = await first.connect(note.id, analyst.id);
    const onSecond = await second.connect(note.id, owner.id);
    await eventually(() => expect(onFirst.provider.isSynced && onSecond.provider.isSynced).toBe(true));

    appendParagraph(onFirst.doc, "Written on the first process.");
    appendParagraph(onSecond.doc, "Written on the second process.");
    onFirst.provider.setAwarenessField("cursor", null);

    await eventually(() => {
      expect(bodyText(onSecond.doc)).toBe(bodyText(onFirst.doc));
      expect(bodyText(onSecond.doc)).toContain("Written on the first process.");
      expect(bodyText(onFirst.doc)).toContain("Written on the second process.");
    });
    await eventually(() => {
      const names = [...onSecond.provider.awareness!.getStates().values()].map((state) => state.user?.name);
      expect(names).toContain(analyst.name); // as the first process vouched for it
    });
  });

  it("tells the editors on another process that comments changed, though this one has the note closed", async () => {
    const { analyst, note } = await teamWithNote();
    const onSecond = await second.connect(note.id, analyst.id);
    await eventually(() => expect(onSecond.provider.isSynced).toBe(true));
    expect(first.hocuspocus.documents.has(note.id)).toBe(false);

    first.operations.tellEditors(note.id, "comments");

    await eventually(() => expect(onSecond.events.stateless).toEqual(["comments"]));
  });

  it("closes a revoked member's connections on every process, and lets them back in only under the new role", async () => {
    const { team, owner, analyst, note } = await teamWithNote();
    const onSecond = await second.connect(note.id, analyst.id);
    await eventually(() => expect(onSecond.events.authenticated).toEqual(["read-write"]));

    // Through the first process (the registered one), which has none of the member's connections.
    await changeRole(team.id, analyst.id, "reviewer", owner.id);

    await eventually(() => expect(onSecond.events.closes).toContain(CLOSE_ACCESS_CHANGED.code));
    // Let in again to suggest only: a plain edit now closes the connection to the note, and nothing of it is stored.
    await eventually(() => expect(onSecond.events.authenticated).toEqual(["read-write", "read-write"]));
    await eventually(() => expect(onSecond.provider.isSynced).toBe(true));
    const closesBefore = onSecond.events.closes.length;
    appendParagraph(onSecond.doc, "Written after the demotion.");
    await eventually(() => expect(onSecond.events.closes.slice(closesBefore)).toEqual([1000]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await pendingUpdateCount(note.id)).toBe(0);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadNoteState(note.id))!);
    expect(bodyText(stored)).not.toContain("Written after the demotion.");
  });

  it("closes a revoked member's socket on another process while the note is still loading there", async () => {
    const { team, owner, analyst, note } = await teamWithNote();
    const load = loadsOnSecond.hold(note.id);
    const socket = await socketToSecond();
    expect(await socket.authenticate(note.id, await collabTokenFor(analyst.id))).toMatchObject({ scope: "read-write" });
    await load.reached();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await loadNoteState(note.id))!);
    appendParagraph(copy, "Written on the second process while the note loaded.");
    socket.send(frames.update(note.id, Y.encodeStateAsUpdate(copy)));

    await changeRole(team.id, analyst.id, "reader", owner.id);
    expect((await socket.waitForClose()).code).toBe(CLOSE_ACCESS_CHANGED.code);

    load.release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.messages("sync-status")).toEqual([]);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    expect((await findNote(note.id))?.text).not.toContain("Written on the second process while the note loaded.");
  });

  it("closes a deleted note's connections on every process", async () => {
    const { team, owner, analyst, note } = await teamWithNote();
    const onSecond = await second.connect(note.id, analyst.id);
    await eventually(() => expect(onSecond.provider.isSynced).toBe(true));

    await deleteNote(team.id, note.id, owner.id);

    await eventually(() => expect(onSecond.events.closes.length).toBeGreaterThan(0));
  });

  it("makes one revision and one stored body of edits both processes hold", async () => {
    const { owner, analyst, note } = await teamWithNote();
    const onFirst = await first.connect(note.id, analyst.id);
    const onSecond = await second.connect(note.id, owner.id);
    await eventually(() => expect(onFirst.provider.isSynced && onSecond.provider.isSynced).toBe(true));

    appendParagraph(onFirst.doc, "One edit, seen by both processes.");
    await eventually(() => expect(bodyText(onSecond.doc)).toContain("One edit, seen by both processes."));

    // Both processes store the note and both schedule a revision after the pause.
    await eventually(async () => {
      const automatic = await db()
        .select({ id: revisions.id })
        .from(revisions)
        .where(and(eq(revisions.noteId, note.id), eq(revisions.reason, "auto")));
      expect(automatic).toHaveLength(1);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const all = await db().select({ id: revisions.id }).from(revisions).where(eq(revisions.noteId, note.id));
    expect(all).toHaveLength(1);
    const stored = await findNote(note.id);
    expect(stored?.text.match(/One edit, seen by both processes\./g)).toHaveLength(1);
  });

  it("keeps a writer's caret on one process from being claimed by a connection on another", async () => {
    const { team, analyst, note } = await teamWithNote();
    const writer = await first.connect(note.id, analyst.id);
    const observer = await second.connect(note.id, (await buildMember(team.id, "analyst")).id);
    await eventually(() => expect(writer.provider.isSynced && observer.provider.isSynced).toBe(true));
    const victim = writer.doc.clientID;
    writer.provider.setAwarenessField("cursor", { anchor: "here", head: "here" });
    await eventually(() => expect(observer.provider.awareness!.getStates().get(victim)?.cursor).toEqual({ anchor: "here", head: "here" }));
    const writersCaret = structuredClone(observer.provider.awareness!.getStates().get(victim));

    const reviewer = await buildMember(team.id, "reviewer");
    const socket = await socketToSecond();
    expect(await socket.authenticate(note.id, await collabTokenFor(reviewer.id))).toMatchObject({ scope: "read-write" });
    const hijack = new Awareness(new Y.Doc());
    hijack.clientID = victim;
    hijack.meta.set(victim, { clock: 1_000, lastUpdated: Date.now() });
    hijack.setLocalState({ cursor: { anchor: "moved", head: "moved" } });
    socket.send(frames.awareness(note.id, encodeAwarenessUpdate(hijack, [victim])));
    // The reviewer's own state, sent after it: once the observer has that, the hijack was dealt with.
    const own = new Awareness(new Y.Doc());
    own.setLocalState({ cursor: null });
    socket.send(frames.awareness(note.id, encodeAwarenessUpdate(own, [own.clientID])));
    await eventually(() => expect(observer.provider.awareness!.getStates().get(own.clientID)?.user).toMatchObject({ id: reviewer.id }));

    expect(observer.provider.awareness!.getStates().get(victim)).toEqual(writersCaret);
    await eventually(() => expect(writer.provider.awareness!.getStates().has(own.clientID)).toBe(true));
    expect(writer.provider.awareness!.getLocalState()?.cursor).toEqual({ anchor: "here", head: "here" });
  });
});
