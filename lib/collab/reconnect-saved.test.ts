import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { Extension } from "@hocuspocus/server";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { resyncOnReconnect } from "@/components/editor/resync-on-reconnect";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, bodyText, collabTokenFor, eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { loadNoteState } from "./note-state";
import { carriesChanges } from "./update-log";

useTestDatabase();
const collab = useCollabServer();

const storedText = async (noteId: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(noteId))!);
  return bodyText(doc);
};

/** A slow disk: every change waits before it reaches the update log (and so before its acknowledgement). */
const slowLog: Extension = {
  extensionName: "SlowLog",
  async beforeSync({ type, payload }) {
    if (carriesChanges(type, payload)) await new Promise((resolve) => setTimeout(resolve, 150));
  },
};

/**
 * An editor's connection, as the browser opens it; `whileFetchingToken` runs
 * while a reconnection fetches its token (the socket is open by then).
 */
async function openEditor(noteId: string, userId: string, whileFetchingToken: (doc: Y.Doc) => void = () => {}) {
  const doc = new Y.Doc();
  const token = await collabTokenFor(userId);
  let connections = 0;
  const websocketProvider = new HocuspocusProviderWebsocket({ url: collab().url, delay: 50, minDelay: 50, maxDelay: 200 });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: noteId,
    document: doc,
    token: async () => {
      if (connections++ > 0) whileFetchingToken(doc);
      return token;
    },
  });
  resyncOnReconnect(provider);
  provider.attach();
  await eventually(() => expect(provider.isSynced && !provider.hasUnsyncedChanges).toBe(true));
  return { doc, provider, websocketProvider };
}

/** What the database holds at the moment the editor would first show "Saved" again after reconnecting. */
async function storedAtSavedAfterReconnect(editor: Awaited<ReturnType<typeof openEditor>>, noteId: string) {
  const atSaved = new Promise<string>((resolve) => {
    const onChange = ({ number }: { number: number }) => {
      if (number !== 0) return;
      editor.provider.off("unsyncedChanges", onChange);
      resolve(storedText(noteId));
    };
    editor.provider.on("unsyncedChanges", onChange);
  });
  void editor.websocketProvider.connect();
  return atSaved;
}

async function slowNote() {
  const { team } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs("Before the outage."));
  collab().hocuspocus.configuration.extensions.unshift(slowLog);
  return { analyst, note };
}

describe("the editor's saved state after a reconnection", () => {
  it("is reached only once every change made while disconnected is in the log", async () => {
    const { analyst, note } = await slowNote();
    const editor = await openEditor(note.id, analyst.id);
    try {
      editor.websocketProvider.disconnect();
      await eventually(() => expect(editor.websocketProvider.status).toBe("disconnected"));
      // Typed while the network is away: each edit waits in the socket's queue.
      for (const text of ["One.", "Two.", "Three."]) appendParagraph(editor.doc, text);
      expect(await storedAtSavedAfterReconnect(editor, note.id)).toBe("Before the outage.\nOne.\nTwo.\nThree.");
    } finally {
      editor.websocketProvider.destroy();
      editor.provider.destroy();
    }
  });

  it("counts what is typed while the reconnection fetches its token", async () => {
    const { analyst, note } = await slowNote();
    const editor = await openEditor(note.id, analyst.id, (doc) => appendParagraph(doc, "Three."));
    try {
      editor.websocketProvider.disconnect();
      await eventually(() => expect(editor.websocketProvider.status).toBe("disconnected"));
      for (const text of ["One.", "Two."]) appendParagraph(editor.doc, text);
      expect(await storedAtSavedAfterReconnect(editor, note.id)).toBe("Before the outage.\nOne.\nTwo.\nThree.");
    } finally {
      editor.websocketProvider.destroy();
      editor.provider.destroy();
    }
  });
});
