// Creates a throwaway PostgreSQL database on the server named by an admin URL,
// for a test server process or a test file, and drops it again; `template`
// copies an already migrated database instead of starting empty.
import { randomBytes } from "node:crypto";
import postgres from "postgres";

export async function createDatabase(adminUrl, prefix = "dossier_e2e", { template } = {}) {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
