import type { Role } from "@/db/schema";

/**
 * What each role may do in its team (docs/ARCHITECTURE.md, "Who may do what"). Plain
 * functions of the role, so every page, action and websocket asks the same.
 */
export const can = {
  readDrafts: (role: Role) => role !== "reader",
  editNotes: (role: Role) => role === "owner" || role === "analyst",
  manageMembers: (role: Role) => role === "owner",
  /** Comment, reply, resolve: everyone who reads drafts, reviewers included. */
  comment: (role: Role) => role !== "reader",
  /** Approve or request changes. */
  review: (role: Role) => role === "reviewer",
  /** Publish without a current approval (recorded). */
  overrideApproval: (role: Role) => role === "owner",
  /** Deleting for good is the owner's (docs/ARCHITECTURE.md); merging keeps everything and is an edit. */
  delete: (role: Role) => role === "owner",
};

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  analyst: "Analyst",
  reviewer: "Reviewer",
  reader: "Reader",
};
