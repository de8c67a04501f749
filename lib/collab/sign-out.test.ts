import { describe, expect, it } from "vitest";
import { mintCollabToken } from "@/lib/collab/collab-token";
import { createSession, revokeSession, revokeUserSessions } from "@/lib/auth/sessions";
import { eventually, TEST_SECRET, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { CLOSE_SIGNED_OUT } from "./context";

/**
 * Signing out reaches the websocket: a token minted before is refused, and
 * the open editors of the ended sessions are closed.
 */

useTestDatabase();
const collab = useCollabServer();

async function analystWithNote() {
  const { team } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id);
  return { analyst, note };
}

const tokenOf = (userId: string, sessionId: string) => mintCollabToken({ userId, sessionId }, TEST_SECRET);

describe("signing out and the collaboration websocket", () => {
  it("refuses a token minted from a session that has since been signed out", async () => {
    const { analyst, note } = await analystWithNote();
    const sessionId = await createSession({ userId: analyst.id });
    const token = await tokenOf(analyst.id, sessionId);
    await revokeSession(sessionId);
    const editor = await collab().connect(note.id, analyst.id, { token });
    await eventually(() => expect(editor.events.denied).toEqual(["unauthenticated"]));
    expect(editor.events.authenticated).toEqual([]);
  });

  it("signing out closes that session's editors; signing out everywhere closes all of the user's", async () => {
    const { analyst, note } = await analystWithNote();
    const [laptop, phone] = [await createSession({ userId: analyst.id }), await createSession({ userId: analyst.id })];
    const onLaptop = await collab().connect(note.id, analyst.id, { token: await tokenOf(analyst.id, laptop) });
    const onPhone = await collab().connect(note.id, analyst.id, { token: await tokenOf(analyst.id, phone) });
    await eventually(() => expect([onLaptop.events.authenticated, onPhone.events.authenticated]).toEqual([["read-write"], ["read-write"]]));

    await revokeSession(laptop);
    await eventually(() => expect(onLaptop.events.closes).toContain(CLOSE_SIGNED_OUT.code));
    // The provider reconnects with the same token, which its ended session no longer backs.
    await eventually(() => expect(onLaptop.events.denied).toContain("unauthenticated"));
    expect(onPhone.events.closes).toEqual([]);

    await revokeUserSessions(analyst.id);
    await eventually(() => expect(onPhone.events.closes).toContain(CLOSE_SIGNED_OUT.code));
    await eventually(() => expect(onPhone.events.denied).toContain("unauthenticated"));
  });
});
