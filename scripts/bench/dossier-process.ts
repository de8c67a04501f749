/**
 * A Dossier production process of a bench's own (dist/server.mjs, NODE_ENV
 * production) on its own port, with its own PGlite folder, or its own
 * PostgreSQL database when DATABASE_URL is set. The database is filled before
 * the process starts, through the app's own server-side code: the demo seed,
 * then whatever the bench adds (notes, published editions). PGlite allows one
 * process per folder, so the filling is done and closed before the start.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { db, setDatabase } from "@/db";
import { teams, users, type Team, type User } from "@/db/schema";
import { collabOperations, registerCollab } from "@/lib/collab/registry";
import { createCollabServer } from "@/lib/collab/server";
import { collabWiring } from "@/lib/collab-wiring";
import { DEMO_TEAM, DEMO_USERS } from "@/lib/demo/accounts";
import { seedDemo } from "@/lib/demo/seed";
import { cpuProfileFlags } from "./cpu-profile";
import { createDatabase } from "../test-database.mjs";

export type DemoRole = keyof typeof DEMO_USERS;

export interface DemoWorld {
  team: Team;
  users: Record<DemoRole, User>;
}

interface DossierProcess<T> {
  baseURL: string;
  /** What `prepare` returned. */
  prepared: T;
  stop(): Promise<void>;
}

async function demoWorld(): Promise<DemoWorld> {
  const [team] = await db().select().from(teams).where(eq(teams.slug, DEMO_TEAM.slug));
  const rows = await db()
    .select()
    .from(users)
    .where(inArray(users.email, Object.values(DEMO_USERS).map((u) => u.email)));
  const byRole = Object.fromEntries(
    (Object.keys(DEMO_USERS) as DemoRole[]).map((role) => [role, rows.find((row) => row.email === DEMO_USERS[role].email)!]),
  ) as Record<DemoRole, User>;
  return { team, users: byRole };
}

async function waitForHealth(baseURL: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Dossier exited with code ${child.exitCode} before it answered`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Dossier did not start at ${baseURL}`);
}

/** Seeds the demo team, runs `prepare` on the same database, then starts the server on `port`. */
export async function startDossier<T>(port: number, prepare: (world: DemoWorld) => Promise<T>): Promise<DossierProcess<T>> {
  if (!fs.existsSync("dist/server.mjs") || !fs.existsSync(".next/BUILD_ID")) {
    throw new Error("No production build: run `npm run build` first.");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-bench-"));
  const database = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL, "dossier_bench") : null;

  const handle = openDatabase(database ? { databaseUrl: database.url } : { dataDir: path.join(dataDir, "pglite") });
  setDatabase(handle);
  await handle.migrate();
  await seedDemo();
  // Publishing tells the note's open editors through the collaboration server, as in the app.
  const hocuspocus = createCollabServer({ secret: randomBytes(32).toString("hex"), ...collabWiring() });
  registerCollab(collabOperations(hocuspocus));
  const prepared = await prepare(await demoWorld());
  await handle.close();

  const child = spawn(process.execPath, [...cpuProfileFlags(), "dist/server.mjs"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      DOSSIER_DEMO: "1",
      DATABASE_URL: database?.url ?? "",
      // One process: nothing to share over Redis.
      REDIS_URL: "",
    },
  });
  const baseURL = `http://localhost:${port}`;
  await waitForHealth(baseURL, child);

  return {
    baseURL,
    prepared,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
