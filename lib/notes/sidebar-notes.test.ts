import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { notes } from "@/db/schema";
import type { Actor } from "@/lib/policies";
import { recordRevision } from "@/lib/revisions/create";
import { decideReview, requestReview } from "@/lib/review/workflow";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, buildUser } from "@/lib/testing/factories";
import { addMember } from "@/lib/teams/queries";
import { createNote, deleteNote, findNote, renameNote } from "./queries";
import { SIDEBAR_LIST_LENGTH, sidebarNotes } from "./sidebar-notes";
import { isStarred, setNoteStar } from "./stars";

useTestDatabase();
// Asking for review and deleting a note tell the note's open editors, through a running collaboration server.
useCollabServer();

const as = (userId: string, teamId: string, role: Actor["role"]): Actor => ({ userId, teamId, role });
const titles = (list: { title: string }[]) => list.map((note) => note.title);

/** An analyst who is also an analyst of a second team, each team with a note of theirs. */
async function analystOfTwoTeams() {
  const { team, owner } = await buildTeam();
  const other = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  await addMember(other.team.id, analyst.id, "analyst");
  const ours = await createNote({ teamId: team.id, userId: analyst.id, title: "Ours" });
  const theirs = await createNote({ teamId: other.team.id, userId: analyst.id, title: "Theirs" });
  return { team, owner, other: other.team, analyst, ours, theirs };
}

describe("the sidebar's lists of notes", () => {
  it("lists the member's starred notes, newest star first, and a note unstarred no more", async () => {
    const { team, analyst, ours } = await analystOfTwoTeams();
    const second = await createNote({ teamId: team.id, userId: analyst.id, title: "Second" });
    await setNoteStar(analyst.id, ours, true);
    await setNoteStar(analyst.id, second, true);
    await setNoteStar(analyst.id, second, true); // Twice is one star.
    expect(titles((await sidebarNotes(as(analyst.id, team.id, "analyst")))!.starred)).toEqual(["Second", "Ours"]);

    await setNoteStar(analyst.id, second, false);
    expect(titles((await sidebarNotes(as(analyst.id, team.id, "analyst")))!.starred)).toEqual(["Ours"]);
    expect(await isStarred(analyst.id, second.id)).toBe(false);
  });

  it("never lists another team's notes, starred, changed or waiting for review", async () => {
    const { team, other, analyst, ours, theirs } = await analystOfTwoTeams();
    await setNoteStar(analyst.id, theirs, true);
    await requestReview(theirs, analyst.id, []);
    const lists = (await sidebarNotes(as(analyst.id, team.id, "analyst")))!;
    expect(lists).toEqual({ starred: [], recent: [{ id: ours.id, title: "Ours" }], waitingForReview: [] });
    // The other team's sidebar has them.
    const there = (await sidebarNotes(as(analyst.id, other.id, "analyst")))!;
    expect([titles(there.starred), titles(there.recent), titles(there.waitingForReview)]).toEqual([["Theirs"], ["Theirs"], ["Theirs"]]);
  });

  it("drops a deleted note from every list", async () => {
    const { team, owner, analyst, ours } = await analystOfTwoTeams();
    await setNoteStar(analyst.id, ours, true);
    await requestReview(ours, analyst.id, []);
    const before = (await sidebarNotes(as(analyst.id, team.id, "analyst")))!;
    expect([titles(before.starred), titles(before.recent), titles(before.waitingForReview)]).toEqual([["Ours"], ["Ours"], ["Ours"]]);

    await deleteNote(team.id, ours.id, owner.id);
    expect(await sidebarNotes(as(analyst.id, team.id, "analyst"))).toEqual({ starred: [], recent: [], waitingForReview: [] });
  });

  it("counts as changed what the member created, changed last or contributed to a revision of", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    await createNote({ teamId: team.id, userId: analyst.id, title: "Created" });
    const renamed = await buildNote(team.id, owner.id);
    await renameNote(team.id, renamed.id, "Renamed", analyst.id);
    const contributed = await createNote({ teamId: team.id, userId: owner.id, title: "Contributed" });
    // What a store records of the analyst's edits, then the revision that takes them.
    await db().update(notes).set({ pendingContributors: [analyst.id] }).where(eq(notes.id, contributed.id));
    await recordRevision(contributed.id, { reason: "auto" });
    await createNote({ teamId: team.id, userId: owner.id, title: "Not theirs" });

    expect(titles((await sidebarNotes(as(analyst.id, team.id, "analyst")))!.recent)).toEqual(["Contributed", "Renamed", "Created"]);
  });

  it("lists only the member's own drafts waiting for review, not once decided or another's", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const reviewer = await buildMember(team.id, "reviewer");
    const mine = await createNote({ teamId: team.id, userId: analyst.id, title: "Mine" });
    const owners = await createNote({ teamId: team.id, userId: owner.id, title: "The owner's" });
    await createNote({ teamId: team.id, userId: analyst.id, title: "Still a draft" });
    await requestReview(mine, analyst.id, []);
    await requestReview(owners, owner.id, []);

    expect(titles((await sidebarNotes(as(analyst.id, team.id, "analyst")))!.waitingForReview)).toEqual(["Mine"]);
    // Sent back for changes, it is a draft again, waiting for its author.
    await decideReview((await findNote(mine.id))!, reviewer.id, "request_changes", "Add the Russian position.");
    expect((await sidebarNotes(as(analyst.id, team.id, "analyst")))!.waitingForReview).toEqual([]);
    // A reviewer has no drafts of their own waiting, and sees a note they may read that they starred.
    await setNoteStar(reviewer.id, owners, true);
    const reviewers = (await sidebarNotes(as(reviewer.id, team.id, "reviewer")))!;
    expect([titles(reviewers.starred), reviewers.waitingForReview]).toEqual([["The owner's"], []]);
  });

  it("gives a reader no lists: to them a draft does not exist", async () => {
    const { team, owner } = await buildTeam();
    const reader = await buildUser();
    await addMember(team.id, reader.id, "reader");
    const note = await buildNote(team.id, owner.id);
    // A star left from when they read drafts (a role changed since) shows nothing.
    await setNoteStar(reader.id, note, true);
    expect(await sidebarNotes(as(reader.id, team.id, "reader"))).toBeNull();
  });

  it("shows at most a short list, the latest first", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    for (let i = 1; i <= SIDEBAR_LIST_LENGTH + 2; i++) await setNoteStar(analyst.id, await createNote({ teamId: team.id, userId: analyst.id, title: `Note ${i}` }), true);
    const lists = (await sidebarNotes(as(analyst.id, team.id, "analyst")))!;
    expect(lists.starred).toHaveLength(SIDEBAR_LIST_LENGTH);
    expect(lists.starred[0].title).toBe(`Note ${SIDEBAR_LIST_LENGTH + 2}`);
    expect(lists.recent).toHaveLength(SIDEBAR_LIST_LENGTH);
  });
});
