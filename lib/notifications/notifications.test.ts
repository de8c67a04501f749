import { describe, expect, it } from "vitest";
import { createNote, renameNote } from "@/lib/notes/queries";
import { requestReview } from "@/lib/review/workflow";
import { changeRole } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, paragraphs } from "@/lib/testing/factories";
import { listNotifications, unreadCount } from "./queries";

useTestDatabase();
// Requests for review and role changes reach open editors through the running collaboration server.
useCollabServer();

describe("the inbox", () => {
  it("shows nothing about drafts to a member who has become a reader", async () => {
    const { team, owner } = await buildTeam();
    const reviewer = await buildMember(team.id, "reviewer");
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Draft on talks", content: paragraphs("Not for readers.") });
    await requestReview(note, owner.id, [reviewer.id]);
    await renameNote(team.id, note.id, "Draft on secret talks", owner.id);

    expect((await listNotifications(reviewer.id)).map((item) => [item.kind, item.noteTitle])).toEqual([["review_requested", "Draft on secret talks"]]);
    expect(await unreadCount(reviewer.id)).toBe(1);

    await changeRole(team.id, reviewer.id, "reader", owner.id);
    expect(await listNotifications(reviewer.id)).toEqual([]);
    expect(await unreadCount(reviewer.id)).toBe(0);

    // Back to reviewing drafts, the notification is there again.
    await changeRole(team.id, reviewer.id, "reviewer", owner.id);
    expect(await unreadCount(reviewer.id)).toBe(1);
  });
});
