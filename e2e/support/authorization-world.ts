import { expect, type Browser } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../lib/demo/accounts";
import { AppSession } from "./app-session";
import { pageParams } from "./server-actions";
import { selectText } from "./editing";
import { NotePage } from "./pages";
import { suggestOverSocket } from "./suggestions";

export const MATRIX_ROLES = ["owner", "analyst", "reviewer", "reader", "outsider", "anonymous"] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export const MEMBER_ROLES = ["owner", "analyst", "reviewer", "reader"] as const;

/** One team's objects: what fills the id slots (path, query, body) of a request. */
export interface TeamIds {
  team: string;
  /** A draft note with text, a comment thread, a named revision and a tag (the brief's too). */
  noteId: string;
  revisionId: string;
  threadId: string;
  commentId: string;
  anchorStart: string;
  anchorEnd: string;
  tag: string;
  /** A brief published to the team (not public) as edition 1. */
  briefId: string;
  edition: string;
  actorId: string;
  /** A second actor, to merge into the first. */
  actor2Id: string;
  eventId: string;
  /** The actor's part in the event. */
  relationId: string;
  /** A member who is not the owner. */
  memberId: string;
  /** An open invite to someone who has not joined: its link, and its id (for revoking it). */
  inviteToken: string;
  inviteId: string;
  /** The owner's personal feed token. */
  feedToken: string;
  /** One of the owner's personal API tokens (its id). */
  apiTokenId: string;
  /** A password reset link the owner made for the member (memberId): its token. */
  resetToken: string;
  /** A session of the team's owner other than the one the matrix uses, for signing out one session. */
  sessionId: string;
  /** A source in the team's register, with a snapshot (a pasted excerpt). */
  sourceId: string;
  snapshotId: string;
  /** A webhook of the team, to a loopback port where nothing listens (the e2e server lets loopback through). */
  webhookId: string;
  /** A note template of the team's own, saved from its note. */
  templateId: string;
  /** A collection of the team's notes. */
  collectionId: string;
}

/** Each team's objects carry its word, so a response that shows the other team's data is caught by it. */
export const MARKERS = { home: "Harbour", other: "Zanzibar" } as const;
export const MATRIX_PASSWORD = "matrix-passphrase-1";
const PASSWORD = MATRIX_PASSWORD;
let counter = 0;
const unique = (what: string) => `${what} ${Date.now().toString(36)}${(counter++).toString(36)}`;
/**
 * Each world's people have addresses of their own: one worker builds a world
 * per spec file that needs one (the matrix, the accessibility sweep), and a
 * worker that starts again after a failure builds a new one beside the old.
 */
const newWorldTag = () => unique("w").replace(" ", "-");
const emailIn = (tag: string, role: MatrixRole) => (role === "outsider" ? `owner-${tag}@zanzibar.test` : `${role}-${tag}@harbour.test`);
/** Each role's display name, which carries its team's marker. */
export const nameOf = (role: MatrixRole) => (role === "outsider" ? `${MARKERS.other} Owner` : `${MARKERS.home} ${role[0].toUpperCase()}${role.slice(1)}`);

/** User ids of a team's members by email, read from the members page (owners only). */
async function memberIds(owner: AppSession, slug: string): Promise<Map<string, string>> {
  const html = await (await owner.get(`/t/${slug}/members`)).text();
  const found = [...html.matchAll(/\\"userId\\":\\"([0-9a-f-]{36})\\",\\"name\\":\\"[^\\]*\\",\\"email\\":\\"([^\\]+)\\"/g)];
  return new Map(found.map(([, id, email]) => [email, id]));
}

/** Open invites' ids by address, as the members page hands them to its revoke buttons. */
async function openInviteIds(owner: AppSession, slug: string): Promise<Map<string, string>> {
  const html = await (await owner.get(`/t/${slug}/members`)).text();
  const found = [...html.matchAll(/\\"inviteId\\":\\"([0-9a-f-]{36})\\",\\"email\\":\\"([^\\]+)\\"/g)];
  return new Map(found.map(([, id, email]) => [email, id]));
}

/** The ids of the sessions a user's account page offers to sign out (all but the one asking). */
async function otherSessionIds(session: AppSession): Promise<string[]> {
  const html = await (await session.get("/account")).text();
  return [...html.matchAll(/\\"sessionId\\":\\"([0-9a-f-]{36})\\"/g)].map(([, id]) => id);
}

/** Signs the user in once more, elsewhere, and returns that session's id as their account page shows it. */
async function spareSession(baseURL: string, session: AppSession, email: string): Promise<string> {
  const before = new Set(await otherSessionIds(session));
  const elsewhere = await AppSession.signIn(baseURL, email, PASSWORD);
  await elsewhere.dispose();
  const added = (await otherSessionIds(session)).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new session of ${email} on the account page, found ${added.length}`);
  return added[0];
}

const slugOf = (redirect: string) => redirect.match(/^\/t\/([^/?]+)/)![1];
const noteIdOf = (redirect: string) => redirect.match(/\/notes\/([0-9a-f-]{36})$/)![1];

/**
 * Two teams made through the app's own actions for the authorisation matrix:
 * "Harbour Desk" with one member of each role, and "Zanzibar Desk" whose
 * owner is the member of another team. The demo owner starts both and then
 * leaves them, so the demo team is untouched.
 */
export class MatrixWorld {
  private constructor(
    private readonly tag: string,
    readonly baseURL: string,
    readonly sessions: Record<MatrixRole, AppSession>,
    readonly home: TeamIds,
    readonly other: TeamIds,
    /** The home team's reviewer, to be asked for a review. */
    readonly reviewerId: string,
  ) {}

  private emailOf(role: MatrixRole) {
    return emailIn(this.tag, role);
  }

  /** The team a role's requests name: a member's own, or the one the outsider owns. */
  homeOf(role: MatrixRole): TeamIds {
    return role === "outsider" ? this.other : this.home;
  }

  /** The team whose ids a role's cross-team requests carry. */
  otherOf(role: MatrixRole): TeamIds {
    return role === "outsider" ? this.home : this.other;
  }

  /** The owner of a team, to prepare and to read back its objects. */
  ownerOf(team: TeamIds): AppSession {
    return team === this.other ? this.sessions.outsider : this.sessions.owner;
  }

  static async build(baseURL: string, browser: Browser): Promise<MatrixWorld> {
    const tag = newWorldTag();
    const emailOf = (role: MatrixRole) => emailIn(tag, role);
    const anonymous = await AppSession.anonymous(baseURL);
    const demo = await AppSession.signIn(baseURL, DEMO_USERS.owner.email, DEMO_PASSWORD);
    const createTeam = async (name: string) => slugOf(await demo.must<string>("app/teams/new/actions.ts#createTeamAction", { form: { name } }));
    const homeSlug = await createTeam(`${MARKERS.home} Desk`);
    const otherSlug = await createTeam(`${MARKERS.other} Desk`);

    const join = async (slug: string, role: MatrixRole, as: (typeof MEMBER_ROLES)[number]) => {
      const { link } = await demo.must<{ link: string }>("app/t/[team]/members/actions.ts#createInviteAction", [{ team: slug, email: emailOf(role), role: as }], { team: slug });
      const token = link.split("/invite/")[1];
      await anonymous.must("app/invite/[token]/actions.ts#signUpWithInviteAction", [{ token, name: nameOf(role), password: PASSWORD }], { token });
      return AppSession.signIn(baseURL, emailOf(role), PASSWORD);
    };
    const sessions = { anonymous } as Record<MatrixRole, AppSession>;
    for (const role of MEMBER_ROLES) sessions[role] = await join(homeSlug, role, role);
    sessions.outsider = await join(otherSlug, "outsider", "owner");

    // The demo owner leaves both teams: from here on, each team is only its own people.
    for (const [slug, owner] of [
      [homeSlug, sessions.owner],
      [otherSlug, sessions.outsider],
    ] as const) {
      const demoId = (await memberIds(owner, slug)).get(DEMO_USERS.owner.email)!;
      await owner.must("app/t/[team]/members/actions.ts#removeMemberAction", [{ team: slug, userId: demoId }], { team: slug });
    }
    await demo.dispose();

    const homeMembers = await memberIds(sessions.owner, homeSlug);
    const home = {
      ...(await buildTeamObjects(browser, sessions.owner, homeSlug, MARKERS.home, homeMembers.get(emailOf("analyst"))!)),
      sessionId: await spareSession(baseURL, sessions.owner, emailOf("owner")),
    };
    const outsiderId = (await memberIds(sessions.outsider, otherSlug)).get(emailOf("outsider"))!;
    const other = {
      ...(await buildTeamObjects(browser, sessions.outsider, otherSlug, MARKERS.other, outsiderId)),
      sessionId: await spareSession(baseURL, sessions.outsider, emailOf("outsider")),
    };
    return new MatrixWorld(tag, baseURL, sessions, home, other, homeMembers.get(emailOf("reviewer"))!);
  }

  /** A note of the home team with text, imported by `writer`: for an action that uses it up. */
  async importedNote(writer: AppSession, text = "Moscow will abstain on the vote.") {
    return importNote(writer, this.home.team, unique(`${MARKERS.home} imported`), text);
  }

  /** An empty note of the home team, made by `writer`. */
  async emptyNote(writer: AppSession) {
    return noteIdOf(await writer.must<string>("app/t/[team]/actions.ts#createNoteAction", { form: { team: this.home.team } }, { team: this.home.team }));
  }

  /** A home-team note of the analyst's holding one suggestion of the reviewer's, with the id given. */
  async suggestedNote(suggestionId: string) {
    const noteId = await this.importedNote(this.sessions.analyst);
    await suggestOverSocket(this.sessions.reviewer.request, this.baseURL, noteId, [{ id: suggestionId, at: "abstain", insert: " perhaps" }]);
    return noteId;
  }

  /** A home-team note waiting for review. */
  async noteInReview() {
    const noteId = await this.importedNote(this.sessions.analyst);
    await this.sessions.analyst.must("app/t/[team]/notes/[id]/review-actions.ts#requestReviewAction", [{ team: this.home.team, noteId, reviewers: [] }], this.params(noteId));
    return noteId;
  }

  /** A home-team note the reviewer has approved, ready to publish. */
  async approvedNote() {
    const noteId = await this.noteInReview();
    await this.sessions.reviewer.must("app/t/[team]/notes/[id]/review-actions.ts#decideReviewAction", [{ team: this.home.team, noteId, decision: "approve" }], this.params(noteId));
    return noteId;
  }

  /** A home-team brief published to the team, by its owner without approval. */
  async publishedNote() {
    const noteId = await this.importedNote(this.sessions.owner);
    await this.sessions.owner.must(
      "app/t/[team]/notes/[id]/publish-actions.ts#publishAction",
      [{ team: this.home.team, noteId, visibility: "team", overrideApproval: true }],
      this.params(noteId),
    );
    return noteId;
  }

  /** A comment of `author`'s own on the home note (one may change only one's own). */
  async ownComment(author: AppSession) {
    const { team, noteId, anchorStart, anchorEnd } = this.home;
    const threadId = await author.must<string>(
      "app/t/[team]/notes/[id]/comment-actions.ts#createThreadAction",
      [{ team, noteId, anchorStart, anchorEnd, quote: "abstain", body: "My own remark." }],
      this.params(noteId),
    );
    return { threadId, commentId: (await threadsOf(author, team, noteId)).find((thread) => thread.id === threadId)!.comments[0].id };
  }

  /** An actor of the home team, made by `writer`. */
  async actor(writer: AppSession) {
    const created = await writer.must<{ id: string }>("app/t/[team]/entities-actions.ts#createEntityAction", [{ team: this.home.team, entity: { kind: "actor", name: unique(`${MARKERS.home} actor`) } }], pageParams({ team: this.home.team }));
    return created.id;
  }

  /** A new source of the home team's register graded B, made by its owner, retracted if asked: for an action that regrades, retracts or reinstates it. */
  async source(options: { retracted?: boolean } = {}) {
    const sourceId = await createSource(this.sessions.owner, this.home.team, unique(`${MARKERS.home} source`));
    if (options.retracted)
      await this.sessions.owner.must(
        "app/t/[team]/sources/retraction-actions.ts#retractSourceAction",
        [{ team: this.home.team, sourceId, reason: "Withdrawn before the matrix asks." }],
        { team: this.home.team },
      );
    return sourceId;
  }

  /** A new webhook of the home team, made by its owner: for an action that pauses or deletes it. */
  async webhook() {
    return createWebhook(this.sessions.owner, this.home.team, unique(`${MARKERS.home.toLowerCase()}-hook`).replace(" ", "-"));
  }

  /** A new template of the home team's own, saved by its owner from the home note: for an action that deletes it. */
  async template() {
    return saveTemplate(this.sessions.owner, this.home.team, this.home.noteId, unique(`${MARKERS.home} template`));
  }

  /** A new collection of the home team, made by its owner: for an action that renames, moves, deletes or fills it. */
  async collection() {
    const created = await this.sessions.owner.must<{ id: string }>(
      "app/t/[team]/collection-actions.ts#createCollectionAction",
      [{ team: this.home.team, name: unique(`${MARKERS.home} collection`) }],
      pageParams({ team: this.home.team }),
    );
    return created.id;
  }

  /** The actor's part in an event of the home team, for an action that removes it. */
  async relation() {
    const { team, eventId } = this.home;
    const actorId = await this.actor(this.sessions.owner);
    await this.sessions.owner.must("app/t/[team]/entities-actions.ts#addParticipantAction", [{ team, eventId, actorId }], pageParams({ team, eventId }));
    const page = await (await this.sessions.owner.get(`/t/${team}/events/${eventId}`)).text();
    const relations = [...page.matchAll(/\\"relationId\\":\\"([0-9a-f-]{36})\\",\\"role\\":\\"[^\\]*\\",\\"actor\\":\{\\"id\\":\\"([0-9a-f-]{36})\\"/g)];
    return relations.find(([, , actor]) => actor === actorId)![1];
  }

  /** A member of the home team who can be moved or removed without touching the role players. */
  async spareMember() {
    const email = `${unique("spare").replace(" ", "-")}@harbour.test`;
    const { link } = await this.sessions.owner.must<{ link: string }>("app/t/[team]/members/actions.ts#createInviteAction", [{ team: this.home.team, email, role: "reader" }], { team: this.home.team });
    const token = link.split("/invite/")[1];
    await this.sessions.anonymous.must("app/invite/[token]/actions.ts#signUpWithInviteAction", [{ token, name: "Spare Member", password: PASSWORD }], { token });
    return (await memberIds(this.sessions.owner, this.home.team)).get(email)!;
  }

  /** An open invite to a home-team newcomer. */
  async newcomerInvite() {
    const email = `${unique("newcomer").replace(" ", "-")}@harbour.test`;
    const { link } = await this.sessions.owner.must<{ link: string }>("app/t/[team]/members/actions.ts#createInviteAction", [{ team: this.home.team, email, role: "reader" }], { team: this.home.team });
    return link.split("/invite/")[1];
  }

  /** The id of an open invite to a home-team newcomer, for revoking it. */
  async openInviteId() {
    const email = `${unique("invited").replace(" ", "-")}@harbour.test`;
    await this.sessions.owner.must<{ link: string }>("app/t/[team]/members/actions.ts#createInviteAction", [{ team: this.home.team, email, role: "reader" }], { team: this.home.team });
    return (await openInviteIds(this.sessions.owner, this.home.team)).get(email)!;
  }

  /** An invite to a team of its own, sent to `role`'s address, so accepting it moves nothing of the two teams. */
  async inviteAddressedTo(role: MatrixRole) {
    const slug = slugOf(await this.sessions.owner.must<string>("app/teams/new/actions.ts#createTeamAction", { form: { name: unique("Spare desk") } }));
    const { link } = await this.sessions.owner.must<{ link: string }>("app/t/[team]/members/actions.ts#createInviteAction", [{ team: slug, email: this.emailOf(role), role: "reader" }], { team: slug });
    return link.split("/invite/")[1];
  }

  /** A team of its own, started by the home team's owner: for an action that hands on, leaves or deletes a team. */
  async spareTeam(): Promise<string> {
    return slugOf(await this.sessions.owner.must<string>("app/teams/new/actions.ts#createTeamAction", { form: { name: unique("Spare desk") } }));
  }

  /** A spare team with a newcomer in it as `role`, and the newcomer's id. */
  async spareTeamWithNewcomer(role: (typeof MEMBER_ROLES)[number]): Promise<{ team: string; memberId: string }> {
    const team = await this.spareTeam();
    const email = `${unique("newcomer").replace(" ", "-")}@harbour.test`;
    const { link } = await this.sessions.owner.must<{ link: string }>("app/t/[team]/members/actions.ts#createInviteAction", [{ team, email, role }], { team });
    const token = link.split("/invite/")[1];
    await this.sessions.anonymous.must("app/invite/[token]/actions.ts#signUpWithInviteAction", [{ token, name: "Spare Member", password: PASSWORD }], { token });
    return { team, memberId: (await memberIds(this.sessions.owner, team)).get(email)! };
  }

  /**
   * A spare team that `role` belongs to with that role, and may leave: the
   * owner's has a second owner, since a team's last owner cannot leave.
   */
  async spareTeamJoinedBy(role: (typeof MEMBER_ROLES)[number]): Promise<string> {
    if (role === "owner") return (await this.spareTeamWithNewcomer("owner")).team;
    const team = await this.spareTeam();
    const { link } = await this.sessions.owner.must<{ link: string }>("app/t/[team]/members/actions.ts#createInviteAction", [{ team, email: this.emailOf(role), role }], { team });
    const token = link.split("/invite/")[1];
    await this.sessions[role].must("app/invite/[token]/actions.ts#acceptInviteAction", [{ token }], { token });
    return team;
  }

  /** A session of `role`'s besides the one the matrix uses, for signing out one session. */
  async spareSession(role: MatrixRole) {
    return spareSession(this.baseURL, this.sessions[role], this.emailOf(role));
  }

  /** A reset link for a new member of the home team, for an action that uses it up. */
  async spareResetToken() {
    const userId = await this.spareMember();
    const link = await this.sessions.owner.must<string>("app/t/[team]/members/actions.ts#createResetLinkAction", [{ team: this.home.team, userId }], { team: this.home.team });
    return link.split("/reset-password/")[1];
  }

  /** Each role's own feed token for its home team (revoking and renewing them is part of the matrix). */
  async freshFeedToken(role: MatrixRole) {
    if (role === "anonymous") return "";
    const team = this.homeOf(role).team;
    return this.sessions[role].must<string>("app/t/[team]/feeds/actions.ts#renewFeedTokenAction", [{ team }], { team });
  }

  /** A new API token of the role's own, in their team (the owner's, for someone signed out, who has none). */
  async freshApiToken(role: MatrixRole): Promise<string> {
    const as = role === "anonymous" ? "owner" : role;
    const team = this.homeOf(as).team;
    return (await this.sessions[as].must<{ id: string }>("app/account/api-token-actions.ts#createApiTokenAction", [{ team, name: "matrix", scope: "read" }], { team })).id;
  }

  /** The params a server action's page needs, for a note of the home team. */
  params(noteId = this.home.noteId): Record<string, string> {
    return { team: this.home.team, id: noteId, revisionId: this.home.revisionId, token: this.home.inviteToken };
  }

  /**
   * What the team's owner sees of the team's objects: notes, their text,
   * threads, the edition, entities and members. Equal before and after a
   * refused request means the request changed nothing.
   */
  async snapshot(team: TeamIds) {
    const owner = this.ownerOf(team);
    const text = async (path: string) => {
      const response = await owner.get(path);
      return `${response.status()} ${(await response.text()).replace(/^.*exported \d{4}-\d{2}-\d{2}.*$/m, "")}`;
    };
    const notesPage = await (await owner.get(`/t/${team.team}`)).text();
    const suggest = (kind: string) =>
      owner.must("app/t/[team]/entities-actions.ts#suggestEntitiesAction", [{ team: team.team, kind, query: MARKERS[team === this.home ? "home" : "other"] }], pageParams(team));
    return {
      notes: [...notesPage.matchAll(/href="\/t\/[^/]+\/notes\/([0-9a-f-]{36})">([^<]*)</g)].map(([, id, title]) => `${id} ${title}`).sort(),
      note: await text(`/t/${team.team}/notes/${team.noteId}/export?format=md`),
      brief: await text(`/t/${team.team}/notes/${team.briefId}/export?format=md`),
      edition: await text(`/b/${team.team}/${team.briefId}/${team.edition}/export?format=md`),
      threads: (await threadsOf(owner, team.team, team.noteId)).map(({ id, resolved, comments }) => ({ id, resolved, comments: comments.map((c) => [c.id, c.body]) })),
      actors: await suggest("actor"),
      events: await suggest("event"),
      members: [...(await memberIds(owner, team.team))].sort(),
      templates: [...(await (await owner.get(`/t/${team.team}/templates`)).text()).matchAll(/data-template-id="([^"]+)"/g)].map(([, id]) => id).sort(),
    };
  }

  /** A new sign-in as `role` (or a new anonymous visitor), for a call that signs out. */
  freshSession(role: MatrixRole): Promise<AppSession> {
    return role === "anonymous" ? AppSession.anonymous(this.baseURL) : AppSession.signIn(this.baseURL, this.emailOf(role), PASSWORD);
  }

  /** Signs the role in again after a call ended all of its sessions. */
  async renewSession(role: MatrixRole) {
    const ended = this.sessions[role];
    this.sessions[role] = await this.freshSession(role);
    await ended.dispose();
  }

  async dispose() {
    for (const session of Object.values(this.sessions)) await session.dispose();
  }
}

type Thread = { id: string; resolved: boolean; anchorStart: string; anchorEnd: string; comments: { id: string; body: string }[] };
const threadsOf = (session: AppSession, team: string, noteId: string) =>
  session.must<Thread[]>("app/t/[team]/notes/[id]/comment-actions.ts#listThreadsAction", [{ team, noteId }], { team, id: noteId });

/** Imports one Markdown file as a note and returns its id (found by its unique title on the notes list). */
async function importNote(writer: AppSession, team: string, title: string, text: string): Promise<string> {
  const file = { name: "note.md", mimeType: "text/markdown", buffer: Buffer.from(`# ${title}\n\n${text}\n`) };
  await writer.must("app/t/[team]/import/actions.ts#importAction", { form: { team, files: file } }, { team });
  const list = await (await writer.get(`/t/${team}`)).text();
  const link = [...list.matchAll(/href="\/t\/[^/]+\/notes\/([0-9a-f-]{36})">([^<]*)</g)].find(([, , shown]) => shown === title);
  if (!link) throw new Error(`the imported note "${title}" is not on the notes list`);
  return link[1];
}

/** One team's objects, made by its owner through the app: the note's first comment through the editor, the rest by actions. */
async function buildTeamObjects(browser: Browser, owner: AppSession, team: string, marker: string, memberId: string): Promise<Omit<TeamIds, "sessionId">> {
  const params = (id: string) => ({ team, id });
  const noteId = await importNote(owner, team, `${marker} note`, `${marker} says Moscow will abstain on the vote.`);

  const context = await browser.newContext({ baseURL: owner.baseURL, storageState: owner.storageState });
  const page = await context.newPage();
  await page.goto(`/t/${team}/notes/${noteId}`);
  const note = new NotePage(page);
  await note.expectSaved();
  await expect(note.body).toContainText("abstain");
  await note.body.click();
  await selectText(page, "abstain");
  await page.getByRole("button", { name: "Comment on selection" }).click({ timeout: 10_000 });
  await page.getByLabel("New comment").fill(`${marker} wants a source.`);
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("comment-thread")).toContainText(`${marker} wants a source.`);
  await context.close();
  const [thread] = await threadsOf(owner, team, noteId);

  const revisionId = await owner.must<string>("app/t/[team]/notes/[id]/history/actions.ts#saveNamedRevisionAction", [{ team, noteId, name: `${marker} version` }], params(noteId));
  const tag = `${marker.toLowerCase()}-tag`;
  await owner.must("app/t/[team]/entities-actions.ts#setNoteTagsAction", [{ team, noteId, tags: [tag] }], params(noteId));

  const briefId = await importNote(owner, team, `${marker} brief`, `${marker} brief: the vote is set for Saturday.`);
  // Published with the tag, so readers have the tag's page too (a tag only drafts carry is not found for them).
  await owner.must("app/t/[team]/entities-actions.ts#setNoteTagsAction", [{ team, noteId: briefId, tags: [tag] }], params(briefId));
  const { number } = await owner.must<{ number: number }>(
    "app/t/[team]/notes/[id]/publish-actions.ts#publishAction",
    [{ team, noteId: briefId, visibility: "team", overrideApproval: true }],
    params(briefId),
  );

  const entity = (entity: Record<string, unknown>) =>
    owner.must<{ id: string }>("app/t/[team]/entities-actions.ts#createEntityAction", [{ team, entity }], pageParams({ team })).then((created) => created.id);
  const actorId = await entity({ kind: "actor", name: `${marker} actor` });
  const actor2Id = await entity({ kind: "actor", name: `${marker} second actor` });
  const eventId = await entity({ kind: "event", name: `${marker} event`, startsOn: "2006-10-09" });
  await owner.must("app/t/[team]/entities-actions.ts#addParticipantAction", [{ team, eventId, actorId }], pageParams({ team, eventId }));
  const eventPage = await (await owner.get(`/t/${team}/events/${eventId}`)).text();
  const relationId = eventPage.match(/\\"relationId\\":\\"([0-9a-f-]{36})\\"/)![1];

  const inviteEmail = `pending@${marker.toLowerCase()}.test`;
  const invite = await owner.must<{ link: string }>("app/t/[team]/members/actions.ts#createInviteAction", [{ team, email: inviteEmail, role: "reader" }], { team });
  const inviteId = (await openInviteIds(owner, team)).get(inviteEmail)!;
  const feedToken = await owner.must<string>("app/t/[team]/feeds/actions.ts#renewFeedTokenAction", [{ team }], { team });
  const apiToken = await owner.must<{ id: string }>("app/account/api-token-actions.ts#createApiTokenAction", [{ team, name: `${marker} script`, scope: "read" }], { team });
  const resetLink = await owner.must<string>("app/t/[team]/members/actions.ts#createResetLinkAction", [{ team, userId: memberId }], { team });
  const sourceId = await createSource(owner, team, `${marker} wire report`);
  const snapshotId = await attachExcerpt(owner, team, sourceId, `${marker} excerpt: the convoy turned back.`);
  const webhookId = await createWebhook(owner, team, `${marker.toLowerCase()}-hook`);
  const templateId = await saveTemplate(owner, team, noteId, `${marker} template`);
  const collection = await owner.must<{ id: string }>("app/t/[team]/collection-actions.ts#createCollectionAction", [{ team, name: `${marker} collection` }], { team });
  return {
    team,
    noteId,
    revisionId,
    threadId: thread.id,
    commentId: thread.comments[0].id,
    anchorStart: thread.anchorStart,
    anchorEnd: thread.anchorEnd,
    tag,
    briefId,
    edition: String(number),
    actorId,
    actor2Id,
    eventId,
    relationId,
    memberId,
    inviteToken: invite.link.split("/invite/")[1],
    inviteId,
    feedToken,
    apiTokenId: apiToken.id,
    resetToken: resetLink.split("/reset-password/")[1],
    sourceId,
    snapshotId,
    webhookId,
    templateId,
    collectionId: collection.id,
  };
}

/** A team's note saved as a template of the team; its id. */
async function saveTemplate(owner: AppSession, team: string, noteId: string, name: string): Promise<string> {
  const saved = await owner.must<{ id: string }>("app/t/[team]/templates/actions.ts#saveAsTemplateAction", [{ team, noteId, name, description: "" }], { team, id: noteId });
  return saved.id;
}

/** A webhook of a team, to port 9 of this machine, where nothing listens: its deliveries fail without leaving it. */
async function createWebhook(owner: AppSession, team: string, name: string): Promise<string> {
  const created = await owner.must<{ id: string }>(
    "app/t/[team]/settings/webhooks/actions.ts#createWebhookAction",
    [{ team, url: `http://127.0.0.1:9/${name}`, events: ["source.retracted"], description: name }],
    { team },
  );
  return created.id;
}

/** A source in a team's register, graded B. */
async function createSource(owner: AppSession, team: string, title: string): Promise<string> {
  const created = await owner.must<{ id: string }>("app/t/[team]/sources/actions.ts#createSourceAction", [{ team, source: { title, kind: "media", reliability: "B" } }], pageParams({ team }));
  return created.id;
}

/** A pasted excerpt kept as a source's snapshot, as the source's page sends it. */
async function attachExcerpt(owner: AppSession, team: string, sourceId: string, text: string): Promise<string> {
  const response = await owner.request.post(`/t/${team}/sources/${sourceId}/snapshots`, { headers: { "x-snapshot-name": "", Origin: new URL(owner.baseURL).origin }, data: text });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { snapshot: { id: string } }).snapshot.id;
}
