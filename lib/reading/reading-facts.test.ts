import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { sessions } from "@/db/schema";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { follow } from "@/lib/follows/queries";
import { createNote, findNote } from "@/lib/notes/queries";
import { openingFor } from "@/lib/publishing/edition-access";
import { publishNote, unpublishNote } from "@/lib/publishing/publish";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, paragraphs } from "@/lib/testing/factories";
import { editionPageResponse } from "./edition-page";
import { readingFacts } from "./reading-facts";

useTestDatabase();
useCollabServer();

/** A team brief published once, a reader of the team and a member of another team, each signed in. */
async function publishedBrief(visibility: "team" | "public" = "team") {
  const { team, owner } = await buildTeam();
  const reader = await buildMember(team.id, "reader");
  const { owner: outsider } = await buildTeam();
  const note = await createNote({ teamId: team.id, userId: owner.id, title: "Council week", content: paragraphs("The Council meets on Monday.") });
  await publishNote((await findNote(note.id))!, owner, "owner", { visibility, summary: "", overrideApproval: true });
  const signedIn = async (userId: string) => ({ sid: await createSession({ userId }), sub: userId });
  return { team, owner, reader, outsider, note, readerSession: await signedIn(reader.id), outsiderSession: await signedIn(outsider.id) };
}

const page = (session: { sid: string; sub: string } | null, slug: string, noteId: string, headers: Record<string, string> = {}, number?: string) =>
  editionPageResponse(new Request("http://localhost/b", { headers }), session, slug, noteId, number);

describe("a reading page's one query, and the edition policy's answer from it", () => {
  it("a reader with a session on record reads the team's brief as a reader, and the page says whether they follow it", async () => {
    const { team, reader, note, readerSession } = await publishedBrief();
    const facts = (await readingFacts(readerSession, team.slug, note.id))!;
    expect(facts.user).toEqual({ id: reader.id, name: reader.name });
    expect(facts.role).toBe("reader");
    expect(facts.found.total).toBe(1);
    expect(openingFor(facts.found, facts.user, facts.role)).toMatchObject({ opened: true, linkMentions: true });
    expect(facts.following).toBe(false);
    await follow({ actor: { userId: reader.id, teamId: team.id, role: "reader" }, team }, { noteId: note.id });
    expect((await readingFacts(readerSession, team.slug, note.id))!.following).toBe(true);
  });

  it("a signed-out, expired or forged session reads as no one: a team brief then asks for sign-in", async () => {
    const { team, owner, note, readerSession } = await publishedBrief();
    const signedOut = async (session: unknown) => {
      const facts = (await readingFacts(session as never, team.slug, note.id))!;
      expect(facts.user).toBeNull();
      expect(openingFor(facts.found, facts.user, facts.role)).toEqual({ opened: false, why: "sign-in" });
    };
    // Another user's id with the reader's session, and ids that are not ids.
    await signedOut({ sid: readerSession.sid, sub: owner.id });
    await signedOut({ sid: "not-an-id", sub: "'; drop table users; --" });
    await signedOut(null);
    await db().update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, readerSession.sid));
    await signedOut(readerSession);
    await db().update(sessions).set({ expiresAt: sql`now() + interval '1 day'` }).where(eq(sessions.id, readerSession.sid));
    expect((await readingFacts(readerSession, team.slug, note.id))!.user).not.toBeNull();
    await revokeSession(readerSession.sid);
    await signedOut(readerSession);
    expect((await page(readerSession, team.slug, note.id))!.status).toBe(307);
  });

  it("a member of another team finds no such brief; nor does anyone under another team's address, a withdrawn edition or a number never published", async () => {
    const { team, owner, note, readerSession, outsiderSession } = await publishedBrief();
    const outsiders = (await readingFacts(outsiderSession, team.slug, note.id))!;
    expect(outsiders.role).toBeNull();
    expect(openingFor(outsiders.found, outsiders.user, outsiders.role)).toEqual({ opened: false, why: "not-found" });
    expect(await page(outsiderSession, team.slug, note.id)).toBeNull();

    const { team: other } = await buildTeam(owner);
    expect(await readingFacts(readerSession, other.slug, note.id)).toBeNull();
    expect(await readingFacts(readerSession, team.slug, note.id, 2)).toBeNull();
    expect((await readingFacts(readerSession, team.slug, note.id, 1))!.found.edition.number).toBe(1);
    await unpublishNote((await findNote(note.id))!, owner);
    expect(await readingFacts(readerSession, team.slug, note.id)).toBeNull();
  });
});

describe("the reading page", () => {
  it("is HTML with no script; the same request with its ETag gets 304, and a change to what it shows (a Follow) a new page", async () => {
    const { team, reader, note, readerSession } = await publishedBrief();
    const first = (await page(readerSession, team.slug, note.id))!;
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain("The Council meets on Monday.");
    expect(html).toContain(">Follow</button>");
    expect(html).not.toMatch(/<script/i);
    const etag = first.headers.get("etag")!;
    expect((await page(readerSession, team.slug, note.id, { "if-none-match": etag }))!.status).toBe(304);

    await follow({ actor: { userId: reader.id, teamId: team.id, role: "reader" }, team }, { noteId: note.id });
    const after = (await page(readerSession, team.slug, note.id, { "if-none-match": etag }))!;
    expect(after.status).toBe(200);
    expect(await after.text()).toContain(">Following</button>");
  });

  it("a public edition read signed out may be kept by shared caches; a member's copy is their own", async () => {
    const { team, note, readerSession } = await publishedBrief("public");
    const anyone = (await page(null, team.slug, note.id))!;
    expect(anyone.headers.get("cache-control")).toBe("public, no-cache");
    expect(await anyone.text()).not.toContain("<form");
    expect((await page(readerSession, team.slug, note.id))!.headers.get("cache-control")).toBe("private, no-cache");
  });
});
