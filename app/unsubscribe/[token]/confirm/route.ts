import { readUnsubscribeLink, unsubscribe } from "@/lib/notifications/unsubscribe";
import { findUserById } from "@/lib/users/queries";

export const dynamic = "force-dynamic";

const plain = (text: string, status: number) => new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * Turns off what a signed unsubscribe link names, without a session: posted
 * by the unsubscribe page's button, and by mail programs' own unsubscribe
 * button (RFC 8058 one-click, from the List-Unsubscribe header), which sends
 * "List-Unsubscribe=One-Click" and reads only the status. A token that does
 * not verify changes nothing.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = readUnsubscribeLink(token);
  if (!target || !(await findUserById(target.userId))) return plain("This unsubscribe link is not valid; nothing was turned off.", 400);
  await unsubscribe(target);
  const body = await request.text().catch(() => "");
  if (new URLSearchParams(body).get("List-Unsubscribe") === "One-Click") return plain("Unsubscribed.", 200);
  // A browser goes back to the page (on the origin it is on), which now says it is off.
  return new Response(null, { status: 303, headers: { Location: `/unsubscribe/${encodeURIComponent(token)}` } });
}
