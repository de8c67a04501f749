/**
 * Reading: requests per second and latency of a published brief's reading
 * view and of a team's reader home (the briefs front page, where /t/<team>
 * sends a reader), against the production build, with a signed-in reader and
 * CLIENTS concurrent clients; and the JavaScript the reading view ships.
 *
 * Baseline: the same page's HTML, saved once, served as a static file by a
 * bare node:http server in a process of its own. Same bytes, same client,
 * same machine: the ratio is the cost of rendering the page (session, access
 * checks, queries, React) over merely sending it. Next's health route would
 * measure a different, much smaller response and one query, not a page.
 * Both are asked for `accept-encoding: identity`, so compression is in neither.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { entities } from "@/db/schema";
import { createNote, findNote, listNotes } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { startDossier, type DemoWorld } from "./dossier-process";
import { closedLoop } from "./load";
import { analystProse } from "./prose";
import { signIn } from "./sign-in";
import { ratio, report, summarise } from "./stats";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CLIENTS = 10;
/** The reader home lists this many published briefs. */
const BRIEFS = 30;
const PORT = 4210;
const STATIC_PORT = 4211;

/** The demo notes and generated briefs of ~800 words, all published to the team; returns the one to read. */
async function publishBriefs({ team, users }: DemoWorld): Promise<string> {
  const named = await db().select().from(entities).where(eq(entities.teamId, team.id));
  const mentionable = named.map((e) => ({ id: e.id, name: e.name, kind: e.kind }));
  const existing = await listNotes(team.id);
  for (let i = existing.length; i < BRIEFS; i++) {
    await createNote({ teamId: team.id, userId: users.analyst.id, title: `Weekly assessment ${i + 1}`, kind: "brief", content: analystProse(800, mentionable, { seed: i }) });
  }
  let read = "";
  for (const { id } of await listNotes(team.id)) {
    const note = (await findNote(id))!;
    await publishNote(note, users.owner, "owner", { visibility: "team", summary: "Weekly assessment for the desk.", overrideApproval: true });
    if (note.title === "Weekly assessment 10") read = id;
  }
  return read;
}

/** The page's <script src> files: count, raw bytes and gzip'd bytes (level 6, as Next's compression); and inline script bytes. */
async function shippedScripts(baseURL: string, html: string) {
  const sources = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&")))];
  let raw = 0;
  let gzipped = 0;
  for (const source of sources) {
    const response = await fetch(new URL(source, baseURL), { headers: { "accept-encoding": "identity" } });
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 6 }).length;
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + Buffer.byteLength(m[1]), 0);
  return { scripts: sources.length, rawKB: kb(raw), gzipKB: kb(gzipped), inlineKB: kb(inline) };
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function staticServer(html: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dossier-static-")), "page.html");
  fs.writeFileSync(file, html);
  const child = fork(path.join(process.cwd(), "scripts/bench/static-file-server.mjs"), [file, String(STATIC_PORT)], { stdio: "inherit" });
  await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`static server exited (${code})`)));
  });
  return {
    url: `http://localhost:${STATIC_PORT}/`,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}

async function measure(url: string, headers: Record<string, string>) {
  // A short warm-up, so the first requests' compilation and caches are not counted.
  await closedLoop(url, { clients: CLIENTS, seconds: Math.min(3, SECONDS / 5), headers });
  const run = await closedLoop(url, { clients: CLIENTS, seconds: SECONDS, headers });
  if (run.failures) throw new Error(`${url}: ${run.failures} of ${run.requests} responses were not 200`);
  const { p50, p99 } = summarise(run.latencies);
  return { requests: run.requests, rps: Math.round(run.requests / run.seconds), p50, p99 };
}

export async function benchReading() {
  console.log(`reading: ${CLIENTS} clients for ${SECONDS} s per page, signed in as a reader, production build`);
  const dossier = await startDossier(PORT, publishBriefs);
  const rows = [];
  let javascript = {};
  try {
    const session = await signIn(dossier.baseURL, "reader");
    const headers = { cookie: session.header, "accept-encoding": "identity" };
    const pages = [
      { page: "brief reading view", path: `/b/demo/${dossier.prepared}` },
      { page: "reader home (briefs)", path: "/t/demo/briefs" },
    ];
    for (const { page, path: pagePath } of pages) {
      const url = `${dossier.baseURL}${pagePath}`;
      const first = await fetch(url, { headers, redirect: "manual" });
      const html = await first.text();
      if (first.status !== 200 || !html.includes("Weekly assessment")) throw new Error(`${pagePath}: the reader does not see the page (HTTP ${first.status})`);
      const measured = await measure(url, headers);
      const baseline = await staticServer(html);
      const file = await measure(baseline.url, { "accept-encoding": "identity" }).finally(baseline.stop);
      rows.push({
        page,
        htmlKB: kb(Buffer.byteLength(html)),
        ...measured,
        staticRps: file.rps,
        staticP50: file.p50,
        staticP99: file.p99,
        rpsRatio: ratio(measured.rps, file.rps),
        p50Ratio: ratio(measured.p50, file.p50),
        p99Ratio: ratio(measured.p99, file.p99),
      });
      if (pagePath.startsWith("/b/")) javascript = await shippedScripts(dossier.baseURL, html);
    }
    console.log("JavaScript the reading view ships:");
    console.table([javascript]);
    report("reading", rows, { javascript, clients: CLIENTS, seconds: SECONDS, database: process.env.DATABASE_URL ? "postgres" : "pglite" });
  } finally {
    await dossier.stop();
  }
}
