import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiTokenScope, Role } from "@/db/schema";
import { createEntity } from "@/lib/entities/queries";
import { actorInput } from "@/lib/entities/validation";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { removeMember } from "@/lib/teams/queries";
import { callApi } from "@/lib/testing/api";
import { startCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, paragraphs } from "@/lib/testing/factories";
import { apiDispatcher } from "./dispatch";
import { ENDPOINTS } from "./registry";
import { createApiToken, revokeApiToken } from "./tokens";

useTestDatabase();
// Publishing and deleting an entity tell open editors: a collaboration server runs for the file.
let collab: Awaited<ReturnType<typeof startCollabServer>> | undefined;
beforeAll(async () => {
  collab = await startCollabServer();
});
afterAll(() => collab?.close());
const dispatch = apiDispatcher({ rateLimit: 1_000_000 });
const unique = (what: string) => `${what} ${randomBytes(4).toString("hex")}`;

/** A team's objects, named in requests. */
interface Ids {
  noteId: string;
  editionId: string;
  actorId: string;
}
type Call = { method: string; path: string; body?: unknown };

/** The roles a token's owner may hold, and the requests that hold no working member. */
const ROLES = ["owner", "analyst", "reviewer", "reader"] as const satisfies readonly Role[];
const DRAFT_READERS: readonly Role[] = ["owner", "analyst", "reviewer"];
const WRITERS: readonly Role[] = ["owner", "analyst"];
const MEMBERS: readonly Role[] = ROLES;

/**
 * The API's authorization, endpoint by endpoint (docs/ARCHITECTURE.md, "API"):
 * the scope a token needs, the roles whose owner may, the status of success,
 * and the request. Everything else follows: no token, a revoked one or one of
 * someone no longer a member (revoked when they left) is 401; a read token at
 * a write endpoint or a role not listed is 403.
 */
const TABLE: Record<string, { scope: ApiTokenScope; roles: readonly Role[]; status: number; call: (ids: Ids) => Call; fresh?: (teamId: string, userId: string) => Promise<Partial<Ids>> }> = {
  listNotes: { scope: "read", roles: DRAFT_READERS, status: 200, call: () => ({ method: "GET", path: "/notes" }) },
  getNote: { scope: "read", roles: DRAFT_READERS, status: 200, call: (ids) => ({ method: "GET", path: `/notes/${ids.noteId}` }) },
  createNote: { scope: "read-write", roles: WRITERS, status: 201, call: () => ({ method: "POST", path: "/notes", body: { markdown: `# ${unique("Harbour")}\n\nThe port reopened.` } }) },
  listEntities: { scope: "read", roles: MEMBERS, status: 200, call: () => ({ method: "GET", path: "/entities?kind=actor" }) },
  getEntity: { scope: "read", roles: MEMBERS, status: 200, call: (ids) => ({ method: "GET", path: `/entities/${ids.actorId}` }) },
  createEntity: { scope: "read-write", roles: WRITERS, status: 201, call: () => ({ method: "POST", path: "/entities", body: { kind: "actor", name: unique("Actor"), countryCode: "FR" } }) },
  updateEntity: { scope: "read-write", roles: WRITERS, status: 200, call: (ids) => ({ method: "PUT", path: `/entities/${ids.actorId}`, body: { kind: "actor", name: unique("Harbour Navy") } }) },
  deleteEntity: {
    scope: "read-write",
    roles: ["owner"],
    status: 204,
    call: (ids) => ({ method: "DELETE", path: `/entities/${ids.actorId}` }),
    // Each call deletes an actor of its own.
    fresh: async (teamId, userId) => ({ actorId: (await createEntity(teamId, userId, { kind: "actor", ...actorInput.parse({ name: unique("Doomed") }) })).id }),
  },
  listEditions: { scope: "read", roles: MEMBERS, status: 200, call: () => ({ method: "GET", path: "/editions" }) },
  getEdition: { scope: "read", roles: MEMBERS, status: 200, call: (ids) => ({ method: "GET", path: `/editions/${ids.editionId}` }) },
  getEditionStix: { scope: "read", roles: MEMBERS, status: 200, call: (ids) => ({ method: "GET", path: `/editions/${ids.editionId}/stix` }) },
  search: { scope: "read", roles: MEMBERS, status: 200, call: () => ({ method: "GET", path: "/search?q=port" }) },
};

/** A team with a note, a published brief and an actor, each with its team's word. */
async function teamWithObjects(word: string) {
  const { team, owner } = await buildTeam();
  const note = await createNote({ teamId: team.id, userId: owner.id, title: `${word} note`, content: paragraphs(`${word}: the port reopened.`) });
  const brief = await createNote({ teamId: team.id, userId: owner.id, title: `${word} brief`, kind: "brief", content: paragraphs(`${word}: the port stays open.`) });
  const edition = await publishNote((await findNote(brief.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
  const actor = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: `${word} Navy` }) });
  return { team, owner, ids: { noteId: note.id, editionId: edition.id, actorId: actor.id } satisfies Ids };
}

type Holder = (typeof ROLES)[number] | "not a member" | "no token" | "revoked token";
const HOLDERS: readonly Holder[] = [...ROLES, "not a member", "no token", "revoked token"];

function expectedStatus(row: (typeof TABLE)[string], holder: Holder, scope: ApiTokenScope): number {
  // Removing a member revokes their tokens for the team, so a former member's token is no token at all.
  if (holder === "no token" || holder === "revoked token" || holder === "not a member") return 401;
  if (row.scope === "read-write" && scope === "read") return 403;
  return row.roles.includes(holder) ? row.status : 403;
}

describe("the API's authorization matrix", () => {
  let home: Awaited<ReturnType<typeof teamWithObjects>>;
  let other: Awaited<ReturnType<typeof teamWithObjects>>;
  const tokens = new Map<string, { token: string | null; userId: string }>();

  beforeAll(async () => {
    home = await teamWithObjects("Harbour");
    other = await teamWithObjects("Zanzibar");
    const members: Record<(typeof ROLES)[number], string> = {
      owner: home.owner.id,
      analyst: (await buildMember(home.team.id, "analyst")).id,
      reviewer: (await buildMember(home.team.id, "reviewer")).id,
      reader: (await buildMember(home.team.id, "reader")).id,
    };
    const former = await buildMember(home.team.id, "analyst");
    for (const scope of ["read", "read-write"] as const) {
      for (const role of ROLES) tokens.set(`${role} ${scope}`, { token: (await createApiToken({ userId: members[role], teamId: home.team.id, name: role, scope })).token, userId: members[role] });
      tokens.set(`not a member ${scope}`, { token: (await createApiToken({ userId: former.id, teamId: home.team.id, name: "former", scope })).token, userId: former.id });
      const revoked = await createApiToken({ userId: home.owner.id, teamId: home.team.id, name: "revoked", scope });
      await revokeApiToken(home.owner.id, revoked.id);
      tokens.set(`revoked token ${scope}`, { token: revoked.token, userId: home.owner.id });
      tokens.set(`no token ${scope}`, { token: null, userId: home.owner.id });
    }
    await removeMember(home.team.id, former.id, home.owner.id);
  });

  it("has a row for every endpoint of the registry, and no row for an endpoint that is gone", () => {
    expect(Object.keys(TABLE).sort()).toEqual(ENDPOINTS.map((endpoint) => endpoint.id).sort());
  });

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.method} ${endpoint.path} (${endpoint.id}): every role and token scope gets the table's status`, async () => {
      const row = TABLE[endpoint.id];
      expect(row, `${endpoint.id} has no row in the table`).toBeDefined();
      const seen: string[] = [];
      const expected: string[] = [];
      for (const holder of HOLDERS) {
        for (const scope of ["read", "read-write"] as const) {
          const { token, userId } = tokens.get(`${holder} ${scope}`)!;
          const ids = { ...home.ids, ...(await row.fresh?.(home.team.id, userId)) };
          const call = row.call(ids);
          const response = await callApi(dispatch, { ...call, token });
          seen.push(`${holder} ${scope}: ${response.status}`);
          expected.push(`${holder} ${scope}: ${expectedStatus(row, holder, scope)}`);
          if (response.status >= 400) expect(response.headers.get("content-type")).toBe("application/problem+json");
          if (response.status === 401) expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        }
      }
      expect(seen).toEqual(expected);
    });
  }

  it("answers 404 for another team's ids, and shows nothing of them", async () => {
    const { token } = tokens.get("owner read-write")!;
    const withIds = ENDPOINTS.filter((endpoint) => endpoint.params);
    expect(withIds.length).toBeGreaterThan(0);
    for (const endpoint of withIds) {
      const row = TABLE[endpoint.id];
      const ids = { ...other.ids, ...(await row.fresh?.(other.team.id, other.owner.id)) };
      const response = await callApi(dispatch, { ...row.call(ids), token });
      expect(response.status, endpoint.id).toBe(404);
      expect(JSON.stringify(await response.json()), endpoint.id).not.toContain("Zanzibar");
    }
  });

  it("lists only the token's team: another team's notes, actors and briefs are in no list", async () => {
    const { token } = tokens.get("owner read")!;
    for (const path of ["/notes", "/entities?kind=actor", "/editions", "/search?q=port"]) {
      const response = await callApi(dispatch, { path, token });
      expect(response.status, path).toBe(200);
      const text = JSON.stringify(await response.json());
      expect(text, path).toContain("Harbour");
      expect(text, path).not.toContain("Zanzibar");
    }
  });
});
