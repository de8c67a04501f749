import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setupWSConnection } from "@y/websocket-server/utils";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { loadNoteState } from "@/lib/collab/note-state";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, bodyText, collabTokenFor, eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { BenchClient } from "./collab-client";

useTestDatabase();
const collab = useCollabServer();
const opened: BenchClient[] = [];
afterEach(() => opened.splice(0).forEach((client) => client.close()));

async function open(options: Parameters<typeof BenchClient.connect>[0]) {
  const client = await BenchClient.connect(options);
  opened.push(client);
  return client;
}

describe("the benchmarks' Yjs client", () => {
  it("on Dossier: syncs the stored note, reaches another client, and counts each change acknowledged once it is logged", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await buildNote(team.id, analyst.id, paragraphs("Seeded on the server."));
    const token = await collabTokenFor(analyst.id);
    let observed = 0;
    const acks: number[] = [];
    const writer = await open({ url: collab().url, framing: "hocuspocus", documentName: note.id, token, onAck: (sentAt) => acks.push(sentAt) });
    const observer = await open({ url: collab().url, framing: "hocuspocus", documentName: note.id, token, onRemoteUpdate: () => observed++ });
    expect(bodyText(writer.doc)).toBe("Seeded on the server.");
    await eventually(() => expect(writer.pending).toBe(0));

    const [observedBefore, acksBefore] = [observed, acks.length];
    appendParagraph(writer.doc, "A keystroke from the bench.");
    await eventually(() => expect(bodyText(observer.doc)).toBe("Seeded on the server.\nA keystroke from the bench."));
    expect(observed).toBeGreaterThan(observedBefore);
    await eventually(() => expect(writer.pending).toBe(0));
    expect(acks.length).toBe(acksBefore + 1);
    // Acknowledged means on disk: the stored state with its log holds the edit.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadNoteState(note.id))!);
    expect(bodyText(stored)).toContain("A keystroke from the bench.");
  });

  it("on Dossier: is refused without a valid token", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await buildNote(team.id, analyst.id);
    await expect(BenchClient.connect({ url: collab().url, framing: "hocuspocus", documentName: note.id, token: "forged" })).rejects.toThrow(/unauthenticated/);
  });

  it("on the y-websocket server: clients of one document see each other's edits, and a writer may leave them unapplied", async () => {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    wss.on("connection", setupWSConnection);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const a = await open({ url, framing: "y-websocket", documentName: "shared" });
      const b = await open({ url, framing: "y-websocket", documentName: "shared" });
      const elsewhere = await open({ url, framing: "y-websocket", documentName: "another" });
      appendParagraph(a.doc, "From a.");
      await eventually(() => expect(bodyText(b.doc)).toBe("From a."));
      appendParagraph(b.doc, "From b.");
      await eventually(() => expect(bodyText(a.doc)).toBe("From a.\nFrom b."));
      expect(bodyText(elsewhere.doc)).toBe("");

      // A writer that leaves others' updates unapplied still reaches the others.
      const writer = await open({ url, framing: "y-websocket", documentName: "shared", ignoreRemoteUpdates: true });
      expect(bodyText(writer.doc)).toBe("From a.\nFrom b.");
      appendParagraph(a.doc, "From a, unseen by the writer.");
      appendParagraph(writer.doc, "From the writer.");
      await eventually(() => expect(bodyText(b.doc)).toContain("From the writer."));
      expect(bodyText(writer.doc)).not.toContain("unseen");
    } finally {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
