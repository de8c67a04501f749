import { asc, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, teams } from "@/db/schema";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam, buildUser } from "@/lib/testing/factories";
import { availableSlug, createTeam, teamBySlug } from "./queries";
import { SLUG_NAMED_FOR_SIGN_ON, updateTeamSettings, type TeamSettings } from "./settings";
import { redirectForFormerSlug, slugNowFor } from "./slug-redirects";
import { citationTrigger, teamName, teamSlug } from "./team-fields";

useTestDatabase();

const settingsOf = (team: { name: string; slug: string; defaultVisibility: TeamSettings["defaultVisibility"] }): TeamSettings => ({
  name: team.name,
  slug: team.slug,
  defaultVisibility: team.defaultVisibility,
});

const audited = (teamId: string) =>
  db()
    .select({ action: auditLog.action, userId: auditLog.userId, data: auditLog.data })
    .from(auditLog)
    .where(eq(auditLog.teamId, teamId))
    // One transaction's entries share its time.
    .orderBy(asc(auditLog.createdAt), asc(auditLog.action));

const storedTeam = async (id: string) => (await db().select().from(teams).where(eq(teams.id, id)))[0];

describe("renaming a team and its default visibility", () => {
  it("renames the team and changes who a first edition is offered to, each change on record", async () => {
    const { team, owner } = await buildTeam();
    expect(team.defaultVisibility).toBe("team");
    const updated = await updateTeamSettings(team.id, { ...settingsOf(team), name: "Korea Desk", defaultVisibility: "public" }, owner.id);

    expect(updated).toMatchObject({ id: team.id, name: "Korea Desk", slug: team.slug, defaultVisibility: "public" });
    expect(await storedTeam(team.id)).toMatchObject({ name: "Korea Desk", defaultVisibility: "public" });
    expect(await audited(team.id)).toEqual([
      { action: "team.default_visibility_changed", userId: owner.id, data: { from: "team", to: "public" } },
      { action: "team.renamed", userId: owner.id, data: { from: team.name, to: "Korea Desk" } },
    ]);
  });

  it("writes and records nothing when nothing changed", async () => {
    const { team, owner } = await buildTeam();
    await updateTeamSettings(team.id, settingsOf(team), owner.id);
    expect(await storedTeam(team.id)).toEqual(team);
    expect(await audited(team.id)).toEqual([]);
  });
});

describe("the team's citation trigger", () => {
  it("starts as [[ and changes to the marks the owner chooses, on record", async () => {
    const { team, owner } = await buildTeam();
    expect(team.citationTrigger).toBe("[[");
    const updated = await updateTeamSettings(team.id, { ...settingsOf(team), citationTrigger: "^^" }, owner.id);
    expect(updated.citationTrigger).toBe("^^");
    expect(await audited(team.id)).toEqual([{ action: "team.citation_trigger_changed", userId: owner.id, data: { from: "[[", to: "^^" } }]);
    // Left out, it stays as it is.
    await updateTeamSettings(team.id, { ...settingsOf(team), name: "Renamed" }, owner.id);
    expect((await storedTeam(team.id)).citationTrigger).toBe("^^");
  });

  it.each(["[[", "^^", "((", "§", ">>>"])("takes %s", (marks) => {
    expect(citationTrigger.parse(marks)).toBe(marks);
  });

  it.each([
    ["nothing", "", /Choose the marks/],
    ["four marks", "[[[[", /at most 3/],
    ["letters", "cc", /not letters, digits or spaces/],
    ["a digit", "[1", /not letters, digits or spaces/],
    ["a space inside", "[ [", /not letters, digits or spaces/],
    ["a mention's @", "@@", /@ and # mention/],
    ["a mention's #", "[#", /@ and # mention/],
  ])("refuses %s with a sentence", (_, marks, message) => {
    const result = citationTrigger.safeParse(marks);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(message);
  });

  it("is refused by the database too when it is not marks", async () => {
    const { team } = await buildTeam();
    await expect(db().update(teams).set({ citationTrigger: "ab" }).where(eq(teams.id, team.id))).rejects.toThrow();
  });
});

describe("changing a team's slug", () => {
  it("moves the team to the new slug, and sends every link to the old one on, keeping the rest of the path and the query", async () => {
    const { team, owner } = await buildTeam();
    const old = team.slug;
    await updateTeamSettings(team.id, { ...settingsOf(team), slug: `${old}-new` }, owner.id);

    expect((await teamBySlug(`${old}-new`))?.id).toBe(team.id);
    expect(await teamBySlug(old)).toBeUndefined();
    expect(await audited(team.id)).toEqual([{ action: "team.slug_changed", userId: owner.id, data: { from: old, to: `${old}-new` } }]);

    const id = "0b9f5a8e-2a4c-4c1e-9d7a-3f2b1c0d4e5f";
    expect(await redirectForFormerSlug(`/t/${old}`)).toBe(`/t/${old}-new`);
    expect(await redirectForFormerSlug(`/t/${old}/`)).toBe(`/t/${old}-new/`);
    expect(await redirectForFormerSlug(`/t/${old}/notes/${id}/history?from=a&to=current`)).toBe(`/t/${old}-new/notes/${id}/history?from=a&to=current`);
    expect(await redirectForFormerSlug(`/t/${old}?imported=1`)).toBe(`/t/${old}-new?imported=1`);
    expect(await redirectForFormerSlug(`/b/${old}/${id}/2/export?format=md`)).toBe(`/b/${old}-new/${id}/2/export?format=md`);
    expect(await redirectForFormerSlug(`/feeds/${old}/team?token=abc`)).toBe(`/feeds/${old}-new/team?token=abc`);
    expect(await redirectForFormerSlug(`/feeds/${old}/entities/${id}?token=abc`)).toBe(`/feeds/${old}-new/entities/${id}?token=abc`);

    // Only a whole slug in a team's section of the site.
    expect(await redirectForFormerSlug(`/t/${old}x/notes`)).toBeNull();
    expect(await redirectForFormerSlug(`/t/${old.slice(0, -1)}`)).toBeNull();
    expect(await redirectForFormerSlug(`/x/${old}/notes`)).toBeNull();
    expect(await redirectForFormerSlug(`/inbox?team=${old}`)).toBeNull();
    // The slug of today is served as it is.
    expect(await redirectForFormerSlug(`/t/${old}-new/notes`)).toBeNull();
  });

  it("sends every former slug to the slug of today, and forgets one the team takes back", async () => {
    const { team, owner } = await buildTeam();
    const [first, second, third] = [team.slug, `${team.slug}-b`, `${team.slug}-c`];
    await updateTeamSettings(team.id, { ...settingsOf(team), slug: second }, owner.id);
    await updateTeamSettings(team.id, { ...settingsOf(team), slug: third }, owner.id);
    expect(await slugNowFor(first)).toBe(third);
    expect(await slugNowFor(second)).toBe(third);

    await updateTeamSettings(team.id, { ...settingsOf(team), slug: first }, owner.id);
    expect(await slugNowFor(first)).toBeUndefined();
    expect(await redirectForFormerSlug(`/t/${first}/briefs`)).toBeNull();
    expect(await slugNowFor(third)).toBe(first);
  });

  it("gives a former slug to the team that takes it later, by a change of slug or a new team", async () => {
    const { team: first, owner } = await buildTeam();
    const { team: second, owner: secondOwner } = await buildTeam();
    const former = first.slug;
    await updateTeamSettings(first.id, { ...settingsOf(first), slug: `${former}-moved` }, owner.id);
    expect(await slugNowFor(former)).toBe(`${former}-moved`);

    // Another team takes the former slug: it is that team's now, and nothing is redirected.
    await updateTeamSettings(second.id, { ...settingsOf(second), slug: former }, secondOwner.id);
    expect((await teamBySlug(former))?.id).toBe(second.id);
    expect(await redirectForFormerSlug(`/t/${former}/briefs`)).toBeNull();
    // When it moves on, its own old links follow it, not the first team.
    await updateTeamSettings(second.id, { ...settingsOf(second), slug: `${former}-second` }, secondOwner.id);
    expect(await redirectForFormerSlug(`/t/${former}/briefs`)).toBe(`/t/${former}-second/briefs`);

    // A team started with a former slug wins it too.
    const { team: third } = await buildTeam();
    await updateTeamSettings(third.id, { ...settingsOf(third), slug: `${third.slug}-moved` }, owner.id);
    const newcomer = await createTeam({ name: "Newcomer", slug: third.slug, ownerId: (await buildUser()).id });
    expect(await redirectForFormerSlug(`/t/${third.slug}`)).toBeNull();
    expect((await teamBySlug(third.slug))?.id).toBe(newcomer.id);
  });

  it("refuses a slug another team uses now, and changes nothing", async () => {
    const { team, owner } = await buildTeam();
    const { team: other } = await buildTeam();
    await expect(updateTeamSettings(team.id, { name: "Renamed too", slug: other.slug, defaultVisibility: "public" }, owner.id)).rejects.toMatchObject({
      code: "conflict",
      message: "Another team already uses that slug; choose another.",
    });
    expect(await storedTeam(team.id)).toEqual(team);
    expect(await audited(team.id)).toEqual([]);
    expect(await slugNowFor(team.slug)).toBeUndefined();
  });

  it("keeps the slug single sign-on adds new accounts to (OIDC_TEAM), so no other team can take it and receive them", async () => {
    const { team, owner } = await buildTeam();
    vi.stubEnv("OIDC_ISSUER", "https://id.example.test");
    vi.stubEnv("OIDC_CLIENT_ID", "dossier");
    vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
    vi.stubEnv("OIDC_ALLOWED_DOMAINS", "example.test");
    vi.stubEnv("OIDC_TEAM", team.slug);
    try {
      await expect(updateTeamSettings(team.id, { ...settingsOf(team), slug: `${team.slug}-moved` }, owner.id)).rejects.toThrow(SLUG_NAMED_FOR_SIGN_ON);
      // Its name and the rest may change.
      expect((await updateTeamSettings(team.id, { ...settingsOf(team), name: "Still here" }, owner.id)).slug).toBe(team.slug);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await slugNowFor(team.slug)).toBeUndefined();
  });
});

describe("the slug and name a team may have", () => {
  const refusal = (value: string) => {
    const parsed = teamSlug.safeParse(value);
    return parsed.success ? null : parsed.error.issues[0].message;
  };
  const CHARACTERS = "A slug may hold only lowercase letters, digits and single hyphens between them, like korea-desk.";

  it("takes lowercase words of letters and digits joined by hyphens, up to 40 characters", () => {
    for (const slug of ["korea-desk", "desk", "k", "team-2", "a1-b2-c3", "x".repeat(40)]) expect(teamSlug.parse(slug), slug).toBe(slug);
    expect(teamSlug.parse("  korea-desk ")).toBe("korea-desk");
  });

  it("refuses anything else with a sentence saying why", () => {
    expect(refusal("")).toBe("Give the team an address: its slug cannot be empty.");
    expect(refusal("   ")).toBe("Give the team an address: its slug cannot be empty.");
    expect(refusal("x".repeat(41))).toBe("A slug can be at most 40 characters.");
    for (const slug of ["../", "..", "../other-team", "a/b", "/", "korea desk", "Korea-Desk", "-desk", "desk-", "korea--desk", "korea_desk", "körea", "desk%2f", "desk?x=1"]) {
      expect(refusal(slug), slug).toBe(CHARACTERS);
    }
    for (const slug of ["admin", "api", "settings", "setup", "new", "t", "b", "feeds"]) {
      expect(refusal(slug), slug).toBe("That slug is reserved for Dossier's own pages; choose another.");
    }
  });

  it("takes a name of 1 to 80 characters, trimmed", () => {
    expect(teamName.parse("  Korea Desk ")).toBe("Korea Desk");
    expect(teamName.safeParse(" ").error?.issues[0].message).toBe("Give the team a name.");
    expect(teamName.safeParse("x".repeat(81)).error?.issues[0].message).toBe("A team name can be at most 80 characters.");
  });

  it("makes new teams' slugs that the settings would take: never reserved, never too long", async () => {
    expect(await availableSlug("Admin")).toBe("admin-2");
    expect(await availableSlug("Settings!")).toBe("settings-2");
    const long = await availableSlug("The Very Long Name of a Desk That Watches the Whole Korean Peninsula");
    expect(teamSlug.parse(long)).toBe(long);
    expect(long.endsWith("-")).toBe(false);
  });
});
