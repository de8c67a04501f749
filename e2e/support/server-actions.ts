import fs from "node:fs";

/** A server action of the production build, as the browser addresses it. */
export interface BuiltAction {
  id: string;
  /** Source file and export, e.g. "app/t/[team]/actions.ts#renameNoteAction" (inline actions get "$$RSC_SERVER_ACTION_n"). */
  key: string;
  /** Routes whose pages reference it, e.g. "app/t/[team]/notes/[id]/page". */
  workers: string[];
}

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };

/** Every server action the build can be called with, read from Next's server reference manifest. */
export function builtActions(manifestPath = ".next/server/server-reference-manifest.json"): BuiltAction[] {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, key: `${entry.filename}#${entry.exportedName}`, workers: Object.keys(entry.workers) }));
}

/** Values for a route's dynamic segments, which may depend on the route ([id] is an actor's on an actor's page). */
export type PageParams = Record<string, string> | ((route: string) => Record<string, string | undefined>);

/**
 * The page path a browser on one of the action's pages would post to: the
 * shortest route of those whose params are all given, with them filled in.
 */
export function actionPagePath(action: BuiltAction, params: PageParams): string {
  const valuesFor = (route: string) => (typeof params === "function" ? params(route) : params);
  const routes = action.workers
    .map((worker) => worker.replace(/^app/, "").replace(/\/page$/, "") || "/")
    .filter((route) => [...route.matchAll(/\[(\w+)\]/g)].every(([, name]) => valuesFor(route)[name] !== undefined))
    .sort((a, b) => a.split("/").length - b.split("/").length);
  if (routes.length === 0) throw new Error(`no params to reach ${action.key} from ${action.workers.join(", ")}`);
  const values = valuesFor(routes[0]);
  return routes[0].replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(values[name]!));
}

/**
 * Page params from a team's ids: [id] is the note's, under /sources/ the
 * source's, or under [kind] the actor's (on /actors/…), else the event's
 * (on /events/…); a list page without either is the actors'.
 */
export function pageParams(ids: { team: string; noteId?: string; actorId?: string; eventId?: string; revisionId?: string; inviteToken?: string; sourceId?: string }): PageParams {
  const entity = ids.actorId ? { kind: "actors", id: ids.actorId } : ids.eventId ? { kind: "events", id: ids.eventId } : undefined;
  return (route) => ({
    team: ids.team,
    token: ids.inviteToken,
    revisionId: ids.revisionId,
    kind: entity?.kind ?? "actors",
    id: route.includes("/[kind]/") ? entity?.id : route.includes("/sources/") ? ids.sourceId : ids.noteId,
  });
}

/** Fields of a form action (called as `action(previousState, formData)` by useActionState). */
export type FormFields = Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;

/** How the request looks on the wire: a JSON argument list, or a form as React encodes FormData. */
export function encodeActionArguments(args: unknown[] | { form: FormFields }): { headers: Record<string, string>; data?: string; multipart?: FormData } {
  if (Array.isArray(args)) return { headers: { "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args) };
  // React's encodeReply: the form's fields under "_1_", then (last: the server reads the parts in order) the
  // argument list referring to them as "$K1".
  const multipart = new FormData();
  for (const [name, value] of Object.entries(args.form)) {
    if (typeof value === "string") multipart.append(`_1_${name}`, value);
    else multipart.append(`_1_${name}`, new File([new Uint8Array(value.buffer)], value.name, { type: value.mimeType }));
  }
  multipart.append("0", JSON.stringify([null, "$K1"]));
  return { headers: {}, multipart };
}

export type ActionResultShape = { ok: true; data?: unknown } | { ok: false; error: string };

export interface ActionOutcome {
  status: number;
  /** Where a redirect() in the action sends the browser. */
  redirect?: string;
  /** The action's return value, when it returned one. */
  result?: ActionResultShape;
  body: string;
}

/** Reads the action's answer: a redirect header, or the flight row holding its return value. */
export function decodeActionResponse(status: number, headers: Record<string, string>, body: string): ActionOutcome {
  const redirect = headers["x-action-redirect"]?.split(";")[0];
  if (redirect) return { status, redirect, body };
  const row = body.split("\n").find((line) => line.startsWith("1:"));
  if (!row || row.startsWith("1:E")) return { status, body };
  const result = JSON.parse(row.slice(2)) as ActionResultShape | "$undefined";
  return { status, result: result === "$undefined" ? undefined : result, body };
}
