import { AppError, forbidden } from "@/lib/errors";
import type { Actor, Verdict } from "./actor";
import { apiTokenPolicy, type ApiTokenResource } from "./api-token";
import { auditPolicy, type AuditResource } from "./audit";
import { collectionPolicy, type CollectionResource } from "./collection";
import { commentPolicy, type CommentResource } from "./comment";
import { editionPolicy, type EditionResource } from "./edition";
import { entityPolicy, type EntityResource } from "./entity";
import { judgmentPolicy, type JudgmentResource } from "./judgment";
import { feedTokenPolicy, type FeedTokenResource } from "./feed-token";
import { memberPolicy, type MemberResource } from "./member";
import { notePolicy, type NoteResource } from "./note";
import { reviewPolicy, type WorkflowResource } from "./review";
import { revisionPolicy, type RevisionResource } from "./revision";
import { sourcePolicy, type SourceResource } from "./source";
import { teamPolicy, type TeamResource } from "./team";
import { templatePolicy, type TemplateResource } from "./template";
import { webhookPolicy, type WebhookResource } from "./webhook";

export type { Actor } from "./actor";
export { ROLE_LABELS } from "./grants";

/**
 * Who may do what to which thing (docs/ARCHITECTURE.md, "The policy layer"):
 * one policy per resource, each a set of rules of (actor, resource). Pages,
 * route handlers, server actions and the websocket ask through `can` and
 * `authorize`; the UI gets `abilities` with its data and never decides itself.
 */
interface Resources {
  team: TeamResource;
  note: NoteResource;
  review: WorkflowResource;
  comment: CommentResource;
  edition: EditionResource;
  entity: EntityResource;
  source: SourceResource;
  judgment: JudgmentResource;
  revision: RevisionResource;
  feedToken: FeedTokenResource;
  apiToken: ApiTokenResource;
  webhook: WebhookResource;
  template: TemplateResource;
  collection: CollectionResource;
  member: MemberResource;
  audit: AuditResource;
}

type Rule<T> = (actor: Actor | null, resource: T) => Verdict;

export const POLICIES = {
  team: teamPolicy,
  note: notePolicy,
  review: reviewPolicy,
  comment: commentPolicy,
  edition: editionPolicy,
  entity: entityPolicy,
  source: sourcePolicy,
  judgment: judgmentPolicy,
  revision: revisionPolicy,
  feedToken: feedTokenPolicy,
  apiToken: apiTokenPolicy,
  webhook: webhookPolicy,
  template: templatePolicy,
  collection: collectionPolicy,
  member: memberPolicy,
  audit: auditPolicy,
} satisfies { [R in keyof Resources]: Record<string, Rule<Resources[R]>> };

type Policies = typeof POLICIES;
export type ResourceType = keyof Policies;
export type ActionOn<R extends ResourceType> = keyof Policies[R] & string;
/** "note.update", "review.publish", …: every rule of every policy. */
export type Permission = { [R in ResourceType]: `${R}.${ActionOn<R>}` }[ResourceType];
export type ResourceOf<R extends ResourceType> = Resources[R];
/** Permissions whose resource is the team itself or anything of it known by the team alone (a server action's guard). */
export type TeamScopedPermission = Extract<Permission, `${"team" | "entity" | "source" | "judgment" | "member" | "audit" | "webhook" | "template" | "collection"}.${string}`>;
/** A team as the resource of a team-scoped permission. */
export const teamScope = (team: { id: string }) => ({ id: team.id, teamId: team.id });

export type ResourceFor<P extends Permission> = P extends `${infer R extends ResourceType}.${string}` ? Resources[R] : never;

function verdict(actor: Actor | null, permission: Permission, resource: unknown): Verdict {
  const [type, action] = permission.split(".") as [ResourceType, string];
  const rule = (POLICIES[type] as Record<string, Rule<unknown>>)[action];
  return rule(actor, resource);
}

/** Whether the actor may; `null` is someone signed out or outside the team. */
export function can<P extends Permission>(actor: Actor | null, permission: P, resource: ResourceFor<P>): boolean {
  return verdict(actor, permission, resource) === true;
}

/** Throws what the user is told when they may not: the rule's reason, or "You do not have permission". */
export function authorize<P extends Permission>(actor: Actor | null, permission: P, resource: ResourceFor<P>): void {
  const answer = verdict(actor, permission, resource);
  if (answer === true) return;
  if (answer === false) throw forbidden();
  throw new AppError(answer.refused, answer.message);
}

/** Every rule of one policy for this resource, as booleans: what a page sends its controls. */
export function abilities<R extends ResourceType>(actor: Actor | null, type: R, resource: ResourceOf<R>): Record<ActionOn<R>, boolean> {
  const rules = POLICIES[type] as Record<string, Rule<unknown>>;
  return Object.fromEntries(Object.keys(rules).map((action) => [action, rules[action](actor, resource) === true])) as Record<ActionOn<R>, boolean>;
}
