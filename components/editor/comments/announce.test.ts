import { describe, expect, it } from "vitest";
import type { ThreadView } from "@/lib/comments/queries";
import { commentIds, newCommentsAnnouncement } from "./announce";

const comment = (id: string, authorId: string, authorName: string, body: string) => ({ id, authorId, authorName, body, createdAt: new Date(0), edited: false });
const thread = (...comments: ReturnType<typeof comment>[]) => ({ id: `t-${comments[0].id}`, comments }) as unknown as ThreadView;

describe("announcing comments that arrive", () => {
  const before = [thread(comment("a", "me", "Me", "Is this sourced?"))];

  it("says who wrote a new comment and how it starts", () => {
    const after = [...before, thread(comment("b", "kim", "Kim Lee", "The second   paragraph\nneeds a source."))];
    expect(newCommentsAnnouncement(commentIds(before), after, "me")).toBe("New comment from Kim Lee: The second paragraph needs a source.");
  });

  it("counts several, names each writer once, and cuts a long one", () => {
    const after = [thread(comment("a", "me", "Me", "Is this sourced?"), comment("b", "kim", "Kim", "Yes.")), thread(comment("c", "kim", "Kim", "x".repeat(200)), comment("d", "ana", "Ana", "No."))];
    expect(newCommentsAnnouncement(commentIds(before), after, "me")).toBe("3 new comments, from Kim, Ana.");
    const long = newCommentsAnnouncement(commentIds(before), [...before, thread(comment("e", "ana", "Ana", "y".repeat(200)))], "me");
    expect(long).toBe(`New comment from Ana: ${"y".repeat(79)}…`);
  });

  it("says nothing of one's own comments or when nothing is new", () => {
    expect(newCommentsAnnouncement(commentIds(before), [...before, thread(comment("b", "me", "Me", "Mine."))], "me")).toBeNull();
    expect(newCommentsAnnouncement(commentIds(before), before, "me")).toBeNull();
  });
});
