import { serveFeed } from "@/lib/publishing/feed-route";

export const dynamic = "force-dynamic";

/** The team's public briefs, for anyone. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  return serveFeed(request, (await params).team, { kind: "public" });
}
