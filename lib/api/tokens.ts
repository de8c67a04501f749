import "server-only";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { db } from "@/db";
import { apiTokens, teams, type ApiTokenScope, type Team } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/policies";
import { hashSecretToken, newSecretToken } from "@/lib/secret-tokens";
import { actorInTeam } from "@/lib/teams/queries";

/** Every token starts so, so a secret scanner (or a person) can tell one in a log or a commit. */
export const API_TOKEN_PREFIX = "dsr_";
/** How much of a token is kept to tell tokens apart: the prefix and 6 random characters, far too few to guess the rest. */
const SHOWN_LENGTH = API_TOKEN_PREFIX.length + 6;
/** The last use is written at most once a minute per token: not a write for every request. */
const LAST_USED_STEP_MS = 60_000;

/** A new personal token for one of the owner's teams, recorded; the token itself is returned once and never stored. */
export function createApiToken(input: { userId: string; teamId: string; name: string; scope: ApiTokenScope }): Promise<{ id: string; token: string }> {
  const token = `${API_TOKEN_PREFIX}${newSecretToken(32)}`;
  return runCommand(async ({ tx, audit }) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ ...input, tokenHash: hashSecretToken(token), prefix: token.slice(0, SHOWN_LENGTH) })
      .returning({ id: apiTokens.id });
    await audit({ teamId: input.teamId, userId: input.userId, action: "api_token.created", target: row.id, data: { name: input.name, scope: input.scope } });
    return { id: row.id, token };
  });
}

/** Revokes one of the user's own tokens (another's is not found); the next request with it is refused. Recorded. */
export function revokeApiToken(userId: string, id: string): Promise<void> {
  return runCommand(async ({ tx, audit }) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ teamId: apiTokens.teamId, name: apiTokens.name });
    if (!row) throw notFound("That token");
    await audit({ teamId: row.teamId, userId, action: "api_token.revoked", target: id, data: { name: row.name } });
  });
}

/** The user's live tokens, newest first, with their team: what the account page lists. */
export function listApiTokens(userId: string) {
  return db()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      team: { id: teams.id, name: teams.name, slug: teams.slug },
    })
    .from(apiTokens)
    .innerJoin(teams, eq(teams.id, apiTokens.teamId))
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

/** Who a request with this token acts as. */
export interface TokenHolder {
  tokenId: string;
  scope: ApiTokenScope;
  team: Team;
  /** The owner in the token's team under their role of today; null once they are no longer a member. */
  actor: Actor | null;
}

/**
 * The live token's holder, or null for no such token (unknown, revoked). The
 * owner's membership and role are read now, on every request: a member who
 * left or was removed holds a token that opens nothing.
 */
export async function tokenHolder(token: string): Promise<TokenHolder | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db()
    .select({ id: apiTokens.id, userId: apiTokens.userId, scope: apiTokens.scope, lastUsedAt: apiTokens.lastUsedAt, team: teams })
    .from(apiTokens)
    .innerJoin(teams, eq(teams.id, apiTokens.teamId))
    .where(and(eq(apiTokens.tokenHash, hashSecretToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  const now = new Date();
  const stepAgo = new Date(now.getTime() - LAST_USED_STEP_MS);
  // Most requests come within the step of the last write: they write nothing and cost no second query.
  if (!row.lastUsedAt || row.lastUsedAt < stepAgo)
    await db()
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stepAgo))));
  return { tokenId: row.id, scope: row.scope, team: row.team, actor: await actorInTeam(row.userId, row.team.id) };
}
