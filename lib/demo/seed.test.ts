import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { notes, teams } from "@/db/schema";
import { draftEndnotes } from "@/lib/sources/edition-citations";
import { sourceSummary } from "@/lib/sources/source-summary";
import { useTestDatabase } from "@/lib/testing/database";
import { DEMO_TEAM } from "./accounts";
import { seedDemo } from "./seed";

useTestDatabase();

describe("the demo", () => {
  it("has a brief citing graded sources of its register", async () => {
    expect(await seedDemo()).toBe(true);
    const [team] = await db().select().from(teams).where(eq(teams.slug, DEMO_TEAM.slug));
    const [brief] = await db().select().from(notes).where(eq(notes.title, "Security Council answers the North Korean test"));
    const endnotes = await draftEndnotes(team.id, brief.content!);
    expect(endnotes.map((e) => `${e.ordinal} ${e.sourceTitle} ${e.reliability}${e.credibility} ${e.locator}`.trim())).toEqual([
      "1 Security Council press release SC/8853 A1",
      "2 Resolution 1718 (2006), S/RES/1718 A1 operative paragraph 8",
    ]);
    expect(sourceSummary(endnotes)).toBe("This brief rests on 2 sources (1 document, 1 official statement) cited 2 times; reliability is A, and no citation is graded below C3.");
  });
});
