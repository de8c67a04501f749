import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { builtActions } from "./support/server-actions";
import { entryName, MATRIX, type MatrixEntry } from "./support/authorization-table";
import { ask, crossTeamVariants, inPath, type Answer } from "./support/authorization-requests";
import { MARKERS, MATRIX_ROLES, MatrixWorld, type MatrixRole, type TeamIds } from "./support/authorization-world";
import { SERVER_ROUTES } from "../lib/reading/routes";

/**
 * The authorisation matrix: every page, route handler and server action,
 * requested as each role (owner, analyst, reviewer, reader of one team, the
 * owner of another team, and no one), with the entry's allowed set asserted;
 * then again with the other team's ids in each id slot, which must be refused,
 * change nothing and show nothing of the other team.
 */

const SESSION_ENDED = "Your session has ended. Please sign in again.";
const NOT_A_MEMBER = "That team was not found.";
const NOT_ALLOWED = "You do not have permission to do that.";

// ---- Completeness: the table against the app's files and the build.

const routeOf = (file: string) => file.replace(/\\/g, "/");
const sourceFiles = (pattern: string) => fs.globSync(pattern).map(routeOf).sort();

/** Exported server actions of every "use server" file: `export async function x` and `export const x`. */
function serverActionExports(): string[] {
  const files = ["app", "lib", "components"].flatMap((dir) => sourceFiles(`${dir}/**/*.{ts,tsx}`));
  return files.flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];/m.test(source.split("\n").find((line) => line.trim() && !line.startsWith("//")) ?? "")) return [];
    return [...source.matchAll(/^export (?:async function|const) (\w+)/gm)].map(([, name]) => `${file}#${name}`);
  });
}

/** Methods a route file exports: `export async function GET` or `export const { GET, POST } = …`. */
function routeMethods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const functions = [...source.matchAll(/^export (?:async )?function (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)].map(([, m]) => m);
  const destructured = [...source.matchAll(/^export const \{([^}]+)\}/gm)].flatMap(([, names]) => names.split(",").map((n) => n.trim()));
  return [...functions, ...destructured].sort();
}

test("every page, route handler and server action has an entry in the matrix, and every entry still exists", () => {
  const pages = MATRIX.filter((e) => e.kind === "page").map((e) => e.page);
  expect.soft(sourceFiles("app/**/page.tsx"), "pages without an entry, or entries for pages that are gone").toEqual([...new Set(pages)].sort());

  const routes = MATRIX.filter((e) => e.kind === "route").map((e) => `${e.method} ${e.route}`);
  const methods = [...sourceFiles("app/**/route.ts").flatMap((file) => routeMethods(file).map((method) => `${method} ${file}`)), ...SERVER_ROUTES].sort();
  expect.soft(methods, "route handlers without an entry, or entries for handlers that are gone").toEqual([...new Set(routes)].sort());

  const actionEntries = MATRIX.filter((e) => e.kind === "action");
  const built = builtActions().map((a) => a.key);
  const exported = serverActionExports();
  // An inline action ("use server" inside a component) exists only in the build.
  const inline = built.filter((key) => !exported.includes(key));
  expect.soft([...exported, ...inline].sort(), "server actions without an entry, or entries for actions that are gone").toEqual(actionEntries.map((e) => e.action).sort());
  for (const entry of actionEntries) {
    expect(built.includes(entry.action), `${entry.action}: marked unreferenced ("${entry.unreferenced}") but the build has it, so browsers can call it`).toBe(
      !entry.unreferenced,
    );
  }
});

// ---- The matrix.

let world: MatrixWorld;
const counts = { entries: 0, roleChecks: 0, crossTeamChecks: 0 };

test.describe("as every role, with its own team's ids and with the other team's", () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    world = await MatrixWorld.build(baseURL!, browser);
  });

  test.afterAll(async () => {
    console.log(
      `authorisation matrix: ${counts.entries} entries × ${MATRIX_ROLES.length} roles = ${counts.roleChecks} role checks, ` +
        `plus ${counts.crossTeamChecks} requests with the other team's ids`,
    );
    await world?.dispose();
  });

  test("a server action is reached over HTTP as the browser calls it", async () => {
    const { team, noteId } = world.home;
    const threads = await world.sessions.reviewer.action("app/t/[team]/notes/[id]/comment-actions.ts#listThreadsAction", [{ team, noteId }], { team, id: noteId });
    expect(threads.status).toBe(200);
    expect(threads.result).toMatchObject({ ok: true, data: [{ quote: "abstain", comments: [{ body: `${MARKERS.home} wants a source.` }] }] });
    // The same request with a made-up action id reaches no action ("Failed to find Server Action").
    const response = await world.sessions.reviewer.request.post(`/t/${team}`, {
      headers: { "Next-Action": "7f".padEnd(42, "0"), "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(world.baseURL).origin },
      data: JSON.stringify([{ team, noteId }]),
      maxRedirects: 0,
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain("abstain");
  });

  // An action no page references cannot be called; the completeness test keeps that true.
  for (const entry of MATRIX.filter((e) => !(e.kind === "action" && e.unreferenced))) {
    test(entryName(entry), async () => {
      counts.entries += 1;
      await checkEntry(entry);
    });
  }
});

const isAllowed = (entry: MatrixEntry, role: MatrixRole) => entry.allowed.includes(role);
/** In a cross-team request the outsider acts in the team they own. */
const roleInOwnTeam = (role: MatrixRole): MatrixRole => (role === "outsider" ? "owner" : role);
const toSignIn = (answer: Answer) => [303, 307, 308].includes(answer.status) && new URL(answer.location ?? "", "http://x").pathname === "/signin";

async function checkEntry(entry: MatrixEntry) {
  const prepare = entry.kind === "page" ? undefined : entry.prepare;
  /** The home team's ids for a call as `role`, with what the entry prepares for it. */
  const homeIds = async (role: MatrixRole): Promise<TeamIds> => ({ ...world.home, ...(await prepare?.(world, role)) });

  // An action's objects are prepared before the snapshot, so the snapshot shows only what the requests change.
  const mutates = entry.kind === "action";
  const prepared = new Map<MatrixRole, TeamIds>();
  if (mutates) for (const role of MATRIX_ROLES) prepared.set(role, await homeIds(role));
  const idsFor = async (role: MatrixRole) => prepared.get(role) ?? (await homeIds(role));
  const before = mutates ? await Promise.all([world.snapshot(world.home), world.snapshot(world.other)]) : [];

  // Refused roles, with the home team's ids.
  for (const role of MATRIX_ROLES.filter((r) => !isAllowed(entry, r))) {
    const answer = await ask(world, entry, role, await idsFor(role));
    expectRefused(entry, role, answer, `${role} in the home team`);
    if (role === "outsider" || role === "anonymous") expectNoLeak(answer, MARKERS.home, `${role} in the home team`);
    counts.roleChecks += 1;
  }

  // Every role, in its own team, with the other team's ids.
  const fresh = async (role: MatrixRole) => (entry.kind === "route" && entry.prepare ? entry.prepare(world, role) : {});
  for (const role of MATRIX_ROLES) {
    // A route's tokens are renewed as it is asked for, so the other team's token in a slot is one that works there.
    const other = { ...world.otherOf(role), ...(await fresh(role === "outsider" ? "owner" : "outsider")) };
    const base = { ...world.homeOf(role), ...(await fresh(role)) };
    const marker = role === "outsider" ? MARKERS.home : MARKERS.other;
    for (const variant of crossTeamVariants(entry, base, other, role)) {
      const answer = await ask(world, entry, role, variant.ids, base);
      const what = `${role} with the other team's ${variant.slots.join(", ")}`;
      expectCrossRefused(entry, role, answer, inPath(entry, variant.ids, variant.slots, role), what);
      expectNoLeak(answer, marker, what);
      counts.crossTeamChecks += 1;
    }
  }

  if (mutates) {
    const after = await Promise.all([world.snapshot(world.home), world.snapshot(world.other)]);
    expect(after[0], "the home team after the refused requests").toEqual(before[0]);
    expect(after[1], "the other team after the refused requests").toEqual(before[1]);
  }

  // Allowed roles, with the home team's ids.
  for (const role of MATRIX_ROLES.filter((r) => isAllowed(entry, r))) {
    const answer = await ask(world, entry, role, await idsFor(role));
    expectAllowed(entry, answer, `${role} in the home team`);
    counts.roleChecks += 1;
  }
}

function expectAllowed(entry: MatrixEntry, answer: Answer, what: string) {
  const context = `${entryName(entry)}: ${what} may (HTTP ${answer.status} ${answer.location ?? ""} ${answer.body.slice(0, 300)})`;
  if (entry.kind === "action") {
    if (entry.succeeds) expect(answer.action?.redirect, context).toMatch(entry.succeeds.redirect);
    else expect(answer.action?.result, context).toMatchObject({ ok: true });
    return;
  }
  if (entry.kind === "route" && entry.succeeds) expect(answer.location, context).toMatch(entry.succeeds.redirect);
  else if (answer.status >= 300 && answer.status < 400) expect(toSignIn(answer), context).toBe(false);
  else expect(answer.status, context).toBe(200);
}

const actionRefusal = (entry: MatrixEntry & { kind: "action" }, role: MatrixRole) =>
  entry.refusals?.[role] ?? (role === "anonymous" ? SESSION_ENDED : role === "outsider" ? NOT_A_MEMBER : NOT_ALLOWED);

function expectRefused(entry: MatrixEntry, role: MatrixRole, answer: Answer, what: string) {
  const context = `${entryName(entry)}: ${what} may not (HTTP ${answer.status} ${answer.location ?? ""} ${answer.body.slice(0, 300)})`;
  if (entry.kind === "action") {
    expect(answer.action?.result, context).toEqual({ ok: false, error: actionRefusal(entry, role) });
  } else if (entry.kind === "page") {
    // Signed out: the sign-in page; signed in: no such page, whether it exists or not.
    if (role === "anonymous" && !entry.goneForAll) expect(toSignIn(answer), context).toBe(true);
    else expect(answer.status, context).toBe(404);
  } else {
    const status = typeof entry.refused === "number" ? entry.refused : entry.refused[role];
    expect(answer.status, context).toBe(status);
    if (status === 302) expect(answer.location, context).toMatch(/error/i);
  }
}

function expectCrossRefused(entry: MatrixEntry, role: MatrixRole, answer: Answer, slotInPath: boolean, what: string) {
  const context = `${entryName(entry)}: ${what} (HTTP ${answer.status} ${answer.location ?? ""} ${answer.body.slice(0, 300)})`;
  if (entry.kind === "action") {
    const acting = roleInOwnTeam(role);
    if (isAllowed(entry, acting)) expect(answer.action?.result, context).toEqual({ ok: false, error: expect.stringMatching(entry.crossError ?? /was not found\.$/) });
    else expect(answer.action?.result, context).toEqual({ ok: false, error: actionRefusal(entry, acting) });
    return;
  }
  if (slotInPath) {
    // An object of another team in the path does not exist here.
    const refusals = entry.kind === "page" ? [404] : [401, 404];
    if (role === "anonymous" && entry.kind === "page" && toSignIn(answer)) return;
    expect(refusals, context).toContain(answer.status);
  } else {
    // In the query it filters to nothing: the page may render, showing none of it.
    expect(answer.status, context).toBeLessThan(500);
  }
}

function expectNoLeak(answer: Answer, marker: string, what: string) {
  expect(answer.body.includes(marker), `${what}: the answer shows "${marker}" data`).toBe(false);
}
