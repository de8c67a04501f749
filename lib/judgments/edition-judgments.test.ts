import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, editions, notes, revisions, type User } from "@/db/schema";
import { restoreNoteBody } from "@/lib/collab/body-edits";
import type { DocNode } from "@/lib/editor/document";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote, unpublishNote } from "@/lib/publishing/publish";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam, judgedDoc, judgmentItem } from "@/lib/testing/factories";
import { atomFeed } from "@/lib/publishing/feeds";
import { citedDocumentHtml } from "@/lib/publishing/render";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import { judgmentChangesHtml } from "./changes-html";
import { judgmentsOfEdition, judgmentsOfEditions } from "./edition-judgments";
import { judgmentHistory } from "./history";
import { judgmentRationales } from "./rationales";

useTestDatabase();
// Publishing tells open editors through the running collaboration server.
const collab = useCollabServer();

const FIRST = [
  judgmentItem("North Korea will likely conduct a nuclear test before the party congress.", { id: "test", confidence: "moderate" }),
  judgmentItem("China will very likely veto new sanctions at the Security Council.", { id: "veto", confidence: "high" }),
  judgmentItem("Talks in Geneva are unlikely to resume this year.", { id: "talks", confidence: "moderate" }),
  judgmentItem("Pyongyang will likely launch a satellite in the spring.", { id: "satellite", confidence: "low" }),
  judgmentItem("Seoul will likely expel the envoy before the summit.", { id: "envoy", confidence: "low" }),
];

const SECOND = [
  // raised: likely → very likely
  judgmentItem("North Korea will very likely conduct a nuclear test before the party congress.", { id: "test", confidence: "moderate" }),
  // lowered: very likely → likely
  judgmentItem("China will likely veto new sanctions at the Security Council.", { id: "veto", confidence: "high" }),
  // confidence changed: moderate → high
  judgmentItem("Talks in Geneva are unlikely to resume this year.", { id: "talks", confidence: "high" }),
  // reworded: same likelihood and confidence
  judgmentItem("Pyongyang will likely launch a reconnaissance satellite in the spring.", { id: "satellite", confidence: "low" }),
  // new; "envoy" is withdrawn
  judgmentItem("Moscow will likely ship fuel across the Tumen bridge.", { id: "fuel", confidence: "moderate" }),
];

const REASONS = {
  test: "Tunnel work at Punggye-ri resumed in March.",
  veto: "Beijing abstained twice since January.",
  talks: "Both delegations confirmed the calendar.",
  envoy: "The envoy left of his own accord.",
  fuel: "Rail traffic across the bridge tripled.",
};

async function publishedNote(content: DocNode) {
  const { team, owner } = await buildTeam();
  const note = await createNote({ teamId: team.id, userId: owner.id, title: "Nuclear test", content });
  const first = await publish(note.id, owner);
  return { team, owner, note, first };
}

async function publish(noteId: string, owner: User, rationales?: Record<string, string>) {
  return publishNote((await findNote(noteId))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true, rationales });
}

/** Makes the body say `content`, as an editor typing would. */
const rewrite = (noteId: string, owner: User, content: DocNode) => restoreNoteBody(collab().hocuspocus, noteId, owner.id, content, async () => {});

async function writtenFor(noteId: string) {
  const [[editionCount], [revisionCount], [auditCount]] = await Promise.all([
    db().select({ n: count() }).from(editions).where(eq(editions.noteId, noteId)),
    db().select({ n: count() }).from(revisions).where(eq(revisions.noteId, noteId)),
    db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.target, noteId), eq(auditLog.action, "note.published"))),
  ]);
  return { editions: editionCount.n, revisions: revisionCount.n, audit: auditCount.n };
}

describe("the first edition's judgments", () => {
  it("are all new, and publishing asks no reason for any", async () => {
    const { first } = await publishedNote(judgedDoc(FIRST, "The test site is busy."));

    const frozen = await judgmentsOfEdition(first.id);
    expect(frozen.map(({ key, ordinal, change, likelihoodTerm, likelihoodRank, confidence, rationale, previousText }) => ({ key, ordinal, change, likelihoodTerm, likelihoodRank, confidence, rationale, previousText }))).toEqual([
      { key: "test", ordinal: 1, change: "new", likelihoodTerm: "likely", likelihoodRank: 5, confidence: "moderate", rationale: null, previousText: null },
      { key: "veto", ordinal: 2, change: "new", likelihoodTerm: "very likely", likelihoodRank: 6, confidence: "high", rationale: null, previousText: null },
      { key: "talks", ordinal: 3, change: "new", likelihoodTerm: "unlikely", likelihoodRank: 3, confidence: "moderate", rationale: null, previousText: null },
      { key: "satellite", ordinal: 4, change: "new", likelihoodTerm: "likely", likelihoodRank: 5, confidence: "low", rationale: null, previousText: null },
      { key: "envoy", ordinal: 5, change: "new", likelihoodTerm: "likely", likelihoodRank: 5, confidence: "low", rationale: null, previousText: null },
    ]);
  });
});

describe("a later edition whose judgments changed", () => {
  it("is refused without a reason for each change, naming them, and writes nothing", async () => {
    const { note, owner } = await publishedNote(judgedDoc(FIRST, "The test site is busy."));
    await rewrite(note.id, owner, judgedDoc(SECOND, "The test site is busier."));
    const before = await writtenFor(note.id);

    const refusal = publish(note.id, owner);
    await expect(refusal).rejects.toThrow(
      "Say in a line why these 5 judgments changed before publishing: " +
        "“North Korea will very likely conduct a nuclear test befor…” (likelihood raised); " +
        "“China will likely veto new sanctions at the Security Coun…” (likelihood lowered); " +
        "“Talks in Geneva are unlikely to resume this year.” (confidence changed); " +
        "“Moscow will likely ship fuel across the Tumen bridge.” (new); " +
        "“Seoul will likely expel the envoy before the summit.” (withdrawn).",
    );
    // Reasons for some, or a reason of blanks, are no better.
    await expect(publish(note.id, owner, { ...REASONS, talks: "   " })).rejects.toThrow("Say in a line why this judgment changed before publishing: “Talks in Geneva");

    expect(await writtenFor(note.id)).toEqual(before);
    expect(before.editions).toBe(1);
  });

  it("publishes with a reason for each, and freezes each judgment with its change, what it was and why", async () => {
    const { note, owner } = await publishedNote(judgedDoc(FIRST, "The test site is busy."));
    await rewrite(note.id, owner, judgedDoc(SECOND, "The test site is busier."));

    const second = await publish(note.id, owner, { ...REASONS, satellite: "Not asked for, and not kept." });
    expect(second.number).toBe(2);
    const frozen = await judgmentsOfEdition(second.id);
    expect(
      frozen.map(({ key, ordinal, change, text, likelihoodTerm, confidence, previousText, previousLikelihoodTerm, previousLikelihoodRank, previousConfidence, rationale }) => ({
        key,
        ordinal,
        change,
        text,
        likelihoodTerm,
        confidence,
        previousText,
        previousLikelihoodTerm,
        previousLikelihoodRank,
        previousConfidence,
        rationale,
      })),
    ).toEqual([
      {
        key: "test",
        ordinal: 1,
        change: "raised",
        text: "North Korea will very likely conduct a nuclear test before the party congress.",
        likelihoodTerm: "very likely",
        confidence: "moderate",
        previousText: "North Korea will likely conduct a nuclear test before the party congress.",
        previousLikelihoodTerm: "likely",
        previousLikelihoodRank: 5,
        previousConfidence: "moderate",
        rationale: REASONS.test,
      },
      {
        key: "veto",
        ordinal: 2,
        change: "lowered",
        text: "China will likely veto new sanctions at the Security Council.",
        likelihoodTerm: "likely",
        confidence: "high",
        previousText: "China will very likely veto new sanctions at the Security Council.",
        previousLikelihoodTerm: "very likely",
        previousLikelihoodRank: 6,
        previousConfidence: "high",
        rationale: REASONS.veto,
      },
      {
        key: "talks",
        ordinal: 3,
        change: "confidence",
        text: "Talks in Geneva are unlikely to resume this year.",
        likelihoodTerm: "unlikely",
        confidence: "high",
        previousText: "Talks in Geneva are unlikely to resume this year.",
        previousLikelihoodTerm: "unlikely",
        previousLikelihoodRank: 3,
        previousConfidence: "moderate",
        rationale: REASONS.talks,
      },
      {
        key: "satellite",
        ordinal: 4,
        change: "reworded",
        text: "Pyongyang will likely launch a reconnaissance satellite in the spring.",
        likelihoodTerm: "likely",
        confidence: "low",
        previousText: "Pyongyang will likely launch a satellite in the spring.",
        previousLikelihoodTerm: "likely",
        previousLikelihoodRank: 5,
        previousConfidence: "low",
        rationale: null,
      },
      {
        key: "fuel",
        ordinal: 5,
        change: "new",
        text: "Moscow will likely ship fuel across the Tumen bridge.",
        likelihoodTerm: "likely",
        confidence: "moderate",
        previousText: null,
        previousLikelihoodTerm: null,
        previousLikelihoodRank: null,
        previousConfidence: null,
        rationale: REASONS.fuel,
      },
      {
        // Withdrawn: its last words, after the others.
        key: "envoy",
        ordinal: 6,
        change: "withdrawn",
        text: "Seoul will likely expel the envoy before the summit.",
        likelihoodTerm: "likely",
        confidence: "low",
        previousText: "Seoul will likely expel the envoy before the summit.",
        previousLikelihoodTerm: "likely",
        previousLikelihoodRank: 5,
        previousConfidence: "low",
        rationale: REASONS.envoy,
      },
    ]);
  });

  it("asks no reason when the judgments were only moved, and a withdrawn one is not withdrawn again", async () => {
    const { note, owner } = await publishedNote(judgedDoc(FIRST, "The test site is busy."));
    await rewrite(note.id, owner, judgedDoc(SECOND, "The test site is busier."));
    await publish(note.id, owner, REASONS);
    await rewrite(note.id, owner, judgedDoc([...SECOND].reverse(), "The test site is busier."));

    const third = await publish(note.id, owner);
    expect(third.number).toBe(3);
    expect((await judgmentsOfEdition(third.id)).map(({ key, change, rationale }) => [key, change, rationale])).toEqual([
      ["fuel", "unchanged", null],
      ["satellite", "unchanged", null],
      ["talks", "unchanged", null],
      ["veto", "unchanged", null],
      ["test", "unchanged", null],
    ]);
  });
});

describe("what readers are told of the changes", () => {
  it("says above edition 2 how each judgment changed and why, escaped, and the feed entry carries it", async () => {
    const { team, note, owner, first } = await publishedNote(judgedDoc(FIRST, "The test site is busy."));
    await rewrite(note.id, owner, judgedDoc(SECOND, "The test site is busier."));
    const second = await publish(note.id, owner, { ...REASONS, test: "New <img src=x onerror=alert(1)> imagery & tunnel work." });

    const judgments = await judgmentsOfEditions([first.id, second.id]);
    // A first edition changed nothing: nothing is said.
    expect(judgmentChangesHtml(first, judgments.get(first.id)!)).toBe("");
    const html = judgmentChangesHtml(second, judgments.get(second.id)!);
    expect(html).toContain("<h2 id=\"judgment-changes-heading\">What changed in our judgments</h2>");
    expect(html).toContain("Since edition 1: 1 raised, 1 lowered, 1 with a new confidence, 1 reworded, 1 new, 1 withdrawn.");
    expect(html).toContain('<p class="judgment-change-line">Likelihood raised: likely → very likely</p>');
    expect(html).toContain('<p class="judgment-change-line">Likelihood lowered: very likely → likely</p>');
    expect(html).toContain('<p class="judgment-change-line">Confidence changed: moderate confidence → high confidence</p>');
    expect(html).toContain('<p class="judgment-was">Was: Pyongyang will likely launch a satellite in the spring.</p>');
    expect(html).toContain('<li class="judgment-change" data-change="withdrawn"><p class="judgment-change-line">Withdrawn</p><p class="judgment-change-text">Seoul will likely expel the envoy before the summit.</p>');
    expect(html).toContain("Why: New &lt;img src=x onerror=alert(1)&gt; imagery &amp; tunnel work.");
    expect(html).not.toContain("<img");

    const xml = atomFeed({ origin: "https://dossier.test", team, title: "Briefs", selfPath: "/feeds", editions: [second, first], judgments, linkMentions: false });
    const entries = xml.split("<entry>").slice(1);
    // The entry of edition 2 (newest first) tells what changed in its judgments before its text; edition 1's does not.
    expect(entries[0]).toContain("What changed in our judgments");
    expect(entries[0]).toContain("Likelihood raised: likely → very likely");
    expect(entries[0].indexOf("What changed in our judgments")).toBeLessThan(entries[0].indexOf("The test site is busier."));
    expect(entries[1]).not.toContain("What changed in our judgments");
    expect(xml).not.toContain("<img src=x");
  });

  it("shows each key judgment's likelihood in the edition's own scale, with its confidence", async () => {
    const { first } = await publishedNote(judgedDoc(FIRST.slice(0, 1), "The test site is busy."));
    expect(first.likelihoodScale).toBe("icd203");
    const html = citedDocumentHtml(first.content, { endnotes: [], likelihoodScale: LIKELIHOOD_SCALES[first.likelihoodScale] });
    expect(html).toContain('<p class="judgment-assessment">Likely (55–80%) · Moderate confidence</p>');
  });
});

describe("the team's history of judgments", () => {
  it("follows each judgment of each live edition, grouped by brief, with the reasons, withdrawn ones marked; never another team's or a withdrawn brief's", async () => {
    const { team, note, owner } = await publishedNote(judgedDoc(FIRST, "The test site is busy."));
    await rewrite(note.id, owner, judgedDoc(SECOND, "The test site is busier."));
    await publish(note.id, owner, REASONS);
    await rewrite(note.id, owner, judgedDoc(SECOND, "Nothing else changed."));
    await publish(note.id, owner);
    const later = await createNote({ teamId: team.id, userId: owner.id, title: "Sanctions", content: judgedDoc([judgmentItem("The council will likely renew the panel.", { id: "panel" })]) });
    await publish(later.id, owner);
    const withdrawn = await createNote({ teamId: team.id, userId: owner.id, title: "Withdrawn brief", content: judgedDoc([judgmentItem("Gone, likely.", { id: "gone" })]) });
    await publish(withdrawn.id, owner);
    await unpublishNote((await findNote(withdrawn.id))!, owner);
    const other = await publishedNote(judgedDoc([judgmentItem("Their judgment is likely.", { id: "theirs" })]));

    const history = await judgmentHistory(team.id);
    // The latest published first.
    expect(history.map((brief) => [brief.title, brief.latestEdition])).toEqual([
      ["Sanctions", 1],
      ["Nuclear test", 3],
    ]);
    const nuclear = history[1].judgments;
    expect(nuclear.map((judgment) => [judgment.key, judgment.withdrawnIn])).toEqual([
      ["test", null],
      ["veto", null],
      ["talks", null],
      ["satellite", null],
      ["fuel", null],
      ["envoy", 2],
    ]);
    // Edition 3 restated it unchanged: it adds no step.
    expect(nuclear[0]).toEqual({
      key: "test",
      text: "North Korea will very likely conduct a nuclear test before the party congress.",
      steps: [
        { edition: 1, change: "new", text: "North Korea will likely conduct a nuclear test before the party congress.", likelihoodTerm: "likely", confidence: "moderate", rationale: null },
        { edition: 2, change: "raised", text: "North Korea will very likely conduct a nuclear test before the party congress.", likelihoodTerm: "very likely", confidence: "moderate", rationale: REASONS.test },
      ],
      withdrawnIn: null,
    });
    expect(nuclear[5].steps.map((step) => [step.edition, step.change, step.rationale])).toEqual([
      [1, "new", null],
      [2, "withdrawn", REASONS.envoy],
    ]);

    const moved = await judgmentHistory(team.id, "likelihood");
    expect(moved.map((brief) => [brief.title, brief.judgments.map((judgment) => judgment.key)])).toEqual([["Nuclear test", ["test", "veto"]]]);
    expect((await judgmentHistory(team.id, "withdrawn"))[0].judgments.map((judgment) => judgment.key)).toEqual(["envoy"]);
    expect((await judgmentHistory(other.team.id)).map((brief) => brief.judgments.map((judgment) => judgment.key))).toEqual([["theirs"]]);
  });
});

describe("a reason as the publish action takes it", () => {
  const refusal = (rationales: unknown) => judgmentRationales.safeParse(rationales).error?.issues[0].message;

  it("is one line of at most 300 characters", () => {
    expect(refusal({ test: "Tunnel work resumed.\nAnd more." })).toBe("A reason for a changed judgment is one line.");
    expect(refusal({ test: "Tunnel work resumed.\rAnd more." })).toBe("A reason for a changed judgment is one line.");
    expect(refusal({ test: "x".repeat(301) })).toBe("A reason for a changed judgment can be at most 300 characters.");
    expect(refusal({ test: 42 })).toMatch(/string/i);
    expect(judgmentRationales.parse({ test: `  ${"x".repeat(300)}  ` })).toEqual({ test: "x".repeat(300) });
    expect(judgmentRationales.parse(undefined)).toEqual({});
  });
});

describe("an edition with more readers than the one before", () => {
  it("tells how its judgments changed without repeating the words of the edition its new readers could not read", async () => {
    const { team, owner } = await buildTeam();
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Nuclear test", content: judgedDoc(FIRST.slice(0, 2), "The test site is busy.") });
    await db().update(notes).set({ marking: "amber" }).where(eq(notes.id, note.id));
    await publish(note.id, owner);

    // The next edition goes to anyone with the link: "test" is raised, "veto" withdrawn.
    await db().update(notes).set({ marking: "clear" }).where(eq(notes.id, note.id));
    await rewrite(note.id, owner, judgedDoc([SECOND[0]], "The test site is busy."));
    const second = await publishNote((await findNote(note.id))!, owner, "owner", {
      visibility: "public",
      summary: "",
      overrideApproval: true,
      rationales: { test: REASONS.test, veto: REASONS.veto },
    });

    const frozen = await judgmentsOfEdition(second.id);
    expect(frozen.map(({ key, change, text, previousText, previousLikelihoodTerm }) => ({ key, change, text, previousText, previousLikelihoodTerm }))).toEqual([
      { key: "test", change: "raised", text: SECOND[0].content![0].text, previousText: null, previousLikelihoodTerm: null },
      { key: "veto", change: "withdrawn", text: "", previousText: null, previousLikelihoodTerm: null },
    ]);
    const html = judgmentChangesHtml(second, frozen);
    expect(html).toContain("Likelihood raised: now very likely");
    expect(html).not.toContain("China will");
    expect(html).toContain("its words are not repeated here");
  });
});

describe("a brief published again after it was unpublished", () => {
  it("still explains how its judgments changed since its last edition, without repeating that edition's words", async () => {
    const { note, owner } = await publishedNote(judgedDoc(FIRST.slice(0, 1), "The test site is busy."));
    await unpublishNote((await findNote(note.id))!, owner);
    await rewrite(note.id, owner, judgedDoc(SECOND.slice(0, 1), "The test site is busier."));

    await expect(publish(note.id, owner)).rejects.toThrow("Say in a line why this judgment changed before publishing");
    const again = await publish(note.id, owner, { test: REASONS.test });
    expect(again.number).toBe(2);
    const [raised] = await judgmentsOfEdition(again.id);
    expect(raised).toMatchObject({ key: "test", change: "raised", previousText: null, previousLikelihoodTerm: null, rationale: REASONS.test });
  });
});
