import { authSecret, mintCollabToken } from "@/lib/collab/collab-token";
import { currentSession } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * A short-lived token for the editor's websocket, minted from the session.
 * What the user may do with a note is decided when the websocket connects.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  const session = await currentSession();
  if (!session) return Response.json({ error: "Please sign in." }, { status: 401 });
  const token = await mintCollabToken({ userId: session.user.id, sessionId: session.sessionId }, authSecret());
  return Response.json({ token }, { headers: { "Cache-Control": "no-store" } });
}
