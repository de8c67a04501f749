import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, teams } from "@/db/schema";
import { teamTradecraft } from "@/lib/teams/tradecraft";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam } from "@/lib/testing/factories";
import { teamStandardsInput } from "@/lib/tradecraft/fields";
import { updateTeamStandards } from "./settings";

useTestDatabase();

const audited = (teamId: string) =>
  db().select({ action: auditLog.action, userId: auditLog.userId, data: auditLog.data }).from(auditLog).where(eq(auditLog.teamId, teamId)).orderBy(asc(auditLog.action));

const storedTeam = async (id: string) => (await db().select().from(teams).where(eq(teams.id, id)))[0];

// The settings action's schema, as app/t/[team]/settings/actions.ts builds it.
// What the settings action takes (it adds the team's slug).
const standards = teamStandardsInput;

describe("a team's standards", () => {
  it("start as ICD 203, either column, TLP:CLEAR", async () => {
    const { team } = await buildTeam();
    const tradecraft = await teamTradecraft(team.id);
    expect({ scale: tradecraft.scale.id, wording: tradecraft.wording, defaultMarking: tradecraft.defaultMarking }).toEqual({
      scale: "icd203",
      wording: "either",
      defaultMarking: "clear",
    });
  });

  it("change to the owner's choice, each change on record", async () => {
    const { team, owner } = await buildTeam();
    const updated = await updateTeamStandards(team.id, { likelihoodScale: "phia", likelihoodWording: "terms", defaultMarking: "amber+strict" }, owner.id);
    expect(updated).toMatchObject({ likelihoodScale: "phia", likelihoodWording: "terms", defaultMarking: "amber+strict" });
    expect((await teamTradecraft(team.id)).scale.name).toBe("PHIA probability yardstick");
    expect(await audited(team.id)).toEqual([
      { action: "team.default_marking_changed", userId: owner.id, data: { from: "clear", to: "amber+strict" } },
      { action: "team.likelihood_scale_changed", userId: owner.id, data: { from: "icd203", to: "phia" } },
      { action: "team.likelihood_wording_changed", userId: owner.id, data: { from: "either", to: "terms" } },
    ]);
  });

  it("write and record nothing when nothing changed", async () => {
    const { team, owner } = await buildTeam();
    await updateTeamStandards(team.id, { likelihoodScale: "icd203", likelihoodWording: "either", defaultMarking: "clear" }, owner.id);
    expect(await storedTeam(team.id)).toEqual(team);
    expect(await audited(team.id)).toEqual([]);
  });

  it.each([
    ["an unknown scale", { likelihoodScale: "nato", likelihoodWording: "either", defaultMarking: "clear" }, "Choose a scale of likelihood Dossier knows: ICD 203 or PHIA probability yardstick."],
    ["an unknown wording", { likelihoodScale: "icd203", likelihoodWording: "both", defaultMarking: "clear" }, /^Choose how briefs word their likelihoods/],
    ["an unknown marking", { likelihoodScale: "icd203", likelihoodWording: "either", defaultMarking: "white" }, /^Choose a handling marking: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER\+STRICT, TLP:RED\.$/],
    ["a marking of the wrong kind", { likelihoodScale: "icd203", likelihoodWording: "either", defaultMarking: 3 }, /^Choose a handling marking/],
  ])("refuse %s with a sentence", (_, input, message) => {
    const result = standards.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(message);
  });

  it("are refused by the database when anything else reaches it, and nothing changes", async () => {
    const { team } = await buildTeam();
    await expect(db().update(teams).set({ likelihoodScale: "nato" as "icd203" }).where(eq(teams.id, team.id))).rejects.toThrow();
    expect(await storedTeam(team.id)).toEqual(team);
  });
});
