import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, entities } from "@/db/schema";
import { createEntity } from "@/lib/entities/queries";
import { actorInput } from "@/lib/entities/validation";
import { stixBundleForEdition } from "@/lib/interop/stix/load";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { leaveTeam } from "@/lib/teams/leave-team";
import { addMember, removeMember } from "@/lib/teams/queries";
import { callApi } from "@/lib/testing/api";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, paragraphs } from "@/lib/testing/factories";
import { apiDispatcher } from "./dispatch";
import type { Problem } from "./problem";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens";

useTestDatabase();
const dispatch = apiDispatcher({ rateLimit: 1_000_000 });

async function analystWithToken(scope: "read" | "read-write" = "read-write") {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const { id, token } = await createApiToken({ userId: analyst.id, teamId: team.id, name: "connector", scope });
  return { team, owner, analyst, tokenId: id, token };
}

describe("personal API tokens", () => {
  // Removing a member closes their open editors.
  useCollabServer();

  it("are recognisable, listed by their prefix with their last use, stored only as a hash, and recorded", async () => {
    const { team, analyst, tokenId, token } = await analystWithToken();
    expect(token).toMatch(/^dsr_[\w-]{40,}$/);
    expect((await callApi(dispatch, { path: "/notes", token })).status).toBe(200);
    const [listed] = await listApiTokens(analyst.id);
    expect(listed).toMatchObject({ id: tokenId, name: "connector", scope: "read-write", team: { id: team.id } });
    expect(token.startsWith(listed.prefix) && listed.prefix.length < 16).toBe(true);
    expect(listed.lastUsedAt).toBeInstanceOf(Date);
    const stored = JSON.stringify(await db().select().from(auditLog).where(eq(auditLog.target, tokenId)));
    expect(stored).toContain("api_token.created");
    expect(stored).not.toContain(token);
  });

  it("fail at once when revoked, and the revocation is recorded", async () => {
    const { analyst, tokenId, token } = await analystWithToken();
    expect((await callApi(dispatch, { path: "/notes", token })).status).toBe(200);
    await revokeApiToken(analyst.id, tokenId);
    const refused = await callApi(dispatch, { path: "/notes", token });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await listApiTokens(analyst.id)).toEqual([]);
    expect((await db().select().from(auditLog).where(eq(auditLog.target, tokenId))).map((entry) => entry.action).sort()).toEqual(["api_token.created", "api_token.revoked"]);
  });

  it("cannot be revoked by anyone but their owner", async () => {
    const { owner, tokenId, token } = await analystWithToken();
    await expect(revokeApiToken(owner.id, tokenId)).rejects.toMatchObject({ code: "not_found" });
    expect((await callApi(dispatch, { path: "/notes", token })).status).toBe(200);
  });

  it("are revoked when their owner is removed from the team, and stay so if they are let back in", async () => {
    const { team, owner, analyst, token } = await analystWithToken();
    expect((await callApi(dispatch, { path: "/notes", token })).status).toBe(200);
    await removeMember(team.id, analyst.id, owner.id);
    expect((await callApi(dispatch, { path: "/notes", token })).status).toBe(401);
    expect(await listApiTokens(analyst.id)).toEqual([]);
    await addMember(team.id, analyst.id, "analyst");
    expect((await callApi(dispatch, { path: "/notes", token })).status).toBe(401);
  });

  it("are revoked when their owner leaves the team", async () => {
    const { team, analyst, token } = await analystWithToken();
    await leaveTeam(team.id, analyst.id);
    expect((await callApi(dispatch, { path: "/notes", token })).status).toBe(401);
  });

  it("never open anything with the session cookie alone", async () => {
    const response = await callApi(dispatch, { path: "/notes", headers: { cookie: "authjs.session-token=anything" } });
    expect(response.status).toBe(401);
  });
});

describe("the API's answers", () => {
  it("walks a list of 250 entities page by page, with no repeats or gaps", async () => {
    const { team, owner, token } = await analystWithToken("read");
    const created = new Set<string>();
    for (let i = 0; i < 250; i++) {
      // Names that sort together and in case, so the order is by name then id, not by insertion.
      const entity = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: `Actor ${String(i % 50).padStart(2, "0")}${i % 2 ? "a" : "A"} ${i}` }) });
      created.add(entity.id);
    }
    const seen: string[] = [];
    let path: string | null = "/entities?kind=actor&limit=100";
    let pages = 0;
    while (path) {
      const response = await callApi(dispatch, { path, token });
      expect(response.status).toBe(200);
      const page = await response.json<{ items: { id: string }[]; nextCursor: string | null; next: string | null }>();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      pages += 1;
      const next = page.next ? new URL(page.next) : null;
      path = next ? next.pathname.replace("/api/v1", "") + next.search : null;
      if (next) expect(page.nextCursor).toBe(next.searchParams.get("cursor"));
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(250);
    expect(new Set(seen)).toEqual(created);
  });

  it("refuses bad input with a problem+json naming each field, and changes nothing", async () => {
    const { team, token } = await analystWithToken();
    const before = await db().select().from(entities).where(eq(entities.teamId, team.id));
    const response = await callApi(dispatch, { method: "POST", path: "/entities", token, body: { kind: "actor", name: "", latitude: 100, longitude: 2 } });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json<Problem>();
    expect(problem).toMatchObject({ type: expect.stringContaining("invalid-input"), title: "Invalid input", status: 422, detail: expect.any(String) });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { pointer: "/body/name", detail: "A name cannot be empty." },
        { pointer: "/body/latitude", detail: "The latitude must be between -90 and 90." },
      ]),
    );
    expect(await db().select().from(entities).where(eq(entities.teamId, team.id))).toEqual(before);

    const notJson = await callApi(dispatch, { method: "POST", path: "/entities", token, body: "{not json" });
    expect([notJson.status, (await notJson.json<Problem>()).title]).toEqual([400, "Bad request"]);
    const badQuery = await callApi(dispatch, { path: "/entities?kind=planet&limit=1000", token });
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json<Problem>()).errors?.map((error) => error.pointer).sort()).toEqual(["/query/kind", "/query/limit"]);
    const badCursor = await callApi(dispatch, { path: "/entities?kind=actor&cursor=bm90LW91cnM", token });
    expect(badCursor.status).toBe(400);
    // A cursor of the right shape whose time is no time: refused, not a failed cast in the database.
    const forged = Buffer.from(JSON.stringify(["x", "00000000-0000-4000-8000-000000000001"])).toString("base64url");
    const forgedNotes = await callApi(dispatch, { path: `/notes?cursor=${forged}`, token });
    expect(forgedNotes.status).toBe(400);
    expect(await db().select().from(entities).where(eq(entities.teamId, team.id))).toEqual(before);
  });

  it("gives an event back as it takes one, so a read and a write back keep its dates and their precision", async () => {
    const { token } = await analystWithToken();
    const created = await callApi(dispatch, {
      method: "POST",
      path: "/entities",
      token,
      body: { kind: "event", name: "Winter talks", startsOn: "2006-10", endsOn: "2006-12", latitude: 48.2, longitude: 16.37, countryCode: "AT" },
    });
    expect(created.status).toBe(201);
    const event = await created.json<Record<string, unknown>>();
    expect(event).toMatchObject({ startsOn: "2006-10", endsOn: "2006-12", datePrecision: "month" });
    const { id, createdAt: _c, updatedAt: _u, datePrecision: _p, ...fields } = event;
    const replaced = await callApi(dispatch, { method: "PUT", path: `/entities/${id}`, token, body: { ...fields, summary: "Held in Vienna." } });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ summary: "Held in Vienna.", startsOn: "2006-10", endsOn: "2006-12", datePrecision: "month", countryCode: "AT", latitude: 48.2 });
  });

  it("creates a note from Markdown, and reads a note's body as it is now, as text and ProseMirror JSON", async () => {
    const { team, owner, token } = await analystWithToken();
    const created = await callApi(dispatch, { method: "POST", path: "/notes", token, body: { markdown: "# Port reopened\n\nThe port reopened on **Monday**." } });
    expect(created.status).toBe(201);
    const note = await created.json<{ title: string; content: unknown }>();
    expect(note).toMatchObject({ title: "Port reopened", status: "draft", text: expect.stringContaining("The port reopened on Monday.") });
    expect(JSON.stringify(note.content)).toContain('"type":"bold"');
    const stored = await createNote({ teamId: team.id, userId: owner.id, title: "Stored", content: paragraphs("As stored.") });
    const read = await (await callApi(dispatch, { path: `/notes/${stored.id}`, token })).json();
    expect(read).toMatchObject({ id: stored.id, title: "Stored", text: "As stored.", content: { type: "doc" } });
  });

  it("says which methods a path answers, and that an unknown path is no endpoint", async () => {
    const { token } = await analystWithToken();
    const wrong = await callApi(dispatch, { method: "DELETE", path: "/notes", token });
    expect([wrong.status, wrong.headers.get("allow")]).toEqual([405, "GET, POST"]);
    expect((await callApi(dispatch, { path: "/nothing/here", token })).status).toBe(404);
  });
});

describe("an edition by the API", () => {
  useCollabServer();

  it("reads as Markdown, and as the STIX 2.1 bundle its download gives", async () => {
    const { team, owner } = await buildTeam();
    const { token } = await createApiToken({ userId: owner.id, teamId: team.id, name: "OpenCTI", scope: "read" });
    const brief = await createNote({ teamId: team.id, userId: owner.id, title: "Port brief", kind: "brief", content: paragraphs("The port reopened on Monday.") });
    const edition = await publishNote((await findNote(brief.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });

    const read = await (await callApi(dispatch, { path: `/editions/${edition.id}`, token })).json<{ number: number; markdown: string }>();
    expect(read.number).toBe(1);
    expect(read.markdown).toContain("# Port brief");
    expect(read.markdown).toContain("The port reopened on Monday.");

    const stix = await callApi(dispatch, { path: `/editions/${edition.id}/stix`, token });
    expect(stix.status).toBe(200);
    expect(stix.headers.get("content-type")).toBe("application/stix+json;version=2.1");
    const bundle = await stix.json<{ type: string; objects: { type: string; name?: string }[] }>();
    expect(bundle.objects.find((object) => object.type === "report")?.name).toBe("Port brief");
    expect(bundle).toEqual(JSON.parse(JSON.stringify(await stixBundleForEdition(edition, team, { entityDetails: true }))));
  });
});

describe("the API's rate limit", () => {
  it("answers 429 with Retry-After past the limit, per token, and per address without one", async () => {
    const limited = apiDispatcher({ rateLimit: 3 });
    const first = await analystWithToken("read");
    const second = await analystWithToken("read");
    for (let i = 0; i < 3; i++) expect((await callApi(limited, { path: "/notes", token: first.token })).status).toBe(200);
    const refused = await callApi(limited, { path: "/notes", token: first.token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ status: 429, title: "Too many requests" });
    expect((await callApi(limited, { path: "/notes", token: second.token })).status).toBe(200);

    for (let i = 0; i < 3; i++) expect((await callApi(limited, { path: "/notes", address: "192.0.2.7" })).status).toBe(401);
    expect((await callApi(limited, { path: "/notes", address: "192.0.2.7" })).status).toBe(429);
    expect((await callApi(limited, { path: "/notes", address: "192.0.2.8" })).status).toBe(401);
  });
});
