import type { Role } from "@/db/schema";

/**
 * What each role may do in its team (DESIGN.md, "Who uses it"). Plain
 * functions of the role, so every page, action and websocket asks the same.
 */
export const can = {
  readDrafts: (role: Role) => role !== "reader",
  editNotes: (role: Role) => role === "owner" || role === "analyst",
  manageMembers: (role: Role) => role === "owner",
};

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  analyst: "Analyst",
  reviewer: "Reviewer",
  reader: "Reader",
};
