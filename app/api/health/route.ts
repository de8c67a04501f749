import { sql } from "drizzle-orm";
import { database } from "@/db";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** Liveness and readiness: answers 200 only when the database answers. */
export async function GET() {
  const { db, kind } = database();
  try {
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: kind, version: packageJson.version });
  } catch {
    return Response.json({ status: "unavailable", database: kind, version: packageJson.version }, { status: 503 });
  }
}
