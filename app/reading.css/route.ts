import { readingStylesheet } from "@/lib/reading/stylesheet";

export const dynamic = "force-dynamic";

/** The stylesheet of the pages served as plain HTML; its URL carries its version, so it is kept for good. */
export function GET() {
  const { css } = readingStylesheet();
  return new Response(css, { headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" } });
}
