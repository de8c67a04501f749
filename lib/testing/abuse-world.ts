import { SignJWT } from "jose";
import { expect } from "vitest";
import * as Y from "yjs";
import { createSession } from "@/lib/auth/sessions";
import { loadNoteState } from "@/lib/collab/note-state";
import { bodyText, collabTokenFor, eventually, TEST_SECRET, useCollabServer } from "./collab";
import { useTestDatabase } from "./database";
import { buildMember, buildNote, buildTeam, paragraphs } from "./factories";
import { heldLoads } from "./held-loads";
import { useRawCollabSockets } from "./raw-collab-socket";

/**
 * What the websocket abuse tests share: a real collaboration server (whose
 * note loads a test can hold), bare sockets to it, a team with a note, and a
 * writer whose provider watches what reaches it. Call at the top level of a
 * test file.
 */
export function useAbuseWorld() {
  useTestDatabase();
  const loads = heldLoads();
  const collab = useCollabServer({ extensions: [loads.extension] });
  const openSocket = useRawCollabSockets(() => collab().url);

  /**
   * A writer with the note open in a real provider, synced, and a record of
   * what reaches it from the server from now on.
   */
  async function watchingWriter(noteId: string, userId: string) {
    const writer = await collab().connect(noteId, userId);
    await eventually(() => expect(writer.events.authenticated).toEqual(["read-write"]));
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    const received = { updates: [] as Uint8Array[], stateless: [] as string[] };
    writer.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === writer.provider) received.updates.push(update);
    });
    writer.provider.on("stateless", ({ payload }: { payload: string }) => received.stateless.push(payload));
    return { ...writer, received };
  }

  return { loads, collab, openSocket, watchingWriter };
}

export type WatchingWriter = Awaited<ReturnType<ReturnType<typeof useAbuseWorld>["watchingWriter"]>>;

export const SEEDED_TEXT = "Seeded on the server.";

/** Time for anything the server wrongly let through to reach the database and the peer. */
const SETTLE_MS = 300;
export const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

export async function teamWithNote() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs(SEEDED_TEXT));
  return { team, owner, analyst, note };
}

export const tokenFor = (userId: string) => collabTokenFor(userId);

/** A collaboration token as lib/collab/collab-token.ts mints one (from an open session), but expiring when it is told. */
export async function signToken(userId: string, expiresAt: Date) {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  return new SignJWT({ sid: await createSession({ userId }) })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setAudience("dossier:collab")
    .setIssuedAt(seconds - 600)
    .setExpirationTime(seconds)
    .sign(new TextEncoder().encode(TEST_SECRET));
}

export const docOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};

export const storedState = async (noteId: string) => (await loadNoteState(noteId))!;
export const storedText = async (noteId: string) => bodyText(docOf(await storedState(noteId)));

export const paragraphSaying = (text: string) => (body: Y.XmlFragment) => {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  body.insert(body.length, [paragraph]);
};

