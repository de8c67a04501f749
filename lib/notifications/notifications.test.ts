import { describe, expect, it } from "vitest";
import { follow } from "@/lib/follows/queries";
import { createNote, findNote, renameNote } from "@/lib/notes/queries";
import { publishNote, unpublishNote } from "@/lib/publishing/publish";
import { requestReview } from "@/lib/review/workflow";
import { changeRole, removeMember } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, paragraphs } from "@/lib/testing/factories";
import { listNotifications, markAllRead, unreadCount } from "./queries";

useTestDatabase();
// Requests for review, role changes and publications reach open editors through the running collaboration server.
useCollabServer();

describe("the inbox", () => {
  it("shows nothing about drafts to a member who has become a reader", async () => {
    const { team, owner } = await buildTeam();
    const reviewer = await buildMember(team.id, "reviewer");
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Draft on talks", content: paragraphs("Not for readers.") });
    await requestReview(note, owner.id, [reviewer.id]);
    await renameNote(team.id, note.id, "Draft on secret talks", owner.id);

    expect((await listNotifications(reviewer.id)).map((item) => [item.kind, item.title])).toEqual([["review_requested", "Draft on secret talks"]]);
    expect(await unreadCount(reviewer.id)).toBe(1);

    await changeRole(team.id, reviewer.id, "reader", owner.id);
    expect(await listNotifications(reviewer.id)).toEqual([]);
    expect(await unreadCount(reviewer.id)).toBe(0);

    // Back to reviewing drafts, the notification is there again.
    await changeRole(team.id, reviewer.id, "reviewer", owner.id);
    expect(await unreadCount(reviewer.id)).toBe(1);
  });
});

describe("the inbox of a follower", () => {
  it("shows a reader the new edition of a brief they follow, titled and linked as published, until it is withdrawn or they leave", async () => {
    const { team, owner } = await buildTeam();
    const reader = await buildMember(team.id, "reviewer");
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Harbour brief", content: paragraphs("The port reopened.") });
    // Asked to review while a reviewer; then a reader, who must not see that.
    await requestReview(note, owner.id, [reader.id]);
    await changeRole(team.id, reader.id, "reader", owner.id);
    const publish = async (summary: string) =>
      publishNote((await findNote(note.id))!, owner, "owner", { visibility: "team", summary, overrideApproval: true });
    await publish("");
    await follow({ actor: { userId: reader.id, teamId: team.id, role: "reader" }, team }, { noteId: note.id });
    const edition = await publish("Adds the night shipping.");
    // The draft's title changes after publishing: the inbox shows the title the reader can read.
    await renameNote(team.id, note.id, "Harbour brief (secret sources)", owner.id);

    expect(await listNotifications(reader.id)).toEqual([
      expect.objectContaining({
        kind: "edition_published",
        actorName: owner.name,
        title: "Harbour brief",
        editionNumber: 2,
        excerpt: "Adds the night shipping.",
        href: `/b/${team.slug}/${note.id}/2`,
        readAt: null,
      }),
    ]);
    expect(edition.number).toBe(2);
    expect(await unreadCount(reader.id)).toBe(1);

    await markAllRead(reader.id);
    expect(await unreadCount(reader.id)).toBe(0);
    expect((await listNotifications(reader.id)).map((item) => item.kind)).toEqual(["edition_published"]);

    // Withdrawn, it is no longer theirs to read.
    await unpublishNote((await findNote(note.id))!, owner);
    expect(await listNotifications(reader.id)).toEqual([]);
  });

  it("shows nothing to a follower who left the team", async () => {
    const { team, owner } = await buildTeam();
    const reader = await buildMember(team.id, "reader");
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Harbour brief", content: paragraphs("The port reopened.") });
    const publish = async () => publishNote((await findNote(note.id))!, owner, "owner", { visibility: "public", summary: "", overrideApproval: true });
    await publish();
    await follow({ actor: { userId: reader.id, teamId: team.id, role: "reader" }, team }, { noteId: note.id });
    await publish();
    expect(await unreadCount(reader.id)).toBe(1);

    // Even a public edition, which anyone may read, leaves their inbox with the team.
    await removeMember(team.id, reader.id, owner.id);
    expect(await listNotifications(reader.id)).toEqual([]);
    expect(await unreadCount(reader.id)).toBe(0);
  });
});
