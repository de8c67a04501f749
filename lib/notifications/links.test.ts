import { describe, expect, it } from "vitest";
import { notificationLink } from "./links";

const NOTE = "00000000-0000-4000-8000-0000000000f1";
const THREAD = "00000000-0000-4000-8000-0000000000c1";
const at = { teamSlug: "harbour", noteId: NOTE, threadId: null, editionNumber: null };

describe("where a notification leads", () => {
  it("takes a comment to its thread, a review to the note and a new edition to its reading page", () => {
    expect(notificationLink({ ...at, kind: "replied", threadId: THREAD })).toBe(`/t/harbour/notes/${NOTE}?thread=${THREAD}`);
    expect(notificationLink({ ...at, kind: "mentioned", threadId: THREAD })).toBe(`/t/harbour/notes/${NOTE}?thread=${THREAD}`);
    expect(notificationLink({ ...at, kind: "review_requested" })).toBe(`/t/harbour/notes/${NOTE}`);
    expect(notificationLink({ ...at, kind: "edition_published", editionNumber: 3 })).toBe(`/b/harbour/${NOTE}/3`);
  });

  it("takes a source in question to the draft that cites it, or to the edition", () => {
    expect(notificationLink({ ...at, kind: "source_questioned" })).toBe(`/t/harbour/notes/${NOTE}`);
    expect(notificationLink({ ...at, kind: "edition_source_questioned", editionNumber: 2 })).toBe(`/b/harbour/${NOTE}/2`);
    expect(notificationLink({ ...at, kind: "edition_source_questioned" })).toBeNull();
  });

  it("leads nowhere once what it pointed at is gone", () => {
    expect(notificationLink({ ...at, kind: "review_decided", noteId: null })).toBeNull();
    expect(notificationLink({ ...at, kind: "edition_published" })).toBeNull();
  });
});
