import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** The API's OpenAPI document, for anyone: it describes the endpoints and holds no team's data. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
