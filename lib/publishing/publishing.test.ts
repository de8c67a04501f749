import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, type Note, type Role, type User, type Visibility } from "@/db/schema";
import { createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { replaceMentions } from "@/lib/collab/registry";
import { createNote, findNote, renameNote } from "@/lib/notes/queries";
import { decideReview, requestReview } from "@/lib/review/workflow";
import { appendParagraph, eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildMember, buildTeam, mention, mentionDoc, paragraphs } from "@/lib/testing/factories";
import { publishNote, unpublishNote } from "./publish";
import { readListView } from "@/lib/lists/list-view";
import { BRIEF_SORTS } from "./brief-sorts";
import { findEdition, frontPageBriefs, frontPageBriefsPage, listEditions, publishedBriefs } from "./queries";

useTestDatabase();
// Edits (and mention rewrites) reach the note through a running collaboration server, as from the editor.
const collab = useCollabServer();

const actor = (teamId: string, userId: string, name: string) => createEntity(teamId, userId, { kind: "actor", ...actorInput.parse({ name }) });
const event = (teamId: string, userId: string, name: string) => createEntity(teamId, userId, { kind: "event", ...eventInput.parse({ name }) });

async function teamWithDraft() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const colleague = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const iran = await actor(team.id, owner.id, "Iran");
  const talks = await event(team.id, owner.id, "Vienna talks");
  const note = await createNote({
    teamId: team.id,
    userId: analyst.id,
    title: "Iran at the table",
    content: mentionDoc(["Talks with ", mention(iran), " at ", mention(talks), " resumed."], ["No deal yet."]),
  });
  return { team, owner, analyst, colleague, reviewer, iran, talks, note };
}

/** The note as the next page load reads it. */
const current = async (noteId: string) => (await findNote(noteId))!;

/** An analyst asks the reviewer, who approves the text as it is now. */
async function approve(noteId: string, analyst: User, reviewer: User) {
  await requestReview(await current(noteId), analyst.id, [reviewer.id]);
  await decideReview(await current(noteId), reviewer.id, "approve", "Good to go.");
}

async function publish(noteId: string, user: User, role: Role, options: { visibility?: Visibility; summary?: string; overrideApproval?: boolean } = {}) {
  return publishNote(await current(noteId), user, role, { visibility: "team", summary: "", overrideApproval: false, ...options });
}

/** An editor adds a paragraph through Yjs; resolves once the store has written it. */
async function edit(note: Note, userId: string, text: string) {
  const editor = await collab().connect(note.id, userId);
  await eventually(() => expect(editor.provider.isSynced).toBe(true));
  appendParagraph(editor.doc, text);
  await eventually(async () => expect((await current(note.id)).text).toContain(text));
  return editor;
}

const audited = (noteId: string, action: string) =>
  db()
    .select({ userId: auditLog.userId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.target, noteId), eq(auditLog.action, action)))
    .orderBy(asc(auditLog.createdAt));

describe("publishing a note", () => {
  it("publishes an approved note as edition 1, with its title, text, actors, events and authors", async () => {
    const { team, analyst, colleague, reviewer, iran, talks, note } = await teamWithDraft();
    await edit(note, colleague.id, "Sources in Tehran agree.");
    await approve(note.id, analyst, reviewer);

    const edition = await publish(note.id, analyst, "analyst", { visibility: "public", summary: "Talks resumed." });
    expect(edition).toMatchObject({
      number: 1,
      teamId: team.id,
      title: "Iran at the table",
      text: "Talks with Iran at Vienna talks resumed.\nNo deal yet.\nSources in Tehran agree.",
      summary: "Talks resumed.",
      visibility: "public",
      publishedBy: analyst.id,
      approvalOverridden: null,
      withdrawnAt: null,
    });
    expect(edition.dateline).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect([...edition.entities].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: iran.id, kind: "actor", name: "Iran" },
      { id: talks.id, kind: "event", name: "Vienna talks" },
    ]);
    expect(edition.authors).toEqual([analyst.name, colleague.name].sort());

    expect((await current(note.id)).status).toBe("published");
    expect((await current(note.id)).kind).toBe("brief");
    const found = await findEdition(team.slug, note.id);
    expect(found.edition.id).toBe(edition.id);
    expect(found.total).toBe(1);
    expect(await audited(note.id, "note.published")).toEqual([{ userId: analyst.id, data: { edition: 1, visibility: "public", marking: "clear" } }]);
  });

  it("names only the team's own actors and events, not another team's mentioned by id", async () => {
    const { team, owner, analyst, reviewer, iran } = await teamWithDraft();
    const elsewhere = await buildTeam();
    const theirs = await actor(elsewhere.team.id, elsewhere.owner.id, "Persia");
    const note = await createNote({ teamId: team.id, userId: analyst.id, title: "Two names", content: mentionDoc([mention(iran), " and ", mention(theirs), "."]) });
    await approve(note.id, analyst, reviewer);

    const edition = await publish(note.id, owner, "owner");
    expect(edition.entities).toEqual([{ id: iran.id, kind: "actor", name: "Iran" }]);
    expect(await publishedBriefs(team.id, { entityId: theirs.id })).toEqual([]);
  });

  it("keeps an edition as it was published when the note changes afterwards", async () => {
    const { team, analyst, reviewer, note } = await teamWithDraft();
    await approve(note.id, analyst, reviewer);
    const published = await publish(note.id, analyst, "analyst");

    await edit(note, analyst.id, "A later paragraph.");
    await renameNote(team.id, note.id, "A new title", analyst.id);
    expect((await current(note.id)).text).toContain("A later paragraph.");

    const { edition } = await findEdition(team.slug, note.id, 1);
    expect(edition).toEqual(published);
    expect(edition.title).toBe("Iran at the table");
    expect(edition.text).not.toContain("A later paragraph.");
  });

  it("refuses a note that is not approved as it is now, unless an owner overrides, which is recorded", async () => {
    const { team, owner, analyst, reviewer, note } = await teamWithDraft();

    const analystRefused = await rejectionOf(publish(note.id, analyst, "analyst"));
    expect(analystRefused.code).toBe("bad_request");
    expect(analystRefused.message).toBe("Publishing needs an approval of the text as it is now: request a review first.");
    const analystOverride = await rejectionOf(publish(note.id, analyst, "analyst", { overrideApproval: true }));
    expect(analystOverride.code).toBe("forbidden");
    expect(analystOverride.message).toBe("Only an owner can publish without approval.");
    expect((await rejectionOf(publish(note.id, owner, "owner"))).code).toBe("bad_request");

    // An approval stops holding once the text changes, even before the change is stored.
    await approve(note.id, analyst, reviewer);
    const editor = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(editor.provider.isSynced).toBe(true));
    appendParagraph(editor.doc, "Written after the approval.");
    await eventually(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));
    expect((await rejectionOf(publish(note.id, analyst, "analyst"))).code).toBe("bad_request");
    expect((await rejectionOf(publish(note.id, owner, "owner"))).code).toBe("bad_request");

    expect(await listEditions(note.id)).toEqual([]);
    expect((await current(note.id)).status).toBe("approved");
    expect(await audited(note.id, "note.published")).toEqual([]);

    const edition = await publish(note.id, owner, "owner", { overrideApproval: true });
    expect(edition).toMatchObject({ number: 1, approvalOverridden: "owner", publishedBy: owner.id });
    expect(edition.text).toContain("Written after the approval.");
    expect((await findEdition(team.slug, note.id)).edition.approvalOverridden).toBe("owner");
    expect(await audited(note.id, "note.published")).toEqual([{ userId: owner.id, data: { edition: 1, visibility: "team", marking: "clear", approvalOverridden: true } }]);
  });

  it("names as authors everyone whose edits are in the published text", async () => {
    const { owner, analyst, colleague, note } = await teamWithDraft();
    // The colleague's edit is stored, and no revision has been made since: the editor is still open.
    await edit(note, colleague.id, "A paragraph from a colleague.");

    const edition = await publish(note.id, owner, "owner", { overrideApproval: true });
    expect(edition.text).toContain("A paragraph from a colleague.");
    expect(edition.authors).toEqual([analyst.name, colleague.name].sort());
  });

  it("refuses to publish an empty note", async () => {
    const { team, owner } = await teamWithDraft();
    const empty = await createNote({ teamId: team.id, userId: owner.id, title: "Nothing yet", content: paragraphs("") });
    const error = await rejectionOf(publish(empty.id, owner, "owner", { overrideApproval: true }));
    expect(error.code).toBe("bad_request");
    expect(error.message).toBe("There is nothing to publish yet: the note is empty.");
    expect(await listEditions(empty.id)).toEqual([]);
  });

  it("publishes edition 2 after a new approval, and unpublishing withdraws both", async () => {
    const { team, owner, analyst, reviewer, note } = await teamWithDraft();
    await approve(note.id, analyst, reviewer);
    const first = await publish(note.id, analyst, "analyst");

    await edit(note, analyst.id, "Update: a second round is planned.");
    expect((await rejectionOf(publish(note.id, analyst, "analyst"))).code).toBe("bad_request");
    await approve(note.id, analyst, reviewer);
    const second = await publish(note.id, analyst, "analyst");

    expect(second.number).toBe(2);
    expect(second.text).toContain("Update: a second round is planned.");
    expect((await listEditions(note.id)).map((e) => e.number)).toEqual([2, 1]);
    const latest = await findEdition(team.slug, note.id);
    expect([latest.edition.id, latest.total]).toEqual([second.id, 2]);
    expect((await findEdition(team.slug, note.id, 1)).edition).toEqual(first);
    expect((await publishedBriefs(team.id)).map((e) => e.id)).toEqual([second.id]);

    await unpublishNote(await current(note.id), owner);
    for (const number of [undefined, 1, 2]) {
      const error = await rejectionOf(findEdition(team.slug, note.id, number));
      expect(error.code).toBe("not_found");
    }
    expect((await listEditions(note.id)).map((e) => [e.number, e.withdrawnBy])).toEqual([
      [2, owner.id],
      [1, owner.id],
    ]);
    expect(await publishedBriefs(team.id)).toEqual([]);
    expect((await current(note.id)).status).toBe("draft");
    expect(await audited(note.id, "note.unpublished")).toEqual([{ userId: owner.id, data: { editions: 2 } }]);

    const again = await rejectionOf(unpublishNote(await current(note.id), owner));
    expect(again.code).toBe("bad_request");
    expect(again.message).toBe("This brief is not published.");
  });
});

describe("the published briefs", () => {
  it("lists the latest live edition of each note, newest first, public ones only for the public, and by actor or event", async () => {
    const { team, owner, iran, talks } = await teamWithDraft();
    const brief = (title: string, ...blocks: Parameters<typeof mentionDoc>) => createNote({ teamId: team.id, userId: owner.id, title, content: mentionDoc(...blocks) });
    const override = { overrideApproval: true };

    const aboutIran = await brief("About Iran", ["On ", mention(iran), "."]);
    const aboutTalks = await brief("About the talks", ["On ", mention(talks), "."]);
    const aboutBoth = await brief("About both", [mention(iran), " at ", mention(talks), "."]);
    const withdrawn = await brief("Withdrawn", ["On ", mention(iran), "."]);
    const draft = await brief("Still a draft", ["On ", mention(iran), "."]);
    const elsewhere = await buildTeam();
    const theirs = await createNote({ teamId: elsewhere.team.id, userId: elsewhere.owner.id, title: "Theirs", content: paragraphs("Their brief.") });

    const iran1 = await publish(aboutIran.id, owner, "owner", { ...override, visibility: "public" });
    const talks1 = await publish(aboutTalks.id, owner, "owner", { ...override, visibility: "team" });
    await publish(aboutBoth.id, owner, "owner", { ...override, visibility: "team" });
    await publish(withdrawn.id, owner, "owner", { ...override, visibility: "public" });
    await publish(theirs.id, elsewhere.owner, "owner", { ...override, visibility: "public" });
    // Edition 2 of "About both", now public: it moves to the top, in place of edition 1.
    const both2 = await publish(aboutBoth.id, owner, "owner", { ...override, visibility: "public" });
    await unpublishNote(await current(withdrawn.id), owner);
    expect((await current(draft.id)).status).toBe("draft");

    const listed = async (options: Parameters<typeof publishedBriefs>[1]) =>
      (await publishedBriefs(team.id, options)).map((e) => [e.title, e.number, e.visibility]);

    expect(await listed({})).toEqual([
      ["About both", 2, "public"],
      ["About the talks", 1, "team"],
      ["About Iran", 1, "public"],
    ]);
    expect((await publishedBriefs(team.id)).map((e) => e.id)).toEqual([both2.id, talks1.id, iran1.id]);
    expect(await listed({ publicOnly: true })).toEqual([
      ["About both", 2, "public"],
      ["About Iran", 1, "public"],
    ]);
    expect(await listed({ entityId: iran.id })).toEqual([
      ["About both", 2, "public"],
      ["About Iran", 1, "public"],
    ]);
    expect(await listed({ entityId: talks.id })).toEqual([
      ["About both", 2, "public"],
      ["About the talks", 1, "team"],
    ]);
    expect(await listed({ entityId: talks.id, publicOnly: true })).toEqual([["About both", 2, "public"]]);
    expect(await listed({ limit: 1 })).toEqual([["About both", 2, "public"]]);

    // Edition 2 of "About the talks" no longer mentions them: edition 1 does not stand in for it.
    await replaceMentions([aboutTalks.id], talks.id, null, owner.id);
    await eventually(async () => expect((await current(aboutTalks.id)).content).not.toEqual(aboutTalks.content));
    await publish(aboutTalks.id, owner, "owner", override);
    expect(await listed({ entityId: talks.id })).toEqual([["About both", 2, "public"]]);
  });

  it("gives the front page the same briefs without their bodies, with the start of their text", async () => {
    const { team, owner, iran } = await teamWithDraft();
    const long = "The talks resumed. ".repeat(100).trim();
    for (const title of ["Long", "Short"]) {
      const note = await createNote({ teamId: team.id, userId: owner.id, title, content: title === "Long" ? paragraphs(long) : mentionDoc(["On ", mention(iran), "."]) });
      await publish(note.id, owner, "owner", { overrideApproval: true });
    }

    const whole = await publishedBriefs(team.id);
    const listed = await frontPageBriefs(team.id);
    expect(listed.map((b) => [b.title, b.number, b.entities])).toEqual(whole.map((b) => [b.title, b.number, b.entities]));
    expect(listed.map((b) => b.text)).toEqual(["On Iran.", long.slice(0, 400)]);
    expect(listed.every((b) => !("content" in b))).toBe(true);
    expect(await frontPageBriefs(team.id, { entityId: iran.id })).toEqual([listed[0]]);
  });

  it("pages the front page in the order asked for, every brief on exactly one page", async () => {
    const { team, owner, iran } = await teamWithDraft();
    for (const title of ["bravo", "Charlie", "alpha", "Delta", "echo"]) {
      const note = await createNote({ teamId: team.id, userId: owner.id, title, content: mentionDoc([title, " on ", mention(iran), "."]) });
      await publish(note.id, owner, "owner", { overrideApproval: true });
    }
    const pages = async (query: Record<string, string>, filters = {}) => {
      const seen: string[][] = [];
      for (let page = 1; page <= 3; page++) {
        const { briefs, total } = await frontPageBriefsPage(team.id, filters, readListView({ ...query, page: String(page) }, BRIEF_SORTS, "published", 2));
        expect(total).toBe(5);
        seen.push(briefs.map((brief) => brief.title));
      }
      return seen;
    };
    expect(await pages({})).toEqual([["echo", "Delta"], ["alpha", "Charlie"], ["bravo"]]);
    expect(await pages({ dir: "asc" })).toEqual([["bravo", "Charlie"], ["alpha", "Delta"], ["echo"]]);
    // By title, whatever the case of its first letter.
    expect(await pages({ sort: "title" })).toEqual([["alpha", "bravo"], ["Charlie", "Delta"], ["echo"]]);
    expect(await pages({ sort: "title", dir: "desc" }, { entityId: iran.id })).toEqual([["echo", "Delta"], ["Charlie", "bravo"], ["alpha"]]);
    expect(await frontPageBriefsPage(team.id, { tag: "none-such" }, readListView({}, BRIEF_SORTS, "published", 2))).toEqual({ briefs: [], total: 0 });
  });
});
