import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, memberships, notifications, teams } from "@/db/schema";
import { createTeam } from "@/lib/teams/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildUser } from "@/lib/testing/factories";
import { AfterCommitFailed, runCommand } from "./command";
import { listenForPageRefreshes, refreshTeamPages } from "./page-refresh";

useTestDatabase();

const unique = () => Math.random().toString(36).slice(2, 10);

/** What the database holds of a team made by a command, read outside the command's transaction. */
async function onRecord(slug: string) {
  const [team] = await db().select().from(teams).where(eq(teams.slug, slug));
  if (!team) return { team: null, audit: [], notified: [] };
  const audit = await db().select({ action: auditLog.action, target: auditLog.target }).from(auditLog).where(eq(auditLog.teamId, team.id));
  const notified = await db().select({ userId: notifications.userId, kind: notifications.kind }).from(notifications).where(eq(notifications.teamId, team.id));
  return { team: team.slug, audit, notified };
}

/** A command that starts a team, records it, and tells a colleague; what it did is returned. */
async function startTeam(
  slug: string,
  ownerId: string,
  colleagueId: string,
  then: (command: Parameters<Parameters<typeof runCommand>[0]>[0], teamId: string) => Promise<void> = async () => {},
) {
  return runCommand(async (command) => {
    const team = await createTeam({ name: slug, slug, ownerId }, command.tx);
    await command.tx.insert(memberships).values({ teamId: team.id, userId: colleagueId, role: "reviewer" });
    await command.audit({ teamId: team.id, userId: ownerId, action: "member.invited", target: colleagueId });
    await command.notify([{ userId: colleagueId, teamId: team.id, kind: "mentioned" }]);
    await then(command, team.id);
    return team;
  });
}

describe("a command", () => {
  it("commits its change, audit entry and notifications together, then runs its effects in order, each seeing the commit", async () => {
    const [owner, colleague] = [await buildUser(), await buildUser()];
    const slug = `team-${unique()}`;
    const ran: string[] = [];
    const seen: Awaited<ReturnType<typeof onRecord>>[] = [];

    await startTeam(slug, owner.id, colleague.id, async ({ afterCommit }) => {
      afterCommit(async () => {
        ran.push("first");
        seen.push(await onRecord(slug));
      });
      afterCommit(() => ran.push("second"));
      afterCommit(() => ran.push("third"));
      expect(ran).toEqual([]); // queued, not run, while the transaction is open
    });

    expect(ran).toEqual(["first", "second", "third"]);
    const committed = { team: slug, audit: [{ action: "member.invited", target: colleague.id }], notified: [{ userId: colleague.id, kind: "mentioned" }] };
    expect(seen).toEqual([committed]);
    expect(await onRecord(slug)).toEqual(committed);
  });

  it("leaves neither the change, nor its audit entry, nor its notifications when a later step fails, and runs no effect", async () => {
    const [owner, colleague] = [await buildUser(), await buildUser()];
    const slug = `team-${unique()}`;
    const ran: string[] = [];

    const failing = startTeam(slug, owner.id, colleague.id, async ({ afterCommit }) => {
      afterCommit(() => ran.push("effect"));
      throw new Error("a step after the change failed");
    });

    await expect(failing).rejects.toThrow("a step after the change failed");
    expect(await onRecord(slug)).toEqual({ team: null, audit: [], notified: [] });
    expect(ran).toEqual([]);
  });

  it("leaves nothing when the database refuses a write after the change, and runs no effect", async () => {
    const [owner, colleague] = [await buildUser(), await buildUser()];
    const slug = `team-${unique()}`;
    const ran: string[] = [];

    // A real refusal by the database: the colleague is already a member of the new team.
    const failing = startTeam(slug, owner.id, colleague.id, async ({ tx, afterCommit }, teamId) => {
      afterCommit(() => ran.push("effect"));
      await tx.insert(memberships).values({ teamId, userId: colleague.id, role: "analyst" });
    });

    await expect(failing).rejects.toThrow();
    expect(await onRecord(slug)).toEqual({ team: null, audit: [], notified: [] });
    expect(ran).toEqual([]);
  });

  it("keeps its change when an effect fails after the commit, runs the effects after it, and tells the caller", async () => {
    const [owner, colleague] = [await buildUser(), await buildUser()];
    const slug = `team-${unique()}`;
    const ran: string[] = [];

    const failing = startTeam(slug, owner.id, colleague.id, async ({ afterCommit }) => {
      afterCommit(() => ran.push("before"));
      afterCommit(() => {
        throw new Error("the collaboration server is gone");
      });
      afterCommit(() => ran.push("after"));
    });

    const error = await failing.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AfterCommitFailed);
    expect((error as AfterCommitFailed).causes).toEqual([new Error("the collaboration server is gone")]);
    expect(ran).toEqual(["before", "after"]);
    expect((await onRecord(slug)).audit).toEqual([{ action: "member.invited", target: colleague.id }]);
  });

  it("inserts no notification for an empty list", async () => {
    const owner = await buildUser();
    const team = await runCommand(async ({ tx, notify }) => {
      const created = await createTeam({ name: "Quiet", slug: `team-${unique()}`, ownerId: owner.id }, tx);
      await notify([]);
      return created;
    });
    expect(await db().select().from(notifications).where(eq(notifications.teamId, team.id))).toEqual([]);
  });
});

describe("refreshing a team's pages", () => {
  it("reaches the action that ran the command, only once the command has committed", async () => {
    const owner = await buildUser();
    const colleague = await buildMember((await createTeam({ name: "Elsewhere", slug: `team-${unique()}`, ownerId: owner.id })).id, "analyst");
    const asked: string[] = [];

    const team = await listenForPageRefreshes(
      (teamId) => asked.push(teamId),
      () =>
        startTeam(`team-${unique()}`, owner.id, colleague.id, async ({ afterCommit }, teamId) => {
          afterCommit(() => refreshTeamPages(teamId));
          expect(asked).toEqual([]);
        }),
    );
    expect(asked).toEqual([team.id]);

    const failed = listenForPageRefreshes(
      (teamId) => asked.push(teamId),
      () =>
        startTeam(`team-${unique()}`, owner.id, colleague.id, async ({ afterCommit }, teamId) => {
          afterCommit(() => refreshTeamPages(teamId));
          throw new Error("refused");
        }),
    );
    await expect(failed).rejects.toThrow("refused");
    expect(asked).toEqual([team.id]);
  });
});
