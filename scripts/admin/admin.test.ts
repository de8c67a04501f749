import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, setDatabase } from "@/db";
import { openDatabase } from "@/db/client";
import { auditLog, memberships, teams, users } from "@/db/schema";
import { createSession, isSessionActive } from "@/lib/auth/sessions";
import { CLOSE_SIGNED_OUT } from "@/lib/collab/context";
import { REDIS_PREFIX } from "@/lib/collab/server";
import { claimDataDir } from "@/lib/data-dir-lock";
import { eventually, startCollabServer, TEST_SECRET } from "@/lib/testing/collab";
import { openTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { mintCollabToken } from "@/lib/collab/collab-token";
import { verifyCredentials } from "@/lib/users/queries";

/**
 * `npm run admin` as operators run it: the built dist/admin.mjs in a child
 * process of its own, against a PGlite folder (and, with DATABASE_URL, a
 * PostgreSQL database of its own), whose results this process then reads.
 */

const root = path.resolve(import.meta.dirname, "../..");

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-server.mjs", "admin"], { cwd: root, stdio: "inherit" });
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line; `stdin` is piped in when given, otherwise standard input is empty and not a terminal. */
function admin(env: Record<string, string>, args: string[], stdin?: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["dist/admin.mjs", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

/** Where the command line writes, and a way for this process to read it. */
interface Backend {
  env: Record<string, string>;
  /** Runs `read` with the database open in this process; a PGlite folder is open only meanwhile, never while the command runs. */
  inspect<T>(read: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  dataDir?: string;
}

async function pgliteFolder(): Promise<Backend> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-admin-"));
  return {
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" },
    async inspect(read) {
      const handle = openDatabase({ dataDir: path.join(dataDir, "pglite") });
      await handle.migrate();
      setDatabase(handle);
      try {
        return await read();
      } finally {
        await handle.close();
      }
    },
    async close() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(): Promise<Backend> {
  const database = await openTestDatabase();
  return {
    env: { DATABASE_URL: database.url!, REDIS_URL: "" },
    inspect: (read) => read(),
    close: () => database.close(),
  };
}

const BACKENDS: [string, () => Promise<Backend>][] = [["a PGlite folder", pgliteFolder]];
if (process.env.DATABASE_URL) BACKENDS.push(["PostgreSQL", postgresDatabase]);

const PASSWORD = "a long enough passphrase";

async function everything() {
  const [[u], [t], [m], [a]] = await Promise.all([
    db().select({ n: count() }).from(users),
    db().select({ n: count() }).from(teams),
    db().select({ n: count() }).from(memberships),
    db().select({ n: count() }).from(auditLog),
  ]);
  return { users: u.n, teams: t.n, memberships: m.n, audit: a.n };
}

async function membershipOf(email: string) {
  return db()
    .select({ slug: teams.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(users.email, email));
}

describe.each(BACKENDS)("npm run admin against %s", (name, open) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(() => backend?.close());
  const run = (args: string[], stdin?: string, env: Record<string, string> = {}) => admin({ ...backend.env, ...env }, args, stdin);

  it("creates an account that owns a new team, and that account signs in", async () => {
    const result = await run(["create-user", "--email", "Ana@Example.org", "--name", "Ana Berg", "--team", "korea-desk", "--team-name", "Korea Desk", "--role", "owner", "--password", PASSWORD]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe("Created the account ana@example.org (Ana Berg), owner of the new team Korea Desk (/t/korea-desk).\n");

    await backend.inspect(async () => {
      const user = await verifyCredentials("ana@example.org", PASSWORD);
      expect(user).toMatchObject({ name: "Ana Berg" });
      expect(await verifyCredentials("ana@example.org", "not the passphrase")).toBeNull();
      expect(await membershipOf("ana@example.org")).toEqual([{ slug: "korea-desk", role: "owner" }]);
      const recorded = await db().select({ action: auditLog.action, target: auditLog.target, data: auditLog.data }).from(auditLog);
      expect(recorded).toEqual(
        expect.arrayContaining([
          { action: "user.created", target: user!.id, data: { email: "ana@example.org", via: "command line" } },
          { action: "team.created", target: "korea-desk", data: { via: "command line" } },
          { action: "member.added", target: user!.id, data: { role: "owner", via: "command line" } },
        ]),
      );
    });
  });

  it("adds an account to an existing team with the role given, taking the password from standard input", async () => {
    const result = await run(["create-user", "--email", "rui@example.org", "--name", "Rui Costa", "--team", "korea-desk", "--role", "reviewer"], `${PASSWORD}\n`);
    expect(result).toMatchObject({ code: 0, stdout: "Created the account rui@example.org (Rui Costa), reviewer of Korea Desk (/t/korea-desk).\n" });
    await backend.inspect(async () => {
      // The line break that ends what was piped in is not part of the password.
      expect(await verifyCredentials("rui@example.org", PASSWORD)).toMatchObject({ name: "Rui Costa" });
      expect(await membershipOf("rui@example.org")).toEqual([{ slug: "korea-desk", role: "reviewer" }]);
    });
  });

  it("generates a strong password when none is given and prints it once", async () => {
    const result = await run(["create-user", "--email", "mo@example.org", "--name", "Mo Chen"]);
    expect(result.code).toBe(0);
    const printed = /^Password \(shown once\): (\S+)$/m.exec(result.stdout)?.[1];
    expect(printed).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await backend.inspect(async () => {
      expect(await verifyCredentials("mo@example.org", printed!)).toMatchObject({ name: "Mo Chen" });
      expect(await membershipOf("mo@example.org")).toEqual([]);
    });
  });

  describe("bad input", () => {
    let before: Awaited<ReturnType<typeof everything>>;
    beforeAll(async () => {
      before = await backend.inspect(everything);
    });

    it.each([
      ["no command", [], undefined, 2, /^Name a command: create-user or reset-password\.\n\nUsage: npm run admin/],
      ["an unknown command", ["delete-everyone"], undefined, 2, /^There is no command "delete-everyone"/],
      ["an unknown option", ["create-user", "--email", "x@example.org", "--name", "X", "--admin"], undefined, 2, /^Unknown option '--admin'\.\n\nUsage:/],
      ["a missing e-mail address", ["create-user", "--name", "X"], undefined, 2, /^--email is required\./],
      ["a malformed e-mail address", ["create-user", "--email", "x@", "--name", "X"], undefined, 2, /^--email: Enter an e-mail address such as ana@example\.org\./],
      ["a weak password", ["create-user", "--email", "x@example.org", "--name", "X", "--password", "letmein"], undefined, 2, /^The password: Choose a password of at least 8 characters\./],
      ["a 10 kB password on standard input", ["create-user", "--email", "x@example.org", "--name", "X"], "x".repeat(10_240), 2, /^The password: That password is too long: a password can be at most 1024 bytes\./],
      ["a team slug that climbs out of /t/", ["create-user", "--email", "x@example.org", "--name", "X", "--team", "../x", "--team-name", "X"], undefined, 2, /^--team: A slug may hold only lowercase letters, digits and single hyphens/],
      ["joining a team without a role", ["create-user", "--email", "x@example.org", "--name", "X", "--team", "korea-desk"], undefined, 2, /^--role is required to join a team/],
      ["a role that does not exist", ["create-user", "--email", "x@example.org", "--name", "X", "--team", "korea-desk", "--role", "admin"], undefined, 2, /^--role must be one of owner, analyst, reviewer, reader\./],
      ["a new team whose first member is not its owner", ["create-user", "--email", "x@example.org", "--name", "X", "--team", "new-desk", "--team-name", "New", "--role", "reader"], undefined, 1, /^A new team's first member is its owner/],
      ["a team that does not exist", ["create-user", "--email", "x@example.org", "--name", "X", "--team", "no-such-desk", "--role", "analyst"], undefined, 1, /^There is no team at \/t\/no-such-desk; give --team-name to create it\./],
      ["creating a team that exists", ["create-user", "--email", "x@example.org", "--name", "X", "--team", "korea-desk", "--team-name", "Korea Desk"], undefined, 1, /^A team at \/t\/korea-desk already exists/],
      ["an e-mail address that has an account", ["create-user", "--email", "ANA@example.org", "--name", "Ana Again"], undefined, 1, /^An account with that email already exists\./],
      ["resetting the password of no account", ["reset-password", "--email", "nobody@example.org"], undefined, 1, /^There is no account with the e-mail address nobody@example\.org\./],
      ["an option of another command", ["reset-password", "--email", "ana@example.org", "--team", "korea-desk"], undefined, 2, /^reset-password takes no --team\./],
    ])("refuses %s with a message and a failing exit status", async (_what, args, stdin, status, message) => {
      const result = await run(args, stdin);
      expect(result.code).toBe(status);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe("");
    });

    it("changed nothing in any of those cases", async () => {
      expect(await backend.inspect(everything)).toEqual(before);
    });
  });

  it("resets a password: the old one stops working, the new one works, and every session of the account ends", async () => {
    const { user, sessions, hashBefore } = await backend.inspect(async () => {
      const user = (await verifyCredentials("ana@example.org", PASSWORD))!;
      const sessions = [await createSession({ userId: user.id }), await createSession({ userId: user.id })];
      return { user, sessions, hashBefore: user.passwordHash };
    });
    const result = await run(["reset-password", "--email", "ana@example.org"], "a brand new passphrase\n");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Set a new password for ana@example.org and ended 2 sessions.");

    await backend.inspect(async () => {
      expect(await verifyCredentials("ana@example.org", PASSWORD)).toBeNull();
      const after = await verifyCredentials("ana@example.org", "a brand new passphrase");
      expect(after?.id).toBe(user.id);
      expect(after?.passwordHash).not.toBe(hashBefore);
      for (const session of sessions) expect(await isSessionActive(session, user.id)).toBe(false);
      const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "user.password_reset"));
      expect(entry).toMatchObject({ userId: null, target: user.id, data: { email: "ana@example.org", sessionsEnded: 2, via: "command line" } });
    });
  });

  if (name === "a PGlite folder") {
    it("refuses to open a PGlite folder that a running server holds, and works once it has stopped", async () => {
      const before = await backend.inspect(everything);
      const release = claimDataDir(backend.dataDir!, "a Dossier server");
      try {
        const result = await run(["create-user", "--email", "late@example.org", "--name", "Late", "--password", PASSWORD]);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`is in use by a Dossier server (pid ${process.pid}): PGlite lets one process at a time open a data folder.`);
      } finally {
        release();
      }
      expect(await backend.inspect(everything)).toEqual(before);
      expect((await run(["create-user", "--email", "late@example.org", "--name", "Late", "--password", PASSWORD])).code).toBe(0);
    });
  }
});

// Open editors are on the servers: the command line reaches them through Redis, as the servers reach one another.
// It needs the database open here and in the command at once, so PostgreSQL: it runs in the PostgreSQL pass.
if (process.env.DATABASE_URL) describe("reset-password with REDIS_URL", () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await postgresDatabase();
  });
  afterAll(() => backend?.close());

  it("closes the account's open editors on a running server", async () => {
    const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const server = await startCollabServer({ redis: { url: redisUrl, prefix: REDIS_PREFIX } });
    try {
      const { team } = await buildTeam();
      const analyst = await buildMember(team.id, "analyst");
      const note = await buildNote(team.id, analyst.id);
      const token = await mintCollabToken({ userId: analyst.id, sessionId: await createSession({ userId: analyst.id }) }, TEST_SECRET);
      const editor = await server.connect(note.id, analyst.id, { token });
      await eventually(() => expect(editor.events.authenticated).toEqual(["read-write"]));

      const result = await admin({ ...backend.env, REDIS_URL: redisUrl }, ["reset-password", "--email", analyst.email, "--password", "a brand new passphrase"]);
      expect(result).toMatchObject({ code: 0, stderr: "" });
      expect(result.stdout).not.toContain("Without REDIS_URL");
      await eventually(() => expect(editor.events.closes).toContain(CLOSE_SIGNED_OUT.code));
      // It reconnects with its token, whose session has ended.
      await eventually(() => expect(editor.events.denied).toContain("unauthenticated"));
    } finally {
      await server.close();
    }
  });
});
