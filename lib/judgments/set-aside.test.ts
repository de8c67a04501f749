import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, estimativeSuppressions, teams } from "@/db/schema";
import { authorize } from "@/lib/policies";
import { findNote } from "@/lib/notes/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, judgedDoc, judgmentItem, paragraphs } from "@/lib/testing/factories";
import type { Role, User } from "@/db/schema";
import { findingsOfBody, setAsideFindings } from "./estimative-findings";
import { restoreFinding, setAsideFinding } from "./set-aside";
import { setAsideFindingInput } from "./set-aside-input";
import { teamTradecraft } from "@/lib/teams/tradecraft";

useTestDatabase();
// Setting aside tells the note's open editors.
useCollabServer();

const SENTENCE = "Pyongyang will probably test again before the summit.";

async function noteWith(text: string) {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const created = await buildNote(team.id, owner.id, paragraphs(text));
  return { team, owner, analyst, note: (await findNote(created.id))! };
}

const rows = (noteId: string) => db().select().from(estimativeSuppressions).where(eq(estimativeSuppressions.noteId, noteId));
const audited = (teamId: string, action: string) => db().select().from(auditLog).where(and(eq(auditLog.teamId, teamId), eq(auditLog.action, action)));

/** What the actions ask before setting aside or restoring (noteFor(session, id, "update") in lib/loaders/open.ts). */
const mayUpdate = (user: User, teamId: string, role: Role, note: Parameters<typeof setAsideFinding>[0]) => () => authorize({ userId: user.id, teamId, role }, "note.update", note);

describe("setting a finding aside", () => {
  it("records the passage with who, when and why, audits it, and the check then shows it set aside", async () => {
    const { team, analyst, note } = await noteWith(SENTENCE);
    await setAsideFinding(note, analyst, { kind: "off-scale", term: "probably", sentence: SENTENCE }, "Quoting the envoy's own words.");

    const [row] = await rows(note.id);
    expect(row).toMatchObject({ teamId: team.id, kind: "off-scale", term: "probably", sentence: SENTENCE, reason: "Quoting the envoy's own words.", createdBy: analyst.id });
    expect(row.createdAt).toBeInstanceOf(Date);
    const [entry] = await audited(team.id, "note.finding_set_aside");
    expect(entry).toMatchObject({ userId: analyst.id, target: note.id, data: { kind: "off-scale", term: "probably", sentence: SENTENCE, reason: "Quoting the envoy's own words." } });

    const setAside = await setAsideFindings(note.id);
    expect(setAside).toMatchObject([{ kind: "off-scale", term: "probably", sentence: SENTENCE, by: analyst.name, reason: "Quoting the envoy's own words." }]);
    const [finding] = findingsOfBody(paragraphs(SENTENCE), await teamTradecraft(team.id), setAside);
    expect(finding.setAside?.by).toBe(analyst.name);

    // Once is enough: a second setting aside writes nothing more.
    await setAsideFinding(note, analyst, { kind: "off-scale", term: "probably", sentence: SENTENCE }, "Again.");
    expect(await rows(note.id)).toHaveLength(1);
    expect(await audited(team.id, "note.finding_set_aside")).toHaveLength(1);
  });

  it("refuses what the check does not find in the note under the team's scale, and writes nothing", async () => {
    const { team, analyst, note } = await noteWith(SENTENCE);
    const refusals: [Parameters<typeof setAsideFinding>[2], string][] = [
      // A word of the team's scale is no finding.
      [{ kind: "off-scale", term: "likely", sentence: SENTENCE }, "“likely” is not a finding of “Not a word of the team's scale” in that sentence of the note under the team's ICD 203 scale; nothing was set aside."],
      // The right word in a sentence the note does not hold.
      [{ kind: "off-scale", term: "probably", sentence: "Seoul will probably protest." }, "“probably” is not a finding of “Not a word of the team's scale” in that sentence of the note under the team's ICD 203 scale; nothing was set aside."],
      // The right words as another kind of finding.
      [{ kind: "hedge-in-judgment", term: "probably", sentence: SENTENCE }, "“probably” is not a finding of “A hedge in a key judgment” in that sentence of the note under the team's ICD 203 scale; nothing was set aside."],
      [{ kind: "judgment-without-confidence", term: "", sentence: SENTENCE }, "That judgment is not a finding of “A judgment without a confidence level” in that sentence of the note under the team's ICD 203 scale; nothing was set aside."],
    ];
    for (const [passage, error] of refusals) await expect(setAsideFinding(note, analyst, passage, "")).rejects.toThrow(error);
    expect(await rows(note.id)).toEqual([]);
    expect(await audited(team.id, "note.finding_set_aside")).toEqual([]);

    // Under the UK yardstick "probably" is the scale's own word: nothing to set aside.
    await db().update(teams).set({ likelihoodScale: "phia" }).where(eq(teams.id, team.id));
    await expect(setAsideFinding(note, analyst, { kind: "off-scale", term: "probably", sentence: SENTENCE }, "")).rejects.toThrow(/under the team's PHIA probability yardstick scale/);
    expect(await rows(note.id)).toEqual([]);
  });

  it("refuses input out of bounds with a sentence", () => {
    const base = { team: "desk", noteId: "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a", term: "probably", sentence: SENTENCE };
    const message = (input: object) => setAsideFindingInput.safeParse(input).error?.issues[0].message;
    expect(message({ ...base, kind: "vague" })).toBe("That is not a kind of finding of the estimative-language check.");
    expect(message({ ...base, kind: "off-scale", term: "x".repeat(201) })).toBe("The words of a finding can be at most 200 characters.");
    expect(message({ ...base, kind: "off-scale", sentence: "x".repeat(2001) })).toBe("A finding's sentence can be at most 2,000 characters.");
    expect(message({ ...base, kind: "off-scale", reason: "x".repeat(301) })).toBe("A reason can be at most 300 characters.");
    expect(setAsideFindingInput.safeParse({ ...base, kind: "off-scale" }).data?.reason).toBe("");
  });

  it("sets aside a judgment's own finding, and restores a finding so it shows again, audited", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const judgment = "North Korea will likely conduct a test.";
    const created = await buildNote(team.id, owner.id, judgedDoc([judgmentItem(judgment, { confidence: null })]));
    const note = (await findNote(created.id))!;
    const passage = { kind: "judgment-without-confidence" as const, term: "", sentence: judgment };
    await setAsideFinding(note, analyst, passage, "Confidence follows the collection review.");
    expect(await rows(note.id)).toHaveLength(1);

    await restoreFinding(note, owner, passage);
    expect(await rows(note.id)).toEqual([]);
    expect(await audited(team.id, "note.finding_restored")).toMatchObject([{ userId: owner.id, target: note.id, data: passage }]);
    await expect(restoreFinding(note, owner, passage)).rejects.toThrow("That finding set aside was not found.");
  });

  it("is for those who may change the note: a reviewer or a reader cannot", async () => {
    const { team, note } = await noteWith(SENTENCE);
    const reviewer = await buildMember(team.id, "reviewer");
    const reader = await buildMember(team.id, "reader");
    expect(mayUpdate(reviewer, team.id, "reviewer", note)).toThrow("You do not have permission to do that.");
    expect(mayUpdate(reader, team.id, "reader", note)).toThrow("You do not have permission to do that.");
    const analyst = await buildMember(team.id, "analyst");
    expect(mayUpdate(analyst, team.id, "analyst", note)).not.toThrow();
    expect(await rows(note.id)).toEqual([]);
  });
});
