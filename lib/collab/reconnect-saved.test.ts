import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { Extension } from "@hocuspocus/server";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { resyncOnReconnect } from "@/components/editor/resync-on-reconnect";
import { mintCollabToken } from "@/lib/auth/collab-token";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, bodyText, eventually, TEST_SECRET, useCollabServer } from "@/lib/testing/collab";
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

describe("the editor's saved state after a reconnection", () => {
  it("is reached only once every change made while disconnected is in the log", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await buildNote(team.id, analyst.id, paragraphs("Before the outage."));
    collab().hocuspocus.configuration.extensions.unshift(slowLog);

    const doc = new Y.Doc();
    const websocketProvider = new HocuspocusProviderWebsocket({ url: collab().url, delay: 50, minDelay: 50, maxDelay: 200 });
    resyncOnReconnect(websocketProvider);
    const provider = new HocuspocusProvider({ websocketProvider, name: note.id, document: doc, token: await mintCollabToken(analyst.id, TEST_SECRET) });
    provider.attach();
    try {
      await eventually(() => expect(provider.isSynced && !provider.hasUnsyncedChanges).toBe(true));

      websocketProvider.disconnect();
      await eventually(() => expect(websocketProvider.status).toBe("disconnected"));
      // Typed while the network is away: each edit waits in the socket's queue.
      for (const text of ["One.", "Two.", "Three."]) appendParagraph(doc, text);

      // What the database holds at the moment the editor would first show "Saved" again.
      const atSaved = new Promise<string>((resolve) => {
        const onChange = ({ number }: { number: number }) => {
          if (number !== 0) return;
          provider.off("unsyncedChanges", onChange);
          resolve(storedText(note.id));
        };
        provider.on("unsyncedChanges", onChange);
      });
      void websocketProvider.connect();
      expect(await atSaved).toBe("Before the outage.\nOne.\nTwo.\nThree.");
    } finally {
      websocketProvider.destroy();
      provider.destroy();
    }
  });
});
