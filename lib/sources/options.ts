import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { sources } from "@/db/schema";

/** The team's sources by title, for a filter's select (the register, for those who may read it). */
export function sourceOptions(teamId: string): Promise<{ id: string; name: string }[]> {
  return db().select({ id: sources.id, name: sources.title }).from(sources).where(eq(sources.teamId, teamId)).orderBy(asc(sources.title));
}
