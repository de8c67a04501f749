import { MessageType } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { frames } from "@/lib/testing/collab-frames";
import { useTestDatabase } from "@/lib/testing/database";
import { bodyText, collabTokenFor, eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { useRawCollabSockets, type RawCollabSocket } from "@/lib/testing/raw-collab-socket";
import { loadNoteState } from "./note-state";

/**
 * The websocket's authorisation matrix: every message type Hocuspocus 4.7
 * handles, sent over a bare socket by each role (owner, analyst, reviewer,
 * reader, the owner of another team, and no one) to a note of the team, with
 * what must come of it. A message type added to Hocuspocus fails the test
 * until it has a row.
 */

useTestDatabase();
const collab = useCollabServer();
const openSocket = useRawCollabSockets(() => collab().url);

const ROLES = ["owner", "analyst", "reviewer", "reader", "outsider", "anonymous"] as const;
type Role = (typeof ROLES)[number];

/**
 * What came of a frame: `applied` (stored and sent to the others), `refused`
 * (answered "not saved", nothing applied; a read-only connection's, which no
 * role has now that reviewers suggest), `answered` (the server replied with
 * the note's state or presence), `relayed` (others see it, under the sender's
 * own identity), `closed` (the server closed the note's connection), `denied`
 * (permission-denied), `ignored` (nothing happened and nothing was said).
 */
type Outcome = "applied" | "refused" | "answered" | "relayed" | "closed" | "denied" | "ignored";

/**
 * One outcome for the writers (owner, analyst), one for the reviewer, one for those let in to nothing. A reviewer is let
 * in to write, as they may suggest; the updates here add a plain paragraph, which the update guard refuses by closing
 * the note's connection (their own suggestions getting through is suggestion-guard.test.ts).
 */
const byAccess = (write: Outcome, read: Outcome, none: Outcome): Record<Role, Outcome> => ({
  owner: write,
  analyst: write,
  reviewer: read,
  reader: none,
  outsider: none,
  anonymous: none,
});

/** The matrix: each kind of frame, the message type it is sent as, and its outcome for each role. */
const MATRIX = {
  syncStep1: { type: MessageType.Sync, outcome: byAccess("answered", "answered", "ignored") },
  syncStep2: { type: MessageType.Sync, outcome: byAccess("applied", "closed", "ignored") },
  update: { type: MessageType.Sync, outcome: byAccess("applied", "closed", "ignored") },
  syncReply: { type: MessageType.SyncReply, outcome: byAccess("applied", "closed", "ignored") },
  awareness: { type: MessageType.Awareness, outcome: byAccess("relayed", "relayed", "ignored") },
  // A presence state padded far over the size limit (64 KB) reaches no one: a reviewer, who may suggest, shares a
  // presence as a writer does, and either's is dropped.
  awarenessOversized: { type: MessageType.Awareness, outcome: byAccess("ignored", "ignored", "ignored") },
  // Hocuspocus 4.7 answers a presence query only to a caller with a reply function: over a socket, nothing comes back.
  queryAwareness: { type: MessageType.QueryAwareness, outcome: byAccess("ignored", "ignored", "ignored") },
  // Dossier has no onStateless hook: a client's stateless message goes nowhere; the server sends its own notices.
  stateless: { type: MessageType.Stateless, outcome: byAccess("ignored", "ignored", "ignored") },
  // The server's own fan-out opcode, never a client's.
  broadcastStateless: { type: MessageType.BroadcastStateless, outcome: byAccess("closed", "closed", "ignored") },
  close: { type: MessageType.CLOSE, outcome: byAccess("closed", "closed", "ignored") },
  // A token for another team's note, on a socket let into (or refused) this team's note.
  authOtherTeamsNote: { type: MessageType.Auth, outcome: byAccess("denied", "denied", "denied") },
  // The server's own reply types, and the keep-alive pair Hocuspocus 4.7 defines but does not handle.
  syncStatus: { type: MessageType.SyncStatus, outcome: byAccess("ignored", "ignored", "ignored") },
  ping: { type: MessageType.Ping, outcome: byAccess("ignored", "ignored", "ignored") },
  pong: { type: MessageType.Pong, outcome: byAccess("ignored", "ignored", "ignored") },
} satisfies Record<string, { type: MessageType; outcome: Record<Role, Outcome> }>;
type Kind = keyof typeof MATRIX;

const SEEDED = "Seeded on the server.";
/** Time for anything the server wrongly let through to reach the database and the peer. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function world() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const reader = await buildMember(team.id, "reader");
  const peer = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs(SEEDED));
  const other = await buildTeam();
  const otherNote = await buildNote(other.team.id, other.owner.id, paragraphs("Another team's note."));
  const userIds: Record<Role, string | null> = { owner: owner.id, analyst: analyst.id, reviewer: reviewer.id, reader: reader.id, outsider: other.owner.id, anonymous: null };

  // A writer of the team with the note open: whatever the server lets through reaches it.
  const watcher = await collab().connect(note.id, peer.id);
  await eventually(() => expect(watcher.provider.isSynced).toBe(true));
  const seen = { updates: 0, stateless: 0 };
  watcher.doc.on("update", (_: Uint8Array, origin: unknown) => void (origin === watcher.provider && (seen.updates += 1)));
  watcher.provider.on("stateless", () => (seen.stateless += 1));
  return { note, otherNote, userIds, watcher, seen };
}
type World = Awaited<ReturnType<typeof world>>;

const docOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};

/** An update adding a paragraph, against the note as stored. */
async function paragraphUpdate(noteId: string, text: string) {
  const doc = docOf((await loadNoteState(noteId))!);
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment(BODY_FIELD);
  body.insert(body.length, [paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** An update adding a paragraph that cites a source, against the note as stored. */
async function citationUpdate(noteId: string, text: string) {
  const doc = docOf((await loadNoteState(noteId))!);
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement("paragraph");
  const cited = new Y.XmlElement("citation");
  const attrs = { id: "c1", sourceId: "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a", credibility: "2", locator: "p. 4", obtainedOn: null };
  for (const [key, value] of Object.entries(attrs)) cited.setAttribute(key, value as string);
  paragraph.insert(0, [new Y.XmlText(text), cited]);
  const body = doc.getXmlFragment(BODY_FIELD);
  body.insert(body.length, [paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** A SyncReply frame carrying an update: handled as a sync message that asks for no sync step 1 back. */
function syncReplyUpdate(documentName: string, update: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, MessageType.SyncReply);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The server's answer to an update sent after `since`: "saved" or not, or the note's connection closed by the update guard. */
function answerToUpdate(socket: RawCollabSocket, since: number) {
  return eventually(() => {
    const answer = socket.received.slice(since).find((message) => message.kind === "sync-status" || message.kind === "close");
    if (!answer || (answer.kind !== "sync-status" && answer.kind !== "close")) throw new Error("no answer to the update yet");
    return answer;
  });
}

/** The reply to a sync step 1 sent after `since`: messages are handled in order, so its arrival means the ones before were. */
async function probe(socket: RawCollabSocket, noteId: string) {
  const since = socket.mark();
  socket.send(frames.syncStep1(noteId, new Y.Doc()));
  await socket.waitFor("sync-step-2", since);
}

/** A presence state far over the size limit: a caret padded to 64 KB. */
function oversizedPresence() {
  const bulky = new Awareness(new Y.Doc());
  bulky.setLocalState({ cursor: null, padding: "x".repeat(64 * 1024) });
  return bulky;
}

/** Sends the kind of frame on a socket that was let in, and reads what came of it. */
async function sendAdmitted(kind: Kind, socket: RawCollabSocket, w: World, role: Role): Promise<Outcome> {
  const noteId = w.note.id;
  const since = socket.mark();
  const written = `Written by the ${role} with ${kind}.`;
  const updateFrame = { syncStep2: frames.syncStep2, update: frames.update, syncReply: syncReplyUpdate };
  switch (kind) {
    case "syncStep1":
      socket.send(frames.syncStep1(noteId, new Y.Doc()));
      await socket.waitFor("sync-step-2", since);
      return "answered";
    case "syncStep2":
    case "update":
    case "syncReply": {
      socket.send(updateFrame[kind](noteId, await paragraphUpdate(noteId, written)));
      const answer = await answerToUpdate(socket, since);
      const saved = answer.kind === "sync-status" && answer.saved;
      if (answer.kind === "close") expect(answer.reason, `${role} ${kind}`).toBe("invalid-update");
      const stored = bodyText(docOf((await loadNoteState(noteId))!)).includes(written);
      await settle();
      const peerHasIt = bodyText(w.watcher.doc).includes(written);
      // Saved, stored and passed on go together.
      expect({ stored, peerHasIt }, `${role} ${kind}`).toEqual({ stored: saved, peerHasIt: saved });
      return answer.kind === "close" ? "closed" : saved ? "applied" : "refused";
    }
    case "awareness": {
      const claimant = new Awareness(new Y.Doc());
      claimant.setLocalState({ user: { id: "someone-else", name: "Someone Else" }, cursor: null });
      socket.send(frames.awareness(noteId, encodeAwarenessUpdate(claimant, [claimant.clientID])));
      const shown = await eventually(() => {
        const state = w.watcher.provider.awareness!.getStates().get(claimant.clientID);
        if (!state) throw new Error("the peer has not seen the presence");
        return state.user as { id: string };
      });
      expect(shown.id, "presence is shown under the sender's own identity").toBe(w.userIds[role]);
      return "relayed";
    }
    case "awarenessOversized": {
      const bulky = oversizedPresence();
      socket.send(frames.awareness(noteId, encodeAwarenessUpdate(bulky, [bulky.clientID])));
      await probe(socket, noteId);
      await settle();
      const shown = w.watcher.provider.awareness!.getStates().get(bulky.clientID);
      if (!shown) return "ignored";
      expect(JSON.stringify(shown).length, `${role}'s presence as the others see it`).toBeLessThan(1_000);
      return "relayed";
    }
    case "queryAwareness":
      socket.send(frames.ofType(noteId, MessageType.QueryAwareness));
      break;
    case "broadcastStateless":
    case "close":
      socket.send(kind === "close" ? frames.close(noteId) : frames.broadcastStateless(noteId, "comments"));
      await socket.waitFor("close", since);
      return "closed";
    case "authOtherTeamsNote":
      return authenticateElsewhere(socket, w, role);
    case "stateless":
      socket.send(frames.stateless(noteId, "comments"));
      break;
    case "syncStatus":
    case "ping":
    case "pong":
      socket.send(frames.ofType(noteId, MATRIX[kind].type, new Uint8Array([1])));
      break;
  }
  // Nothing to wait for but the next answer: the connection is still there, and nothing else came back.
  await probe(socket, noteId);
  await settle();
  const extra = socket.received.slice(since).filter((message) => message.kind !== "sync-step-2" && message.kind !== "sync-step-1");
  return extra.length === 0 && socket.isOpen && w.seen.stateless === 0 ? "ignored" : "answered";
}

/** The role's token for a note of the other team (for the outsider, the home team's note). */
async function authenticateElsewhere(socket: RawCollabSocket, w: World, role: Role): Promise<Outcome> {
  const answer = await socket.authenticate(role === "outsider" ? w.note.id : w.otherNote.id, await tokenOf(w, role));
  return answer.kind === "permission-denied" ? "denied" : "answered";
}

const tokenOf = async (w: World, role: Role) => (w.userIds[role] ? collabTokenFor(w.userIds[role]!) : "");

/** Sends the kind of frame on a socket the note refused, and checks that nothing at all came of it. */
async function sendRefused(kind: Kind, socket: RawCollabSocket, w: World, role: Role): Promise<Outcome> {
  const noteId = w.note.id;
  if (kind === "authOtherTeamsNote") return authenticateElsewhere(socket, w, role);
  const since = socket.mark();
  const update = await paragraphUpdate(noteId, `Written by the ${role} with ${kind}.`);
  const claimant = new Awareness(new Y.Doc());
  claimant.setLocalState({ user: { id: "someone-else" }, cursor: null });
  const frame: Record<Exclude<Kind, "authOtherTeamsNote">, () => Uint8Array> = {
    syncStep1: () => frames.syncStep1(noteId, new Y.Doc()),
    syncStep2: () => frames.syncStep2(noteId, update),
    update: () => frames.update(noteId, update),
    syncReply: () => syncReplyUpdate(noteId, update),
    awareness: () => frames.awareness(noteId, encodeAwarenessUpdate(claimant, [claimant.clientID])),
    awarenessOversized: () => {
      const bulky = oversizedPresence();
      return frames.awareness(noteId, encodeAwarenessUpdate(bulky, [bulky.clientID]));
    },
    queryAwareness: () => frames.ofType(noteId, MessageType.QueryAwareness),
    stateless: () => frames.stateless(noteId, "comments"),
    broadcastStateless: () => frames.broadcastStateless(noteId, "comments"),
    close: () => frames.close(noteId),
    syncStatus: () => frames.ofType(noteId, MessageType.SyncStatus, new Uint8Array([1])),
    ping: () => frames.ofType(noteId, MessageType.Ping),
    pong: () => frames.ofType(noteId, MessageType.Pong),
  };
  socket.send(frame[kind]());
  await settle();
  const said = socket.received.slice(since);
  const peerSaw = w.watcher.provider.awareness!.getStates().has(claimant.clientID);
  return said.length === 0 && !peerSaw ? "ignored" : "answered";
}

describe("websocket messages × roles", () => {
  it("has a row for every message type Hocuspocus handles, and for every kind of sync message", () => {
    const types = Object.values(MessageType).filter((value): value is number => typeof value === "number" && value !== MessageType.Unknown);
    expect([...new Set(Object.values(MATRIX).map((row) => row.type))].sort((a, b) => a - b)).toEqual(types.sort((a, b) => a - b));
    const syncKinds = [syncProtocol.messageYjsSyncStep1, syncProtocol.messageYjsSyncStep2, syncProtocol.messageYjsUpdate];
    expect(syncKinds).toEqual([0, 1, 2]);
    expect(Object.keys(MATRIX)).toEqual(expect.arrayContaining(["syncStep1", "syncStep2", "update"]));
  });

  it("a citation is an edit like any other: a writer's is applied, a reviewer's refused", async () => {
    const w = await world();
    const outcomes: Partial<Record<Role, string>> = {};
    for (const role of ["analyst", "reviewer"] as const) {
      const socket = await openSocket();
      await socket.authenticate(w.note.id, await tokenOf(w, role));
      const since = socket.mark();
      socket.send(frames.update(w.note.id, await citationUpdate(w.note.id, `Cited by the ${role}.`)));
      const answer = await answerToUpdate(socket, since);
      outcomes[role] = answer.kind === "close" ? `closed: ${answer.reason}` : answer.saved ? "saved" : "not saved";
      socket.close();
    }
    expect(outcomes).toEqual({ analyst: "saved", reviewer: "closed: invalid-update" });
    const body = docOf((await loadNoteState(w.note.id))!).getXmlFragment(BODY_FIELD);
    expect(body.toString().match(/<citation /g)).toHaveLength(1);
    expect(bodyText(body.doc!)).toContain("Cited by the analyst.");
    expect(bodyText(body.doc!)).not.toContain("Cited by the reviewer.");
  });

  it.each(Object.keys(MATRIX) as Kind[])("%s", async (kind) => {
    const w = await world();
    const stateBefore = await loadNoteState(w.note.id);
    const outcomes = {} as Record<Role, Outcome>;
    for (const role of ROLES) {
      const socket = await openSocket();
      const answer = await socket.authenticate(w.note.id, await tokenOf(w, role));
      const expectedScope = { owner: "read-write", analyst: "read-write", reviewer: "read-write" }[role as string];
      if (expectedScope) expect(answer, role).toMatchObject({ kind: "authenticated", scope: expectedScope });
      else expect(answer, role).toEqual({ documentName: w.note.id, kind: "permission-denied", reason: role === "anonymous" ? "unauthenticated" : "not-found" });
      outcomes[role] = answer.kind === "authenticated" ? await sendAdmitted(kind, socket, w, role) : await sendRefused(kind, socket, w, role);
      socket.close();
    }
    expect(outcomes).toEqual(MATRIX[kind].outcome);
    // Only the writers' updates changed the note.
    const wrote = Object.values(outcomes).includes("applied");
    if (!wrote) expect(await loadNoteState(w.note.id)).toEqual(stateBefore);
    expect(w.seen.stateless).toBe(0);
    if (!wrote) expect(w.seen.updates).toBe(0);
  });
});
