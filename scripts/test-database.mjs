// Creates a throwaway PostgreSQL database on the server named by an admin URL,
// for a test server process, and drops it again. Used by the e2e launchers.
import { randomBytes } from "node:crypto";
import postgres from "postgres";

export async function createDatabase(adminUrl, prefix = "dossier_e2e") {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
