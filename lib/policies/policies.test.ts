import { describe, expect, it } from "vitest";
import { NOTE_STATUSES, REVIEW_STATES, ROLES, VISIBILITIES, type NoteStatus, type ReviewState, type Role, type Visibility } from "@/db/schema";
import type { Actor } from "./actor";
import { GRANTS, rolesWith } from "./grants";
import { abilities, authorize, can, POLICIES, type Permission, type ResourceFor, type ResourceType } from "./index";

/**
 * The policy table: every rule of every policy, for every role, note status,
 * review state, visibility and ownership, against who may as written out
 * here. A rule added without a row here fails the first test.
 */

const TEAM = "00000000-0000-4000-8000-00000000000a";
const OTHER_TEAM = "00000000-0000-4000-8000-00000000000b";
const ME = "00000000-0000-4000-8000-000000000001";
const SOMEONE_ELSE = "00000000-0000-4000-8000-000000000002";

interface Case {
  status: NoteStatus;
  review: ReviewState | "none";
  /** The text differs from the approved text. */
  changed: boolean;
  visibility: Visibility;
  /** The comment, the feed token, the named reviewer: the actor's own, or someone else's. */
  mine: boolean;
  /** Reviewers named on the pending review (none: any reviewer). */
  named: boolean;
  /** The member acted on (a password reset) belongs to the team; else only to another. */
  inTeam: boolean;
}

const cases: Case[] = NOTE_STATUSES.flatMap((status) =>
  (["none", ...REVIEW_STATES] as const).flatMap((review) =>
    [false, true].flatMap((changed) =>
      VISIBILITIES.flatMap((visibility) =>
        [false, true].flatMap((mine) => [false, true].flatMap((named) => [false, true].map((inTeam) => ({ status, review, changed, visibility, mine, named, inTeam })))),
      ),
    ),
  ),
);

const note = (c: Case, teamId = TEAM) => ({ id: "00000000-0000-4000-8000-0000000000f1", teamId, status: c.status });

function resource(type: ResourceType, c: Case, teamId = TEAM): ResourceFor<Permission> {
  const owner = c.mine ? ME : SOMEONE_ELSE;
  switch (type) {
    case "team":
      return { id: teamId };
    case "note":
      return note(c, teamId);
    case "review":
      return {
        note: note(c, teamId),
        review: c.review === "none" ? undefined : { state: c.review, reviewers: c.named ? [owner] : [] },
        changedSinceApproval: c.changed,
      };
    case "comment":
      return { teamId, authorId: owner };
    case "edition":
      return { teamId, visibility: c.visibility };
    case "feedToken":
    case "apiToken":
      return { teamId, userId: owner };
    case "member":
      return { teamId, member: { userId: owner, teamIds: c.inTeam ? [teamId] : [OTHER_TEAM] } };
    case "entity":
    case "source":
    case "judgment":
    case "revision":
    case "audit":
    case "webhook":
    case "template":
    case "collection":
      return { teamId };
  }
}

type Expectation = (role: Role, c: Case) => boolean;
const roles =
  (...allowed: Role[]): Expectation =>
  (role) =>
    allowed.includes(role);

const DRAFT_READERS = roles("owner", "analyst", "reviewer");
const WRITERS = roles("owner", "analyst");
const OWNER = roles("owner");

/** Who may, written out: by role, and where it depends on them, by the note's state or ownership. */
const TABLE: Record<Permission, Expectation> = {
  "team.read": roles("owner", "analyst", "reviewer", "reader"),
  "team.readDrafts": DRAFT_READERS,
  "team.edit": WRITERS,
  "team.comment": DRAFT_READERS,
  "team.review": roles("reviewer"),
  "team.deleteForGood": OWNER,
  "team.update": OWNER,
  "team.transfer": OWNER,
  "team.delete": OWNER,
  "team.leave": roles("owner", "analyst", "reviewer", "reader"),

  "note.read": DRAFT_READERS,
  "note.update": WRITERS,
  "note.comment": DRAFT_READERS,
  "note.suggest": DRAFT_READERS,
  "note.delete": OWNER,
  "note.unpublish": WRITERS,

  "review.request": (role, c) =>
    WRITERS(role, c) && (c.status === "draft" || ((c.status === "approved" || c.status === "published") && c.changed)),
  "review.decide": (role, c) => role === "reviewer" && c.status === "in_review" && c.review === "pending" && (!c.named || c.mine),
  "review.publish": (role, c) => WRITERS(role, c) && c.review === "approved" && !c.changed,
  "review.publishWithoutApproval": OWNER,

  "comment.resolve": DRAFT_READERS,
  "comment.edit": (role, c) => DRAFT_READERS(role, c) && c.mine,
  "comment.delete": (role, c) => DRAFT_READERS(role, c) && c.mine,

  "edition.read": (role, c) => c.visibility === "public" || ROLES.includes(role),
  "edition.followMentions": roles("owner", "analyst", "reviewer", "reader"),
  "edition.follow": roles("owner", "analyst", "reviewer", "reader"),

  "entity.read": roles("owner", "analyst", "reviewer", "reader"),
  "entity.follow": roles("owner", "analyst", "reviewer", "reader"),
  "entity.update": WRITERS,
  "entity.delete": OWNER,
  "source.read": DRAFT_READERS,
  "source.update": WRITERS,
  "judgment.read": roles("owner", "analyst", "reviewer", "reader"),

  "revision.read": DRAFT_READERS,
  "revision.name": WRITERS,
  "revision.restore": WRITERS,

  "feedToken.manage": (_role, c) => c.mine,
  // Every member may have API tokens of their own; what one does is still asked of the owner's role.
  "apiToken.manage": (_role, c) => c.mine,

  "webhook.manage": OWNER,

  // A template saved from a note carries its text: working material, as drafts are.
  "template.read": DRAFT_READERS,
  "template.create": WRITERS,
  "template.delete": WRITERS,

  // A collection's name and notes are working material, as drafts are.
  "collection.read": DRAFT_READERS,
  "collection.manage": WRITERS,

  "member.list": OWNER,
  "member.invite": OWNER,
  "member.changeRole": OWNER,
  "member.remove": OWNER,
  // Their own password too; never someone outside the team.
  "member.resetPassword": (role, c) => role === "owner" && c.inTeam,

  "audit.read": OWNER,
};

const permissions = (Object.keys(POLICIES) as ResourceType[]).flatMap((type) => Object.keys(POLICIES[type]).map((action) => `${type}.${action}` as Permission));
const typeOf = (permission: Permission) => permission.split(".")[0] as ResourceType;
const actor = (role: string, teamId = TEAM): Actor => ({ userId: ME, teamId, role: role as Role });

describe("the policy table", () => {
  it("has a row for every rule, and every row is a rule", () => {
    expect(permissions.sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(ROLES)("answers every rule for the %s as the table says, in every state", (role) => {
    const wrong: string[] = [];
    for (const permission of permissions) {
      for (const c of cases) {
        const answer = can(actor(role), permission, resource(typeOf(permission), c));
        if (answer !== TABLE[permission](role, c)) wrong.push(`${permission} ${JSON.stringify(c)}: ${answer}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives a role it does not know nothing, anywhere", () => {
    for (const permission of permissions) {
      for (const c of cases) expect(can(actor("auditor"), permission, resource(typeOf(permission), c)), permission).toBe(c.visibility === "public" && permission === "edition.read");
    }
    // Not even through an inherited property of the grants object.
    for (const role of ["constructor", "toString", "__proto__", ""]) {
      expect(permissions.filter((permission) => can(actor(role), permission, resource(typeOf(permission), cases[0])))).toEqual([]);
    }
  });

  it("gives a member of another team nothing of this team's, and someone signed out only public editions", () => {
    for (const permission of permissions) {
      for (const c of cases) {
        const publicEdition = permission === "edition.read" && c.visibility === "public";
        for (const role of ROLES) expect(can(actor(role, OTHER_TEAM), permission, resource(typeOf(permission), c)), `${role} ${permission}`).toBe(publicEdition);
        expect(can(null, permission, resource(typeOf(permission), c)), permission).toBe(publicEdition);
      }
    }
  });

  it("grants every role explicitly", () => {
    expect(Object.keys(GRANTS).sort()).toEqual([...ROLES].sort());
  });
});

describe("authorize", () => {
  const flow = (status: NoteStatus, review?: ReviewState) => ({
    note: { id: "00000000-0000-4000-8000-0000000000f1", teamId: TEAM, status },
    review: review ? { state: review, reviewers: [] } : undefined,
    changedSinceApproval: false,
  });

  it("refuses with the rule's reason when there is one, and a plain refusal otherwise", () => {
    expect(() => authorize(actor("analyst"), "review.publish", flow("draft"))).toThrow(
      expect.objectContaining({ code: "bad_request", message: "Publishing needs an approval of the text as it is now: request a review first." }),
    );
    expect(() => authorize(actor("analyst"), "review.publishWithoutApproval", flow("draft"))).toThrow(
      expect.objectContaining({ code: "forbidden", message: "Only an owner can publish without approval." }),
    );
    expect(() => authorize(actor("reader"), "review.publish", flow("approved", "approved"))).toThrow(
      expect.objectContaining({ code: "forbidden", message: "You do not have permission to do that." }),
    );
    expect(() => authorize(actor("analyst"), "review.publish", flow("approved", "approved"))).not.toThrow();
  });

  it("sends a page every rule of a policy as a yes or no", () => {
    expect(abilities(actor("reviewer"), "note", note(cases[0]))).toEqual({ read: true, update: false, comment: true, suggest: true, delete: false, unpublish: false });
  });
});

describe("password reset links", () => {
  const member = (teamIds: string[]) => ({ teamId: TEAM, member: { userId: SOMEONE_ELSE, teamIds } });

  it("an owner makes one for a member of their team who is in no other team, and for no one else", () => {
    expect(can(actor("owner"), "member.resetPassword", member([TEAM]))).toBe(true);
    expect(can(actor("owner"), "member.resetPassword", member([OTHER_TEAM]))).toBe(false);
    expect(can(actor("owner"), "member.resetPassword", member([]))).toBe(false);
  });

  it("is refused, with a reason, for a member of other teams too, from any of their teams: a password opens them all", () => {
    expect(() => authorize(actor("owner"), "member.resetPassword", member([OTHER_TEAM, TEAM]))).toThrow(/belongs to other teams too/);
    expect(can(actor("owner", OTHER_TEAM), "member.resetPassword", { ...member([OTHER_TEAM, TEAM]), teamId: OTHER_TEAM })).toBe(false);
    // Their own, though, wherever else they are.
    expect(can(actor("owner"), "member.resetPassword", { teamId: TEAM, member: { userId: ME, teamIds: [OTHER_TEAM, TEAM] } })).toBe(true);
  });

  it("is never granted without the member it is for", () => {
    expect(can(actor("owner"), "member.resetPassword", { teamId: TEAM })).toBe(false);
  });
});

describe("rolesWith", () => {
  it("lists the roles granted an ability, for queries that filter in the database", () => {
    expect(rolesWith("readDrafts")).toEqual(["owner", "analyst", "reviewer"]);
    expect(rolesWith("review")).toEqual(["reviewer"]);
  });
});
