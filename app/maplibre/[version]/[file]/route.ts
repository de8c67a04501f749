import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { notFound } from "next/navigation";
import { version } from "maplibre-gl/package.json";

/**
 * MapLibre's worker and the module it imports, served from our own origin:
 * the library finds neither in Next's bundle, and the map fetches nothing
 * from elsewhere. The same files for everyone (library code, as /_next/static),
 * written at build time; the version in the path makes them safe to cache for good.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

const FILES = ["maplibre-gl-worker.mjs", "maplibre-gl-shared.mjs"];

export function generateStaticParams() {
  return FILES.map((file) => ({ version, file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ version: string; file: string }> }) {
  const asked = await params;
  if (asked.version !== version || !FILES.includes(asked.file)) notFound();
  const script = await readFile(join(process.cwd(), "node_modules", "maplibre-gl", "dist", asked.file));
  return new Response(script, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
