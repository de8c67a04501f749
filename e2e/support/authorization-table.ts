import { randomUUID } from "node:crypto";
import maplibre from "maplibre-gl/package.json" with { type: "json" };
import type { FormFields } from "./server-actions";
import { MARKERS, MATRIX_PASSWORD, MEMBER_ROLES, nameOf, type MatrixRole, type MatrixWorld, type TeamIds } from "./authorization-world";

/**
 * Who may do what: every page, route handler and server action of the app,
 * with the roles allowed and how its id slots are filled. The matrix test
 * (e2e/authorization-matrix.spec.ts) requests each one as every role, and
 * again with the other team's ids in each slot; a page, route or action
 * missing here fails it.
 */

type Roles = readonly MatrixRole[];
export const EVERYONE: Roles = ["owner", "analyst", "reviewer", "reader", "outsider", "anonymous"];
export const SIGNED_IN: Roles = ["owner", "analyst", "reviewer", "reader", "outsider"];
export const MEMBERS: Roles = ["owner", "analyst", "reviewer", "reader"];
/** docs/ARCHITECTURE.md: readers read published briefs only; reviewers read drafts and comment. */
export const DRAFT_READERS: Roles = ["owner", "analyst", "reviewer"];
export const WRITERS: Roles = ["owner", "analyst"];
export const OWNER: Roles = ["owner"];
export const REVIEWER: Roles = ["reviewer"];
export const NOBODY: Roles = [];

/** A page by its App Router file, the URL to ask for, and who sees it. */
export interface PageEntry {
  page: string;
  /** Which of the URLs a dynamic segment serves, when the file has an entry for several (app/t/[team]/[kind]: actors, events). */
  serving?: string;
  allowed: Roles;
  path: (ids: TeamIds) => string;
  /** Slots that hold no other team's object: a secret that is itself the permission (an invite link), or a free name. */
  freeSlots?: (keyof TeamIds)[];
  /** Why every role gets 404, signed out too (not sent to sign in): a page that exists only in a state the matrix's server is past. */
  goneForAll?: string;
}

/** A route handler by its file and method. Refused requests get `refused` (by role, or the same for all). */
export interface RouteEntry {
  route: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Which of the URLs the handler serves, when the file has several entries for one method (next-auth's catch-all). */
  serving?: string;
  allowed: Roles;
  path: (ids: TeamIds) => string;
  refused: number | Partial<Record<MatrixRole, number>>;
  /** A form body for a POST. */
  form?: Record<string, string>;
  /** A raw body for a POST or PUT, with the headers the app's own page (or a client) sends with it. */
  body?: { data: string; headers: Record<string, string> };
  /** Values that must be current before the request (feed tokens, which the matrix itself renews and revokes). */
  prepare?: (world: MatrixWorld, role: MatrixRole) => Promise<Partial<TeamIds>>;
  freeSlots?: (keyof TeamIds)[];
  /** Where an allowed request is sent, when that is the sign-in page (signing out). */
  succeeds?: { redirect: RegExp };
  /** It signs out this session: each request is made from a sign-in of its own. */
  endsSessions?: "this";
}

export type ActionArgs = unknown[] | { form: FormFields };

/** A server action by "file#export", the arguments a browser would send, and who may call it. */
export interface ActionEntry {
  action: string;
  allowed: Roles;
  args: (ids: TeamIds, role: MatrixRole) => ActionArgs;
  /**
   * Fresh objects for the call as `role` in its own team, so an allowed call
   * does not use up the team's shared objects (a note to delete, a comment of
   * one's own). Run for refused roles too, so they are refused for their role
   * and not for the state of the object.
   */
  prepare?: (world: MatrixWorld, role: MatrixRole) => Promise<Partial<TeamIds>>;
  /** What an allowed role is told when another team's id is in a slot (default: "… was not found."). */
  crossError?: RegExp;
  /** What a refused role is told, where the action words it differently from the wrapper in lib/action.ts. */
  refusals?: Partial<Record<MatrixRole, string>>;
  /** What a successful call returns, when not `{ ok: true }` (a redirect). */
  succeeds?: { redirect: RegExp };
  freeSlots?: (keyof TeamIds)[];
  /** It signs out: "this" session (called from a fresh sign-in), or "all" of the user's (the role's session is renewed after). */
  endsSessions?: "this" | "all";
  /** Why the build has no id for it: no page references it, so no browser can call it. */
  unreferenced?: string;
}

export type MatrixEntry = ({ kind: "page" } & PageEntry) | ({ kind: "route" } & RouteEntry) | ({ kind: "action" } & ActionEntry);

const page = (entry: PageEntry): MatrixEntry => ({ kind: "page", ...entry });
const route = (entry: RouteEntry): MatrixEntry => ({ kind: "route", ...entry });
const action = (entry: ActionEntry): MatrixEntry => ({ kind: "action", ...entry });
const form = (fields: FormFields) => ({ form: fields });
const unique = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;
/** An unsubscribe token of the right shape whose signature is not the server's: it turns nothing off, for anyone. */
const FORGED_UNSUBSCRIBE = `${randomUUID()}.all.${"A".repeat(43)}`;

const t = "app/t/[team]";
const stixImport = (team: string, name: string) => ({
  team,
  bundle: JSON.stringify({ type: "bundle", id: `bundle--${randomUUID()}`, objects: [{ type: "intrusion-set", spec_version: "2.1", id: `intrusion-set--${randomUUID()}`, created: "2026-01-01T00:00:00.000Z", modified: "2026-01-01T00:00:00.000Z", name }] }),
});
const csvImport = (team: string, name: string) => ({ team, csv: `Name,Summary\n${name},Imported by the matrix.\n`, mapping: ["name", "summary"], kind: "actor" });
const note = (ids: TeamIds) => ({ team: ids.team, noteId: ids.noteId });
const md = (name: string, text: string) => ({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });

export const PAGES: MatrixEntry[] = [
  page({ page: "app/page.tsx", allowed: SIGNED_IN, path: () => "/" }),
  page({ page: "app/signin/page.tsx", allowed: EVERYONE, path: () => "/signin" }),
  page({
    page: "app/setup/page.tsx",
    allowed: NOBODY,
    path: () => "/setup",
    goneForAll: "it exists only until the first account does, and this server has accounts (e2e/first-start.spec.ts sets up an empty one)",
  }),
  page({ page: "app/inbox/page.tsx", allowed: SIGNED_IN, path: () => "/inbox" }),
  page({ page: "app/teams/new/page.tsx", allowed: SIGNED_IN, path: () => "/teams/new" }),
  page({ page: "app/invite/[token]/page.tsx", allowed: EVERYONE, path: (ids) => `/invite/${ids.inviteToken}`, freeSlots: ["inviteToken"] }),
  // One's own account: there is no one else's to ask for.
  page({ page: "app/account/page.tsx", allowed: SIGNED_IN, path: () => "/account" }),
  page({ page: "app/forgot-password/page.tsx", allowed: EVERYONE, path: () => "/forgot-password" }),
  // The link is the permission, as an invite's is.
  page({ page: "app/reset-password/[token]/page.tsx", allowed: EVERYONE, path: (ids) => `/reset-password/${ids.resetToken}`, freeSlots: ["resetToken"] }),
  page({ page: "app/account/notifications/page.tsx", allowed: SIGNED_IN, path: () => "/account/notifications" }),
  // The API's reference describes it and holds no team's data.
  page({ page: "app/api/docs/page.tsx", allowed: EVERYONE, path: () => "/api/docs" }),
  // The signed token is the permission; without a valid one the page says so to anyone (e2e/mail.spec.ts opens a real one).
  page({ page: "app/unsubscribe/[token]/page.tsx", allowed: EVERYONE, path: () => `/unsubscribe/${FORGED_UNSUBSCRIBE}` }),
  page({ page: "app/b/[team]/[noteId]/compare/page.tsx", allowed: MEMBERS, path: (ids) => `/b/${ids.team}/${ids.briefId}/compare?from=${ids.edition}&to=${ids.edition}` }),
  // Readers are sent on to the published briefs.
  page({ page: `${t}/page.tsx`, allowed: MEMBERS, path: (ids) => `/t/${ids.team}` }),
  // One page file per view serves every entity kind (lib/entity-kinds.ts), each at its own URL.
  page({ page: `${t}/[kind]/page.tsx`, serving: "actors", allowed: MEMBERS, path: (ids) => `/t/${ids.team}/actors` }),
  page({ page: `${t}/[kind]/[id]/page.tsx`, serving: "actors", allowed: MEMBERS, path: (ids) => `/t/${ids.team}/actors/${ids.actorId}` }),
  page({ page: `${t}/[kind]/page.tsx`, serving: "events", allowed: MEMBERS, path: (ids) => `/t/${ids.team}/events` }),
  page({ page: `${t}/[kind]/[id]/page.tsx`, serving: "events", allowed: MEMBERS, path: (ids) => `/t/${ids.team}/events/${ids.eventId}` }),
  page({ page: `${t}/audit/page.tsx`, allowed: OWNER, path: (ids) => `/t/${ids.team}/audit` }),
  page({ page: `${t}/chart/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/chart?actor=${ids.actorId}&tag=${ids.tag}` }),
  page({ page: `${t}/timeline/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/timeline?actor=${ids.actorId}&tag=${ids.tag}` }),
  // Whoever may open an entity's page may see where it is.
  page({ page: `${t}/map/page.tsx`, allowed: MEMBERS, path: (ids) => `/t/${ids.team}/map?from=2006&to=2007&focus=${ids.eventId}` }),
  page({ page: `${t}/feeds/page.tsx`, allowed: MEMBERS, path: (ids) => `/t/${ids.team}/feeds` }),
  page({ page: `${t}/judgments/page.tsx`, allowed: MEMBERS, path: (ids) => `/t/${ids.team}/judgments?change=likelihood` }),
  page({ page: `${t}/import/page.tsx`, allowed: WRITERS, path: (ids) => `/t/${ids.team}/import` }),
  page({ page: `${t}/members/page.tsx`, allowed: OWNER, path: (ids) => `/t/${ids.team}/members` }),
  page({ page: `${t}/settings/page.tsx`, allowed: OWNER, path: (ids) => `/t/${ids.team}/settings` }),
  page({ page: `${t}/settings/webhooks/page.tsx`, allowed: OWNER, path: (ids) => `/t/${ids.team}/settings/webhooks` }),
  page({ page: `${t}/leave/page.tsx`, allowed: MEMBERS, path: (ids) => `/t/${ids.team}/leave` }),
  // A template saved from a note carries its text: working material, as drafts are.
  page({ page: `${t}/templates/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/templates` }),
  page({ page: `${t}/notes/[id]/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/notes/${ids.noteId}` }),
  page({ page: `${t}/notes/[id]/history/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/notes/${ids.noteId}/history` }),
  page({ page: `${t}/notes/[id]/history/[revisionId]/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/notes/${ids.noteId}/history/${ids.revisionId}` }),
  page({ page: `${t}/notes/[id]/history/compare/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/notes/${ids.noteId}/history/compare?from=${ids.revisionId}` }),
  page({ page: `${t}/search/page.tsx`, allowed: MEMBERS, path: (ids) => `/t/${ids.team}/search?q=vote&actor=${ids.actorId}&event=${ids.eventId}&tag=${ids.tag}&source=${ids.sourceId}` }),
  page({ page: `${t}/sources/affected/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/sources/affected` }),
  page({ page: `${t}/tags/[tag]/page.tsx`, allowed: MEMBERS, path: (ids) => `/t/${ids.team}/tags/${ids.tag}` }),
  // The source register is working material, as drafts are.
  page({ page: `${t}/sources/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/sources?q=wire&kind=media&reliability=B` }),
  page({ page: `${t}/sources/new/page.tsx`, allowed: WRITERS, path: (ids) => `/t/${ids.team}/sources/new` }),
  page({ page: `${t}/sources/[id]/page.tsx`, allowed: DRAFT_READERS, path: (ids) => `/t/${ids.team}/sources/${ids.sourceId}` }),
];

const feedToken = async (world: MatrixWorld, role: MatrixRole) => ({ feedToken: await world.freshFeedToken(role) });
const api = "app/api/v1/[...path]/route.ts";
const apiJson = (body: unknown) => ({ data: JSON.stringify(body), headers: { "Content-Type": "application/json" } });

export const ROUTES: MatrixEntry[] = [
  // The API reads a bearer token only (lib/api/): a session cookie, of any role, opens nothing (lib/api/authorization.test.ts is its own matrix, by token).
  route({ route: api, method: "GET", allowed: NOBODY, path: (ids) => `/api/v1/entities/${ids.actorId}`, refused: 401 }),
  route({ route: api, method: "POST", allowed: NOBODY, path: () => "/api/v1/entities", refused: 401, body: apiJson({ kind: "actor", name: "Cookie Actor" }) }),
  route({ route: api, method: "PUT", allowed: NOBODY, path: (ids) => `/api/v1/entities/${ids.actorId}`, refused: 401, body: apiJson({ kind: "actor", name: "Cookie Actor" }) }),
  route({ route: api, method: "DELETE", allowed: NOBODY, path: (ids) => `/api/v1/entities/${ids.actorId}`, refused: 401 }),
  // The API's description: public, it reveals no data.
  route({ route: "app/api/v1/openapi.json/route.ts", method: "GET", allowed: EVERYONE, path: () => "/api/v1/openapi.json", refused: 404 }),
  route({ route: "app/api/health/route.ts", method: "GET", allowed: EVERYONE, path: () => "/api/health", refused: 404 }),
  // The map's library code (its worker), the same for everyone, as /_next/static is.
  route({ route: "app/maplibre/[version]/[file]/route.ts", method: "GET", allowed: EVERYONE, path: () => `/maplibre/${maplibre.version}/maplibre-gl-worker.mjs`, refused: 404 }),
  // next-auth's own endpoints: the session is readable by anyone (empty when signed out); a wrong password signs no one in.
  route({ route: "app/api/auth/[...nextauth]/route.ts", method: "GET", allowed: EVERYONE, path: () => "/api/auth/session", refused: 404 }),
  route({ route: "app/api/auth/[...nextauth]/route.ts", method: "POST", allowed: NOBODY, path: () => "/api/auth/callback/credentials", refused: 302, form: { email: "owner@harbour.test", password: "not the password" } }),
  // Single sign-on's callback with a state this browser was never issued signs no one in (here no issuer is configured either;
  // e2e/single-sign-on.spec.ts asks a server that has one, with genuine, tampered and replayed answers).
  route({
    route: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    serving: "callback/oidc",
    allowed: NOBODY,
    path: () => "/api/auth/callback/oidc?code=made-up&state=never-issued",
    refused: 302,
  }),
  route({ route: "app/api/collab-token/route.ts", method: "POST", allowed: SIGNED_IN, path: () => "/api/collab-token", refused: 401 }),
  // Posted without a session by the unsubscribe page and by mail programs (one-click): only a token the server signed is let through.
  route({
    route: "app/unsubscribe/[token]/confirm/route.ts",
    method: "POST",
    allowed: NOBODY,
    path: () => `/unsubscribe/${FORGED_UNSUBSCRIBE}/confirm`,
    refused: 400,
    form: { "List-Unsubscribe": "One-Click" },
  }),
  // The reading view, answered by the server itself as plain HTML (lib/reading/server-lane.ts): signed out, a team brief sends to sign-in.
  route({ route: "server.ts /b/[team]/[noteId]", method: "GET", allowed: MEMBERS, path: (ids) => `/b/${ids.team}/${ids.briefId}`, refused: { outsider: 404, anonymous: 307 } }),
  // The reader home, answered the same way.
  route({
    route: "server.ts /t/[team]/briefs",
    method: "GET",
    allowed: MEMBERS,
    path: (ids) => `/t/${ids.team}/briefs?actor=${ids.actorId}&event=${ids.eventId}&tag=${ids.tag}`,
    refused: { outsider: 404, anonymous: 307 },
  }),
  route({
    route: "server.ts /b/[team]/[noteId]/[edition]",
    method: "GET",
    allowed: MEMBERS,
    path: (ids) => `/b/${ids.team}/${ids.briefId}/${ids.edition}`,
    refused: { outsider: 404, anonymous: 307 },
  }),
  // An edition's print copy: the reading view with the script that opens the print dialog.
  route({
    route: "server.ts /b/[team]/[noteId]/[edition]/print",
    method: "GET",
    allowed: MEMBERS,
    path: (ids) => `/b/${ids.team}/${ids.briefId}/${ids.edition}/print`,
    refused: { outsider: 404, anonymous: 307 },
  }),
  route({
    route: "app/b/[team]/[noteId]/follow/route.ts",
    method: "POST",
    allowed: MEMBERS,
    path: (ids) => `/b/${ids.team}/${ids.briefId}/follow`,
    refused: { outsider: 404, anonymous: 401 },
    form: { follow: "true" },
  }),
  // The plain pages' Sign out form: anyone may sign out (signed out, it changes nothing), each from a sign-in of its own.
  route({
    route: "app/signout/route.ts",
    method: "POST",
    allowed: EVERYONE,
    path: () => "/signout",
    refused: 403,
    succeeds: { redirect: /^\/signin$/ },
    endsSessions: "this",
  }),
  // The reading view's stylesheet, the same for everyone.
  route({ route: "app/reading.css/route.ts", method: "GET", allowed: EVERYONE, path: () => "/reading.css", refused: 404 }),
  route({
    route: "app/b/[team]/[noteId]/[edition]/export/route.ts",
    method: "GET",
    allowed: MEMBERS,
    path: (ids) => `/b/${ids.team}/${ids.briefId}/${ids.edition}/export?format=md`,
    refused: { outsider: 404, anonymous: 401 },
  }),
  route({
    route: "app/b/[team]/[noteId]/[edition]/stix/route.ts",
    method: "GET",
    allowed: MEMBERS,
    path: (ids) => `/b/${ids.team}/${ids.briefId}/${ids.edition}/stix`,
    refused: { outsider: 404, anonymous: 401 },
  }),
  route({
    route: `${t}/notes/[id]/export/route.ts`,
    method: "GET",
    allowed: DRAFT_READERS,
    path: (ids) => `/t/${ids.team}/notes/${ids.noteId}/export?format=md`,
    refused: { reader: 404, outsider: 404, anonymous: 401 },
  }),
  // The title as the note's page goes (a keepalive request): the same rules as renaming.
  route({
    route: `${t}/notes/[id]/title/route.ts`,
    method: "POST",
    allowed: WRITERS,
    path: (ids) => `/t/${ids.team}/notes/${ids.noteId}/title`,
    refused: { reviewer: 404, reader: 404, outsider: 404, anonymous: 401 },
    body: { data: JSON.stringify({ title: "Harbour note" }), headers: { "Content-Type": "application/json" } },
  }),
  // A source's snapshots: kept by writers, downloaded by those who read the register.
  route({
    route: `${t}/sources/[id]/snapshots/route.ts`,
    method: "POST",
    allowed: WRITERS,
    path: (ids) => `/t/${ids.team}/sources/${ids.sourceId}/snapshots`,
    refused: { reviewer: 404, reader: 404, outsider: 404, anonymous: 401 },
    body: { data: "An excerpt: the convoy turned back at dawn.", headers: { "x-snapshot-name": "" } },
  }),
  route({
    route: `${t}/sources/[id]/snapshots/[snapshotId]/route.ts`,
    method: "GET",
    allowed: DRAFT_READERS,
    path: (ids) => `/t/${ids.team}/sources/${ids.sourceId}/snapshots/${ids.snapshotId}`,
    refused: { reader: 404, outsider: 404, anonymous: 401 },
  }),
  // The editor's source lookup: the register is working material, as drafts are.
  route({
    route: `${t}/sources/lookup/route.ts`,
    method: "GET",
    serving: "search",
    allowed: DRAFT_READERS,
    path: (ids) => `/t/${ids.team}/sources/lookup?q=wire`,
    refused: { reader: 404, outsider: 404, anonymous: 401 },
  }),
  route({
    route: `${t}/sources/lookup/route.ts`,
    method: "GET",
    serving: "by id",
    allowed: DRAFT_READERS,
    // Another team's source is absent from the answer all the same.
    path: (ids) => `/t/${ids.team}/sources/lookup?ids=${ids.sourceId},${ids.noteId}`,
    refused: { reader: 404, outsider: 404, anonymous: 401 },
  }),
  // The actors and events as CSV: whoever may open their lists may download them.
  route({
    route: `${t}/[kind]/export/route.ts`,
    method: "GET",
    serving: "actors",
    allowed: MEMBERS,
    path: (ids) => `/t/${ids.team}/actors/export`,
    refused: { outsider: 404, anonymous: 401 },
  }),
  route({
    route: `${t}/[kind]/export/route.ts`,
    method: "GET",
    serving: "events",
    allowed: MEMBERS,
    path: (ids) => `/t/${ids.team}/events/export`,
    refused: { outsider: 404, anonymous: 401 },
  }),
  // Feeds are read by feed readers, with no cookie: a member's personal token opens the team's briefs.
  route({ route: "app/feeds/[team]/public/route.ts", method: "GET", allowed: EVERYONE, path: (ids) => `/feeds/${ids.team}/public`, refused: 404 }),
  route({
    route: "app/feeds/[team]/team/route.ts",
    method: "GET",
    allowed: MEMBERS,
    path: (ids) => `/feeds/${ids.team}/team?token=${ids.feedToken}`,
    refused: 401,
    prepare: feedToken,
  }),
  // An entity's feed names the entity: a member's token opens it; anyone else gets 404, as for no entity.
  route({
    route: "app/feeds/[team]/entities/[id]/route.ts",
    method: "GET",
    allowed: MEMBERS,
    path: (ids) => `/feeds/${ids.team}/entities/${ids.actorId}?token=${ids.feedToken}`,
    refused: 404,
    prepare: feedToken,
  }),
];

const history = "app/t/[team]/notes/[id]/history/actions.ts";
const comments = "app/t/[team]/notes/[id]/comment-actions.ts";
const review = "app/t/[team]/notes/[id]/review-actions.ts";
const publish = "app/t/[team]/notes/[id]/publish-actions.ts";
const estimative = "app/t/[team]/notes/[id]/estimative-actions.ts";
/** A sentence the estimative check flags under the matrix teams' scale (ICD 203): "probably" is not its word. */
const OFF_SCALE = "Moscow will probably abstain on the vote.";
const offScale = (ids: TeamIds) => ({ ...note(ids), kind: "off-scale", term: "probably", sentence: OFF_SCALE });
const entities = "app/t/[team]/entities-actions.ts";
const members = "app/t/[team]/members/actions.ts";
const settings = "app/t/[team]/settings/actions.ts";
const hooks = "app/t/[team]/settings/webhooks/actions.ts";
const templates = "app/t/[team]/templates/actions.ts";
const collections = "app/t/[team]/collection-actions.ts";
const unlinked = "app/t/[team]/notes/[id]/unlinked-actions.ts";
const isMemberRole = (role: MatrixRole): role is (typeof MEMBER_ROLES)[number] => (MEMBER_ROLES as readonly string[]).includes(role);
const follows = "app/t/[team]/follow-actions.ts";
const sources = "app/t/[team]/sources/actions.ts";
const retraction = "app/t/[team]/sources/retraction-actions.ts";
const account = "app/account/actions.ts";
const actor = (name: string) => ({ kind: "actor", name, aliases: [], summary: "", actorType: null, tags: [] });

export const ACTIONS: MatrixEntry[] = [
  // Not tied to a team.
  // Setting up is for an empty database only: with accounts on record, everyone is refused, whoever they are.
  action({
    action: "app/setup/actions.ts#setUpAction",
    allowed: NOBODY,
    args: () => form({ name: "Late Comer", email: "late@harbour.test", password: "a long enough passphrase", teamName: "Takeover", teamSlug: "takeover" }),
    refusals: Object.fromEntries(EVERYONE.map((role) => [role, "Dossier is already set up. Sign in instead."])),
  }),
  action({ action: "app/teams/new/actions.ts#createTeamAction", allowed: SIGNED_IN, args: () => form({ name: unique("Spare desk") }), succeeds: { redirect: /^\/t\// } }),
  action({ action: "app/inbox/actions.ts#markAllReadAction", allowed: SIGNED_IN, args: () => [] }),
  // Each signed-in user's own e-mail choices; there is no one else's to name.
  action({ action: "app/account/notifications/actions.ts#saveNotificationPreferencesAction", allowed: SIGNED_IN, args: () => form({ mentioned: "instant" }) }),
  action({
    action: "app/invite/[token]/actions.ts#acceptInviteAction",
    allowed: SIGNED_IN,
    args: (ids) => [{ token: ids.inviteToken }],
    prepare: async (world, role) => (role === "anonymous" ? {} : { inviteToken: await world.inviteAddressedTo(role) }),
    refusals: { anonymous: "Please sign in first." },
    // Another team's invite was sent to someone else.
    crossError: /^This invite was sent to pending@\w+\.test\. Sign in with that address to accept it\.$/,
  }),
  action({
    action: "app/invite/[token]/actions.ts#signUpWithInviteAction",
    allowed: EVERYONE,
    args: (ids) => [{ token: ids.inviteToken, name: "New Analyst", password: "a long enough passphrase" }],
    prepare: async (world) => ({ inviteToken: await world.newcomerInvite() }),
    freeSlots: ["inviteToken"],
  }),
  // One's own account. The name and password are set to what they were, so the world's sign-ins go on working.
  action({ action: `${account}#updateNameAction`, allowed: SIGNED_IN, args: (_ids, role) => [{ name: nameOf(role) }] }),
  // A session of one's own; another team's slot holds its owner's session, which is not the caller's.
  // Before the actions below that end the owner's spare session along with the rest of theirs.
  action({
    action: `${account}#signOutSessionAction`,
    allowed: SIGNED_IN,
    args: (ids) => [{ sessionId: ids.sessionId }],
    prepare: async (world, role) => (role === "anonymous" ? {} : { sessionId: await world.spareSession(role) }),
  }),
  // Both end every session of the caller's but the one calling, which the matrix renews after.
  action({ action: `${account}#changePasswordAction`, allowed: SIGNED_IN, args: () => [{ currentPassword: MATRIX_PASSWORD, newPassword: MATRIX_PASSWORD }], endsSessions: "all" }),
  action({ action: `${account}#signOutOtherSessionsAction`, allowed: SIGNED_IN, args: () => [], endsSessions: "all" }),
  // Personal API tokens: a member makes one for their team; revoking is of one's own token only (another's is not found).
  action({ action: "app/account/api-token-actions.ts#createApiTokenAction", allowed: MEMBERS, args: (ids) => [{ team: ids.team, name: "matrix", scope: "read" }] }),
  action({
    action: "app/account/api-token-actions.ts#revokeApiTokenAction",
    allowed: SIGNED_IN,
    args: (ids) => [{ id: ids.apiTokenId }],
    prepare: async (world, role) => ({ apiTokenId: await world.freshApiToken(role) }),
  }),
  // Anyone may ask; the answer is the same whether or not the address has an account.
  action({ action: "app/forgot-password/actions.ts#requestPasswordResetAction", allowed: EVERYONE, args: () => [{ email: `${randomUUID().slice(0, 8)}@harbour.test` }] }),
  action({
    action: "app/reset-password/[token]/actions.ts#resetPasswordAction",
    allowed: EVERYONE,
    args: (ids) => [{ token: ids.resetToken, password: "a long enough passphrase" }],
    prepare: async (world) => ({ resetToken: await world.spareResetToken() }),
    freeSlots: ["resetToken"],
  }),

  // Signing out ends the session on record, so each call signs in afresh; "everywhere" also ends the role's own session, which the matrix renews.
  action({ action: "lib/auth/sign-out-actions.ts#signOutAction", allowed: EVERYONE, args: () => [], succeeds: { redirect: /^(https?:\/\/[^/]+)?\/signin$/ }, endsSessions: "this" }),
  action({ action: "lib/auth/sign-out-actions.ts#signOutEverywhereAction", allowed: EVERYONE, args: () => [], succeeds: { redirect: /^(https?:\/\/[^/]+)?\/signin$/ }, endsSessions: "all" }),

  // Notes.
  // From one of the team's templates: another team's is not found.
  action({
    action: "app/t/[team]/actions.ts#createNoteAction",
    allowed: WRITERS,
    args: (ids) => form({ team: ids.team, kind: "brief", template: ids.templateId }),
    succeeds: { redirect: /^\/t\/[^/]+\/notes\/[0-9a-f-]{36}$/ },
  }),
  // Templates: those who write notes save and delete them; each deletion acts on a fresh template of the home team.
  action({ action: `${templates}#saveAsTemplateAction`, allowed: WRITERS, args: (ids) => [{ ...note(ids), name: unique("Harbour shape"), description: "" }] }),
  action({
    action: `${templates}#deleteTemplateAction`,
    allowed: WRITERS,
    args: (ids) => [{ team: ids.team, templateId: ids.templateId }],
    prepare: async (world) => ({ templateId: await world.template() }),
  }),
  // Collections: those who write notes make, rename, order and delete them, and file a note they may change; each acts on a fresh collection of the home team.
  action({ action: `${collections}#createCollectionAction`, allowed: WRITERS, args: (ids) => [{ team: ids.team, name: unique("Harbour desk") }] }),
  ...(["renameCollectionAction", "moveCollectionAction", "deleteCollectionAction"] as const).map((name) =>
    action({
      action: `${collections}#${name}`,
      allowed: WRITERS,
      args: (ids) => [{ team: ids.team, collectionId: ids.collectionId, name: unique("Harbour renamed"), index: 0 }],
      prepare: async (world) => ({ collectionId: await world.collection() }),
    }),
  ),
  action({
    action: `${collections}#fileNoteAction`,
    allowed: WRITERS,
    args: (ids) => [{ ...note(ids), collectionId: ids.collectionId }],
    prepare: async (world) => ({ collectionId: await world.collection() }),
  }),
  // Ordering a collection's notes by hand: of a note filed in it.
  action({
    action: `${collections}#moveNoteInCollectionAction`,
    allowed: WRITERS,
    args: (ids) => [{ ...note(ids), collectionId: ids.collectionId, index: 0 }],
    prepare: async (world) => {
      const [collectionId, noteId] = [await world.collection(), await world.importedNote(world.sessions.owner)];
      await world.sessions.owner.must(`${collections}#fileNoteAction`, [{ team: world.home.team, noteId, collectionId }], world.params(noteId));
      return { collectionId, noteId };
    },
  }),
  // A name left as plain text on a note, for all its writers: of the team's actors, on a note they may change.
  action({ action: `${unlinked}#ignoreUnlinkedNameAction`, allowed: WRITERS, args: (ids) => [{ ...note(ids), entityId: ids.actorId, name: "Harbour" }] }),
  action({ action: `${unlinked}#showIgnoredNamesAgainAction`, allowed: WRITERS, args: (ids) => [note(ids)] }),
  action({ action: "app/t/[team]/actions.ts#renameNoteAction", allowed: WRITERS, args: (ids) => [{ ...note(ids), title: "Harbour note" }] }),
  action({ action: "app/t/[team]/notes/[id]/marking-actions.ts#setNoteMarkingAction", allowed: WRITERS, args: (ids) => [{ ...note(ids), marking: "clear" }] }),
  action({ action: "app/t/[team]/notes/[id]/dateline-actions.ts#setNoteDatelineAction", allowed: WRITERS, args: (ids) => [{ ...note(ids), dateline: "2006-12-20" }] }),
  // A star is the member's own, on a note they may read (a draft: not to readers).
  action({ action: "app/t/[team]/notes/[id]/star-actions.ts#setNoteStarAction", allowed: DRAFT_READERS, args: (ids) => [{ ...note(ids), starred: true }] }),
  action({
    action: "app/t/[team]/notes/[id]/suggestion-actions.ts#decideSuggestionsAction",
    allowed: WRITERS,
    args: (ids) => [{ ...note(ids), decisions: [{ id: "matrix0001", outcome: "rejected" }] }],
    prepare: async (world) => ({ noteId: await world.suggestedNote("matrix0001") }),
  }),
  action({ action: "app/t/[team]/actions.ts#deleteNoteAction", allowed: OWNER, args: (ids) => [note(ids)], prepare: async (world) => ({ noteId: await world.emptyNote(world.sessions.owner) }) }),
  action({
    action: "app/t/[team]/import/actions.ts#importAction",
    allowed: WRITERS,
    args: (ids) => form({ team: ids.team, files: md("imported.md", "# Imported by the matrix\n\nA line.\n") }),
    succeeds: { redirect: /^\/t\/[^/]+\?imported=[0-9a-f-]{36}$/ },
  }),
  // Actors and events from CSV: the preview writes nothing, the import writes in one transaction.
  action({ action: "app/t/[team]/import/csv-actions.ts#previewCsvImportAction", allowed: WRITERS, args: (ids) => [csvImport(ids.team, unique("Harbour CSV actor"))] }),
  action({ action: "app/t/[team]/import/csv-actions.ts#importCsvAction", allowed: WRITERS, args: (ids) => [csvImport(ids.team, unique("Harbour CSV actor"))] }),
  // Actors, places and events from a STIX 2.1 bundle, the same way.
  action({ action: "app/t/[team]/import/stix-actions.ts#previewStixImportAction", allowed: WRITERS, args: (ids) => [stixImport(ids.team, unique("Harbour STIX actor"))] }),
  action({ action: "app/t/[team]/import/stix-actions.ts#importStixAction", allowed: WRITERS, args: (ids) => [stixImport(ids.team, unique("Harbour STIX actor"))] }),

  // History.
  action({ action: `${history}#nameRevisionAction`, allowed: WRITERS, args: (ids) => [{ ...note(ids), revisionId: ids.revisionId, name: "Harbour version" }] }),
  action({ action: `${history}#saveNamedRevisionAction`, allowed: WRITERS, args: (ids) => [{ ...note(ids), name: unique("Kept") }] }),
  action({ action: `${history}#restoreRevisionAction`, allowed: WRITERS, args: (ids) => [{ ...note(ids), revisionId: ids.revisionId }] }),

  // Comments: everyone who reads drafts; a comment is changed only by its author.
  action({ action: `${comments}#listThreadsAction`, allowed: DRAFT_READERS, args: (ids) => [note(ids)] }),
  action({
    action: `${comments}#createThreadAction`,
    allowed: DRAFT_READERS,
    args: (ids) => [{ ...note(ids), anchorStart: ids.anchorStart, anchorEnd: ids.anchorEnd, quote: "abstain", body: "Which vote?" }],
    // Another note's anchors do not point into this note.
    crossError: /was not found\.$|^That passage is not in the note any more; select it again\.$/,
  }),
  action({ action: `${comments}#replyAction`, allowed: DRAFT_READERS, args: (ids) => [{ ...note(ids), threadId: ids.threadId, body: "Agreed." }] }),
  action({ action: `${comments}#resolveThreadAction`, allowed: DRAFT_READERS, args: (ids) => [{ ...note(ids), threadId: ids.threadId, resolved: false }] }),
  action({
    action: `${comments}#editCommentAction`,
    allowed: DRAFT_READERS,
    args: (ids) => [{ ...note(ids), commentId: ids.commentId, body: "Edited." }],
    prepare: async (world, role) => (role === "reader" || role === "outsider" || role === "anonymous" ? {} : world.ownComment(world.sessions[role])),
  }),
  action({
    action: `${comments}#deleteCommentAction`,
    allowed: DRAFT_READERS,
    args: (ids) => [{ ...note(ids), commentId: ids.commentId }],
    prepare: async (world, role) => (role === "reader" || role === "outsider" || role === "anonymous" ? {} : world.ownComment(world.sessions[role])),
  }),

  // Review and publishing.
  action({
    action: `${review}#requestReviewAction`,
    allowed: WRITERS,
    args: (ids) => [{ ...note(ids), reviewers: [ids.memberId] }],
    prepare: async (world) => ({ noteId: await world.importedNote(world.sessions.owner), memberId: world.reviewerId }),
    // A user of another team cannot be asked to review.
    crossError: /was not found\.$|^Only reviewers of this team can be asked to review\.$/,
  }),
  action({ action: `${review}#decideReviewAction`, allowed: REVIEWER, args: (ids) => [{ ...note(ids), decision: "approve" }], prepare: async (world) => ({ noteId: await world.noteInReview() }) }),
  action({
    action: `${publish}#publishAction`,
    allowed: WRITERS,
    args: (ids, role) => [{ ...note(ids), visibility: "team", overrideApproval: role === "owner" || role === "outsider" }],
    prepare: async (world, role) => ({ noteId: role === "analyst" ? await world.approvedNote() : await world.importedNote(world.sessions.owner) }),
  }),
  // Setting a finding aside and showing it again: those who may change the note, on a note of their own team that has the finding.
  action({
    action: `${estimative}#setAsideFindingAction`,
    allowed: WRITERS,
    args: (ids) => [{ ...offScale(ids), reason: "The envoy's own word." }],
    prepare: async (world) => ({ noteId: await world.importedNote(world.sessions.owner, OFF_SCALE) }),
  }),
  action({
    action: `${estimative}#restoreFindingAction`,
    allowed: WRITERS,
    args: (ids) => [offScale(ids)],
    prepare: async (world) => {
      const noteId = await world.importedNote(world.sessions.owner, OFF_SCALE);
      await world.sessions.owner.must(`${estimative}#setAsideFindingAction`, [{ ...offScale({ ...world.home, noteId }), reason: "" }], world.params(noteId));
      return { noteId };
    },
  }),
  action({ action: `${publish}#unpublishAction`, allowed: WRITERS, args: (ids) => [{ team: ids.team, noteId: ids.briefId }], prepare: async (world) => ({ briefId: await world.publishedNote() }) }),

  // Search and feeds: any member (readers search published briefs only).
  action({ action: "app/t/[team]/search/actions.ts#quickSearchAction", allowed: MEMBERS, args: (ids) => [{ team: ids.team, q: "vote" }] }),
  action({ action: "app/t/[team]/feeds/actions.ts#renewFeedTokenAction", allowed: MEMBERS, args: (ids) => [{ team: ids.team }] }),
  action({ action: "app/t/[team]/feeds/actions.ts#revokeFeedTokenAction", allowed: MEMBERS, args: (ids) => [{ team: ids.team }] }),

  // Following: any member, what they may read (readers read every brief of their team).
  action({ action: `${follows}#followBriefAction`, allowed: MEMBERS, args: (ids) => [{ team: ids.team, noteId: ids.briefId }] }),
  action({ action: `${follows}#unfollowBriefAction`, allowed: MEMBERS, args: (ids) => [{ team: ids.team, noteId: ids.briefId }] }),
  action({ action: `${follows}#followEntityAction`, allowed: MEMBERS, args: (ids) => [{ team: ids.team, entityId: ids.actorId }] }),
  action({ action: `${follows}#unfollowEntityAction`, allowed: MEMBERS, args: (ids) => [{ team: ids.team, entityId: ids.eventId }] }),

  // Members: the owner's.
  action({ action: `${members}#changeRoleAction`, allowed: OWNER, args: (ids) => [{ team: ids.team, userId: ids.memberId, role: "reviewer" }], prepare: async (world) => ({ memberId: await world.spareMember() }) }),
  action({ action: `${members}#removeMemberAction`, allowed: OWNER, args: (ids) => [{ team: ids.team, userId: ids.memberId }], prepare: async (world) => ({ memberId: await world.spareMember() }) }),
  action({ action: `${members}#createInviteAction`, allowed: OWNER, args: (ids) => [{ team: ids.team, email: `${randomUUID().slice(0, 8)}@harbour.test`, role: "analyst" }] }),
  // For a member of the owner's team only: another team's member is not found.
  // For a member of no other team: a password opens every team of the account.
  action({
    action: `${members}#createResetLinkAction`,
    allowed: OWNER,
    args: (ids) => [{ team: ids.team, userId: ids.memberId }],
    prepare: async (world) => ({ memberId: await world.spareMember() }),
  }),
  action({
    action: `${members}#revokeInviteAction`,
    allowed: OWNER,
    args: (ids) => [{ team: ids.team, inviteId: ids.inviteId }],
    prepare: async (world) => ({ inviteId: await world.openInviteId() }),
  }),

  // The team's settings: the owner's. Handing on, leaving and deleting act on a spare team of the allowed role's own, so the two teams stay as they are.
  action({
    action: `${settings}#updateTeamSettingsAction`,
    allowed: OWNER,
    // The home team's name and slug as they are: the call is allowed and changes nothing.
    args: (ids) => [{ team: ids.team, name: `${MARKERS.home} Desk`, slug: ids.team, defaultVisibility: "team" }],
  }),
  action({
    action: `${settings}#updateTeamStandardsAction`,
    allowed: OWNER,
    // The home team's standards as they are: the call is allowed and changes nothing.
    args: (ids) => [{ team: ids.team, likelihoodScale: "icd203", likelihoodWording: "either", defaultMarking: "clear" }],
  }),
  action({
    action: `${settings}#transferOwnershipAction`,
    allowed: OWNER,
    args: (ids) => [{ team: ids.team, userId: ids.memberId }],
    prepare: async (world, role) => (role === "owner" ? world.spareTeamWithNewcomer("analyst") : {}),
    succeeds: { redirect: /^\/t\/[^/]+$/ },
  }),
  action({
    action: `${settings}#deleteTeamAction`,
    allowed: OWNER,
    args: (ids) => [{ team: ids.team, confirmation: ids.team }],
    prepare: async (world, role) => (role === "owner" ? { team: await world.spareTeam() } : {}),
    succeeds: { redirect: /^\/$/ },
  }),
  // Webhooks: the owner's. Pausing, testing and deleting act on a fresh webhook of the home team each time.
  action({
    action: `${hooks}#createWebhookAction`,
    allowed: OWNER,
    args: (ids) => [{ team: ids.team, url: "http://127.0.0.1:9/matrix", events: ["note.created"], description: unique("Matrix hook") }],
  }),
  action({
    action: `${hooks}#setWebhookPausedAction`,
    allowed: OWNER,
    args: (ids) => [{ team: ids.team, webhookId: ids.webhookId, paused: true }],
    prepare: async (world) => ({ webhookId: await world.webhook() }),
  }),
  action({
    action: `${hooks}#sendTestEventAction`,
    allowed: OWNER,
    args: (ids) => [{ team: ids.team, webhookId: ids.webhookId }],
    prepare: async (world) => ({ webhookId: await world.webhook() }),
  }),
  action({
    action: `${hooks}#deleteWebhookAction`,
    allowed: OWNER,
    args: (ids) => [{ team: ids.team, webhookId: ids.webhookId }],
    prepare: async (world) => ({ webhookId: await world.webhook() }),
  }),
  action({
    action: "app/t/[team]/leave/actions.ts#leaveTeamAction",
    allowed: MEMBERS,
    args: (ids) => [{ team: ids.team }],
    prepare: async (world, role) => (isMemberRole(role) ? { team: await world.spareTeamJoinedBy(role) } : {}),
    succeeds: { redirect: /^\/$/ },
  }),

  // Actors and events.
  action({ action: `${entities}#createEntityAction`, allowed: WRITERS, args: (ids) => [{ team: ids.team, entity: actor(unique("Harbour actor")) }] }),
  action({ action: `${entities}#updateEntityAction`, allowed: WRITERS, args: (ids) => [{ team: ids.team, id: ids.actorId, entity: actor("Harbour actor") }] }),
  action({
    action: `${entities}#quickCreateEntityAction`,
    allowed: WRITERS,
    // The editor chooses the new entry's id: another team's id must not take over that entry.
    args: (ids) => [{ team: ids.team, id: ids.actorId, kind: "actor", name: unique("Harbour quick actor") }],
    prepare: async () => ({ actorId: randomUUID() }),
    crossError: /^That entry could not be created; please try again\.$/,
  }),
  action({
    action: `${entities}#describeEntityAction`,
    allowed: WRITERS,
    args: (ids) => [{ team: ids.team, id: ids.actorId, details: { kind: "actor", actorType: "country" } }],
    // It fills a blank only: each call gives a kind to an actor of its own that has none.
    prepare: async (world) => ({ actorId: await world.actor(world.sessions.owner) }),
  }),
  // The source register.
  action({
    action: `${sources}#createSourceAction`,
    allowed: WRITERS,
    args: (ids) => [{ team: ids.team, source: { title: unique("Harbour wire report"), kind: "media", reliability: "B" } }],
  }),
  action({
    action: `${sources}#updateSourceAction`,
    allowed: WRITERS,
    args: (ids) => [{ team: ids.team, id: ids.sourceId, source: { title: "Harbour wire report", kind: "media", originator: "Reuters" } }],
  }),
  action({
    action: `${sources}#regradeSourceAction`,
    allowed: WRITERS,
    args: (ids) => [{ team: ids.team, id: ids.sourceId, reliability: "D", reason: "Two stories were corrected." }],
    // A fresh source graded B for each call: a source already graded D cannot be regraded D.
    prepare: async (world) => ({ sourceId: await world.source() }),
  }),
  // Each allowed call acts on a source of its own, so one retraction does not leave the next with nothing to retract.
  action({
    action: `${retraction}#retractSourceAction`,
    allowed: WRITERS,
    args: (ids) => [{ team: ids.team, sourceId: ids.sourceId, reason: "Withdrawn by the matrix." }],
    prepare: async (world) => ({ sourceId: await world.source({ retracted: false }) }),
  }),
  action({
    action: `${retraction}#reinstateSourceAction`,
    allowed: WRITERS,
    args: (ids) => [{ team: ids.team, sourceId: ids.sourceId, reason: "Reinstated by the matrix." }],
    prepare: async (world) => ({ sourceId: await world.source({ retracted: true }) }),
  }),
  action({ action: `${entities}#suggestEntitiesAction`, allowed: DRAFT_READERS, args: (ids) => [{ team: ids.team, kind: "actor", query: "" }] }),
  action({
    action: `${entities}#mergeEntitiesAction`,
    allowed: WRITERS,
    args: (ids) => [{ team: ids.team, keepId: ids.actorId, removeId: ids.actor2Id }],
    prepare: async (world) => ({ actor2Id: await world.actor(world.sessions.owner) }),
  }),
  action({ action: `${entities}#deleteEntityAction`, allowed: OWNER, args: (ids) => [{ team: ids.team, id: ids.actorId }], prepare: async (world) => ({ actorId: await world.actor(world.sessions.owner) }) }),
  action({ action: `${entities}#addParticipantAction`, allowed: WRITERS, args: (ids) => [{ team: ids.team, eventId: ids.eventId, actorId: ids.actorId }] }),
  action({ action: `${entities}#removeParticipantAction`, allowed: WRITERS, args: (ids) => [{ team: ids.team, relationId: ids.relationId }], prepare: async (world) => ({ relationId: await world.relation() }) }),
  // A tag is a name: any team may use any name.
  action({ action: `${entities}#setNoteTagsAction`, allowed: WRITERS, args: (ids) => [{ ...note(ids), tags: [ids.tag] }], freeSlots: ["tag"] }),
];

export const MATRIX: MatrixEntry[] = [...PAGES, ...ROUTES, ...ACTIONS];

/** The name an entry is reported under. */
export function entryName(entry: MatrixEntry): string {
  if (entry.kind === "page") return entry.serving ? `${entry.page} (${entry.serving})` : entry.page;
  if (entry.kind === "route") return entry.serving ? `${entry.method} ${entry.route} (${entry.serving})` : `${entry.method} ${entry.route}`;
  return entry.action;
}
