import type { Role } from "@/db/schema";

/** What a role may be granted in its team. Resource policies build on these. */
export type Grant =
  | "readBriefs"
  | "readDrafts"
  | "editNotes"
  | "comment"
  | "suggest"
  | "review"
  | "publish"
  | "publishWithoutApproval"
  | "deleteForGood"
  | "manageMembers"
  | "manageTeam"
  | "leaveTeam"
  | "readAudit";

/**
 * Every role's grants, written out: nothing is implied by a role not being
 * another ("not a reader"), so a role added to the database without a line
 * here gets nothing until someone decides what it may do.
 */
export const GRANTS: Record<Role, readonly Grant[]> = {
  owner: ["readBriefs", "readDrafts", "editNotes", "comment", "suggest", "publish", "publishWithoutApproval", "deleteForGood", "manageMembers", "manageTeam", "leaveTeam", "readAudit"],
  analyst: ["readBriefs", "readDrafts", "editNotes", "comment", "suggest", "publish", "leaveTeam"],
  reviewer: ["readBriefs", "readDrafts", "comment", "suggest", "review", "leaveTeam"],
  reader: ["readBriefs", "leaveTeam"],
};

export function roleHas(role: string, grant: Grant): boolean {
  return Object.hasOwn(GRANTS, role) && GRANTS[role as Role].includes(grant);
}

/** The roles holding a grant, for a query that filters members in the database. */
export function rolesWith(grant: Grant): Role[] {
  return (Object.keys(GRANTS) as Role[]).filter((role) => GRANTS[role].includes(grant));
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  analyst: "Analyst",
  reviewer: "Reviewer",
  reader: "Reader",
};
