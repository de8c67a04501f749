import { createHash } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { sourceSnapshots } from "@/db/schema";
import { useTestDatabase } from "@/lib/testing/database";
import { buildSource, buildTeam } from "@/lib/testing/factories";
import { MAX_SNAPSHOT_BYTES, SNAPSHOT_NAME_HEADER } from "./snapshot-limits";
import { attachmentDisposition } from "./snapshot-names";
import { receiveSnapshot, snapshotDownload } from "./snapshot-transfer";
import { detectSnapshotType } from "./snapshot-type";
import { attachSnapshot, sha256Of, snapshotFile, snapshotsOf } from "./snapshots";

useTestDatabase();

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));

/** Real beginnings of each accepted type, as their own programs write them. */
const SAMPLES = {
  "application/pdf": bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"),
  "image/png": Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
  "image/jpeg": bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", [0xff, 0xd9]),
  "image/gif": bytes("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"),
  "image/webp": bytes("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x000\x01\x00\x9d\x01\x2a\x01\x00\x01\x00\x02\x004\x25\xa4\x00\x03p\x00\xfe\xfb\x94\x00\x00"),
  "text/html": Buffer.from("\uFEFF\n<!-- saved page -->\n<!DOCTYPE html><html><head><title>Briefing</title></head><body><script>alert(1)</script></body></html>"),
  "text/plain": Buffer.from("Le ministre a déclaré : « aucun convoi ». 3 March 2026."),
} as const;

/** What is not accepted, whatever it is called. */
const REFUSED = {
  "a Windows executable": bytes("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8", Array(64).fill(0), "This program cannot be run in DOS mode."),
  "a Linux executable": bytes("\x7fELF\x02\x01\x01\x00", Array(56).fill(0)),
  "a zip archive": bytes("PK\x03\x04\x14\x00\x00\x00\x08\x00", Array(30).fill(0)),
  "text that is not UTF-8": bytes("caf\xe9 cr\xe8me"),
  "text with a NUL byte": bytes("looks like text\x00but is not"),
  "nothing at all": bytes(""),
};

const snapshotCount = async (sourceId: string) => (await db().select({ n: count() }).from(sourceSnapshots).where(eq(sourceSnapshots.sourceId, sourceId)))[0].n;

describe("a snapshot's type", () => {
  it.each(Object.entries(SAMPLES))("is found from the content: %s", async (type, sample) => {
    expect(await detectSnapshotType(sample)).toBe(type);
  });

  it.each(Object.entries(REFUSED))("refuses %s", async (_what, sample) => {
    expect(await detectSnapshotType(sample)).toBeNull();
  });

  it("is the content's, not the name's: an executable named x.pdf is refused and nothing kept; a PNG named x.pdf is kept as image/png", async () => {
    const { team, owner } = await buildTeam();
    const source = await buildSource(team.id, owner.id);
    await expect(attachSnapshot(team.id, owner.id, source.id, { fileName: "x.pdf", content: REFUSED["a Windows executable"] })).rejects.toThrow(
      "That file is not a PDF, an HTML page, an image (PNG, JPEG, GIF, WebP) or plain text, whatever its name says, so it was not attached.",
    );
    expect(await snapshotCount(source.id)).toBe(0);

    const png = await attachSnapshot(team.id, owner.id, source.id, { fileName: "x.pdf", content: SAMPLES["image/png"] });
    expect(png).toMatchObject({ fileName: "x.pdf", mediaType: "image/png", byteSize: SAMPLES["image/png"].length });
  });
});

describe("keeping a snapshot", () => {
  it("keeps the bytes with their SHA-256, size, who and when, for the source's team only", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const source = await buildSource(team.id, owner.id);
    const theirs = await buildSource(other.team.id, other.owner.id);
    const excerpt = Buffer.from("abc");
    // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
    expect(sha256Of(excerpt)).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    const before = Date.now();
    const kept = await attachSnapshot(team.id, owner.id, source.id, { fileName: null, content: excerpt });
    const [listed] = await snapshotsOf(team.id, source.id);
    expect(listed).toMatchObject({ id: kept.id, fileName: null, mediaType: "text/plain", byteSize: 3, sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", capturedBy: owner.name });
    expect(listed.capturedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(Buffer.from((await snapshotFile(team.id, source.id, kept.id)).content).toString()).toBe("abc");

    await expect(attachSnapshot(team.id, owner.id, theirs.id, { fileName: null, content: excerpt })).rejects.toThrow("That source was not found.");
    await expect(snapshotFile(other.team.id, theirs.id, kept.id)).rejects.toThrow("That snapshot was not found.");
    await expect(snapshotFile(other.team.id, source.id, kept.id)).rejects.toThrow("That snapshot was not found.");
    expect(await snapshotsOf(other.team.id, source.id)).toEqual([]);
    expect(await snapshotCount(theirs.id)).toBe(0);
  });
});

/** A body of `total` bytes made a megabyte at a time, only as it is read; `pulled` says how much was. */
function lazyBody(total: number, chunk = 1024 * 1024) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - state.pulled);
      state.pulled += size;
      // Starts as a PDF, so only its size can refuse it.
      controller.enqueue(state.pulled === size ? Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(size - 9, 0x20)]) : new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, state };
}

const upload = (body: BodyInit, headers: Record<string, string> = { [SNAPSHOT_NAME_HEADER]: "report.pdf" }) =>
  new Request("http://dossier.test/t/x/sources/y/snapshots", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("the upload", () => {
  it("refuses a 200 MB body of no stated length after reading just past the limit, and keeps nothing", async () => {
    const { team, owner } = await buildTeam();
    const source = await buildSource(team.id, owner.id);
    const { stream, state } = lazyBody(200 * 1024 * 1024);

    const response = await receiveSnapshot(upload(stream), { teamId: team.id, userId: owner.id, sourceId: source.id });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "That file is larger than 20 MB, the most a snapshot may be; nothing was attached." });
    expect(state.pulled).toBeLessThanOrEqual(MAX_SNAPSHOT_BYTES + 2 * 1024 * 1024);
    expect(await snapshotCount(source.id)).toBe(0);
  });

  it("refuses a body whose stated length is over the limit without reading any of it", async () => {
    const { team, owner } = await buildTeam();
    const source = await buildSource(team.id, owner.id);
    const { stream, state } = lazyBody(200 * 1024 * 1024);
    const request = upload(stream, { [SNAPSHOT_NAME_HEADER]: "report.pdf", "content-length": String(200 * 1024 * 1024) });

    const response = await receiveSnapshot(request, { teamId: team.id, userId: owner.id, sourceId: source.id });
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(1024 * 1024);
    expect(await snapshotCount(source.id)).toBe(0);
  });

  it("keeps a file of exactly the limit", async () => {
    const { team, owner } = await buildTeam();
    const source = await buildSource(team.id, owner.id);
    const { stream } = lazyBody(MAX_SNAPSHOT_BYTES);
    const response = await receiveSnapshot(upload(stream), { teamId: team.id, userId: owner.id, sourceId: source.id });
    expect(response.status).toBe(200);
    expect((await response.json()).snapshot).toMatchObject({ fileName: "report.pdf", mediaType: "application/pdf", byteSize: MAX_SNAPSHOT_BYTES });
  });

  it("takes the file's name from its header, refuses a renamed executable in a sentence, and wants the header", async () => {
    const { team, owner } = await buildTeam();
    const source = await buildSource(team.id, owner.id);
    const target = { teamId: team.id, userId: owner.id, sourceId: source.id };

    const kept = await receiveSnapshot(upload(SAMPLES["text/html"], { [SNAPSHOT_NAME_HEADER]: encodeURIComponent("Compte rendu — été.html") }), target);
    expect((await kept.json()).snapshot).toMatchObject({ fileName: "Compte rendu — été.html", mediaType: "text/html" });

    const refused = await receiveSnapshot(upload(REFUSED["a Windows executable"], { [SNAPSHOT_NAME_HEADER]: "x.pdf" }), target);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/^That file is not a PDF/);

    const headless = await receiveSnapshot(upload(SAMPLES["application/pdf"], {}), target);
    expect(headless.status).toBe(400);
    expect(await snapshotCount(source.id)).toBe(1);
  });
});

describe("the download", () => {
  it("is always an attachment, never sniffed, sandboxed, and HTML goes as bytes", async () => {
    const { team, owner } = await buildTeam();
    const source = await buildSource(team.id, owner.id);
    const html = await attachSnapshot(team.id, owner.id, source.id, { fileName: 'page "one"; été.html', content: SAMPLES["text/html"] });

    const response = snapshotDownload(await snapshotFile(team.id, source.id, html.id));
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="page _one__ _t_.html"; filename*=UTF-8''page%20%22one%22%3B%20%C3%A9t%C3%A9.html`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox",
    });
    const body = Buffer.from(await response.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(html.sha256);
  });

  it("names an excerpt by its day, and keeps a file name's own quotes and slashes out of the header", async () => {
    expect(attachmentDisposition("../../etc/passwd\r\nX: y")).toBe(`attachment; filename="__.._etc_passwd__X_ y"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd%0D%0AX%3A%20y`);
    const { team, owner } = await buildTeam();
    const source = await buildSource(team.id, owner.id);
    const excerpt = await attachSnapshot(team.id, owner.id, source.id, { fileName: null, content: Buffer.from("A pasted passage.") });
    const response = snapshotDownload(await snapshotFile(team.id, source.id, excerpt.id));
    const day = excerpt.capturedAt.toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="excerpt-${day}.txt"; filename*=UTF-8''excerpt-${day}.txt`);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("saves a file under the extension of what it is, and without the characters that would disguise its name", async () => {
    const { team, owner } = await buildTeam();
    const source = await buildSource(team.id, owner.id);
    const saved = async (fileName: string, content: Buffer) => {
      const snapshot = await attachSnapshot(team.id, owner.id, source.id, { fileName, content });
      const disposition = snapshotDownload(await snapshotFile(team.id, source.id, snapshot.id)).headers.get("content-disposition")!;
      return decodeURIComponent(disposition.split("filename*=UTF-8''")[1]);
    };
    expect(await saved("setup.bat", Buffer.from("@echo off"))).toBe("setup.bat.txt");
    expect(await saved("notes.txt", Buffer.from("Plain notes."))).toBe("notes.txt");
    expect(await saved("photo.JPEG", SAMPLES["image/jpeg"])).toBe("photo.JPEG");
    expect(await saved("report\u202Efdp.js", Buffer.from("alert(1)"))).toBe("reportfdp.js.txt");
  });
});
