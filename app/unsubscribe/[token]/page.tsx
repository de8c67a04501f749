import type { Metadata } from "next";
import Link from "next/link";
import { deliveryChoices } from "@/lib/notifications/preferences";
import { kindsIn, readUnsubscribeLink, scopeWords } from "@/lib/notifications/unsubscribe";
import { findUserById } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/**
 * Opened from a link in a notification e-mail, signed in or not: the signed
 * token is the permission. Opening it changes nothing (mail scanners follow
 * links); the button posts to ./confirm, which turns the e-mail off.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const unsubscribe = readUnsubscribeLink(token);
  const user = unsubscribe && (await findUserById(unsubscribe.userId));
  if (!unsubscribe || !user) {
    return (
      <main className="card auth-card stack">
        <h1>This unsubscribe link is not valid</h1>
        <p>
          {unsubscribe
            ? "The account it was sent for no longer exists, so Dossier sends it no e-mail."
            : "It may have been altered, or cut short when it was copied from the e-mail. Nothing was turned off."}
        </p>
        <p>
          Open the link from the e-mail again, or sign in and <Link href="/account/notifications">choose what Dossier e-mails you</Link>.
        </p>
      </main>
    );
  }

  const choices = await deliveryChoices(user.id);
  const off = kindsIn(unsubscribe.scope, choices).every((kind) => choices[kind] === "off");
  const what = scopeWords(unsubscribe.scope);
  return (
    <main className="card auth-card stack">
      <h1>Unsubscribe</h1>
      {off ? (
        <p role="status" data-testid="unsubscribed">
          Dossier no longer sends {what} to <strong>{user.email}</strong>.
        </p>
      ) : (
        <>
          <p>
            Dossier will no longer send {what} to <strong>{user.email}</strong>. Your Dossier inbox still shows every notification.
          </p>
          <form method="post" action={`/unsubscribe/${token}/confirm`}>
            <button className="primary" type="submit">
              Unsubscribe
            </button>
          </form>
        </>
      )}
      <p className="muted">
        You can change this, and everything else Dossier e-mails you, on your <Link href="/account/notifications">notification settings</Link> (sign-in
        needed).
      </p>
    </main>
  );
}
