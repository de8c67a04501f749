import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { mintCollabToken } from "@/lib/collab/collab-token";
import { CLOSE_SIGNED_OUT } from "@/lib/collab/context";
import { eventually, TEST_SECRET, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { endOtherSessions, endOwnSession, listSessions } from "./account-sessions";
import { createSession, isSessionActive } from "./sessions";

/** The account page's sessions: a user lists and ends their own, and nobody else's. */

useTestDatabase();
const collab = useCollabServer();

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function analystWithNote() {
  const { team } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id);
  return { analyst, note };
}

/** An editor open on the note in the browser of `sessionId`. */
async function editorIn(noteId: string, userId: string, sessionId: string) {
  const editor = await collab().connect(noteId, userId, { token: await mintCollabToken({ userId, sessionId }, TEST_SECRET) });
  await eventually(() => expect(editor.events.authenticated).toEqual(["read-write"]));
  return editor;
}

describe("the sessions on the account page", () => {
  it("lists the user's open sessions with device, address and times, this browser first and marked", async () => {
    const { analyst } = await analystWithNote();
    const here = await createSession({ userId: analyst.id, userAgent: FIREFOX_WINDOWS, address: "203.0.113.7" });
    const phone = await createSession({ userId: analyst.id, userAgent: SAFARI_IPHONE, address: "198.51.100.20" });
    const ended = await createSession({ userId: analyst.id });
    await endOwnSession(analyst.id, here, ended);
    const { analyst: someoneElse } = await analystWithNote();
    await createSession({ userId: someoneElse.id, userAgent: FIREFOX_WINDOWS });

    const listed = await listSessions(analyst.id, here);
    expect(listed.map(({ id, device, address, current }) => ({ id, device, address, current }))).toEqual([
      { id: here, device: "Firefox on Windows", address: "203.0.113.7", current: true },
      { id: phone, device: "Safari on iPhone", address: "198.51.100.20", current: false },
    ]);
    for (const session of listed) {
      expect(session.startedAt).toBeInstanceOf(Date);
      expect(session.lastSeenAt.getTime()).toBeGreaterThanOrEqual(session.startedAt.getTime());
    }
  });

  it("signing out of all other sessions ends them and closes their editors, and keeps this browser and its editor", async () => {
    const { analyst, note } = await analystWithNote();
    const [here, laptop, phone] = [await createSession({ userId: analyst.id }), await createSession({ userId: analyst.id }), await createSession({ userId: analyst.id })];
    const editorHere = await editorIn(note.id, analyst.id, here);
    const editorOnLaptop = await editorIn(note.id, analyst.id, laptop);

    expect(await endOtherSessions(analyst.id, here)).toBe(2);

    await eventually(() => expect(editorOnLaptop.events.closes).toContain(CLOSE_SIGNED_OUT.code));
    await eventually(() => expect(editorOnLaptop.events.denied).toContain("unauthenticated"));
    expect(await isSessionActive(laptop, analyst.id)).toBe(false);
    expect(await isSessionActive(phone, analyst.id)).toBe(false);
    expect(await isSessionActive(here, analyst.id)).toBe(true);
    expect(editorHere.events.closes).toEqual([]);
    expect((await listSessions(analyst.id, here)).map((s) => s.id)).toEqual([here]);

    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.userId, analyst.id), eq(auditLog.action, "user.sessions_ended")));
    expect(entry.data).toEqual({ sessions: 2, kept: here });
  });

  it("touches no one else's sessions", async () => {
    const { analyst } = await analystWithNote();
    const { analyst: other } = await analystWithNote();
    const here = await createSession({ userId: analyst.id });
    const theirs = await createSession({ userId: other.id });
    expect(await endOtherSessions(analyst.id, here)).toBe(0);
    expect(await isSessionActive(theirs, other.id)).toBe(true);
  });

  it("ends one other session of the user's by its id, and closes only its editor", async () => {
    const { analyst, note } = await analystWithNote();
    const [here, laptop, phone] = [await createSession({ userId: analyst.id }), await createSession({ userId: analyst.id }), await createSession({ userId: analyst.id })];
    const onLaptop = await editorIn(note.id, analyst.id, laptop);
    const onPhone = await editorIn(note.id, analyst.id, phone);

    await endOwnSession(analyst.id, here, laptop);

    await eventually(() => expect(onLaptop.events.closes).toContain(CLOSE_SIGNED_OUT.code));
    expect(await isSessionActive(laptop, analyst.id)).toBe(false);
    expect(await isSessionActive(phone, analyst.id)).toBe(true);
    expect(onPhone.events.closes).toEqual([]);
  });

  it("refuses a session id of another user's, ending nothing and closing nothing of theirs", async () => {
    const { analyst } = await analystWithNote();
    const { analyst: other, note: theirNote } = await analystWithNote();
    const here = await createSession({ userId: analyst.id });
    const theirs = await createSession({ userId: other.id });
    const theirEditor = await editorIn(theirNote.id, other.id, theirs);

    await expect(endOwnSession(analyst.id, here, theirs)).rejects.toThrow("That session was not found.");

    expect(await isSessionActive(theirs, other.id)).toBe(true);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.userId, analyst.id), eq(auditLog.action, "user.sessions_ended")))).toEqual([]);
    // Give a close that should not come the time one would take to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(theirEditor.events.closes).toEqual([]);
  });

  it("refuses to end this browser's own session here (signing out does that), and an ended session again", async () => {
    const { analyst } = await analystWithNote();
    const [here, laptop] = [await createSession({ userId: analyst.id }), await createSession({ userId: analyst.id })];
    await expect(endOwnSession(analyst.id, here, here)).rejects.toThrow("That is this browser's session: use Sign out to end it.");
    expect(await isSessionActive(here, analyst.id)).toBe(true);
    await endOwnSession(analyst.id, here, laptop);
    await expect(endOwnSession(analyst.id, here, laptop)).rejects.toThrow("That session was not found.");
  });
});
