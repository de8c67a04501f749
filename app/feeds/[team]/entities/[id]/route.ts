import { serveFeed } from "@/lib/publishing/feed-route";

export const dynamic = "force-dynamic";

/** Briefs about one actor or event ("follow North Korea"), for a member's feed token only; anyone else gets 404. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; id: string }> }) {
  const { team, id } = await params;
  return serveFeed(request, team, { kind: "entity", id });
}
