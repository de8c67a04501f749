import type { Metadata } from "next";
import Link from "next/link";
import { NotificationPreferencesForm } from "@/components/account/NotificationPreferencesForm";
import { DELIVERIES, NOTIFICATION_KINDS } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { loadConfig } from "@/lib/config";
import { DELIVERY_LABELS, KIND_SPECS } from "@/lib/notifications/kinds";
import { deliveryChoices } from "@/lib/notifications/preferences";

export const metadata: Metadata = { title: "E-mail notifications" };

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const choices = await deliveryChoices(user.id);
  const mail = loadConfig().mail;
  const kinds = NOTIFICATION_KINDS.map((kind) => ({ kind, label: KIND_SPECS[kind].label, when: KIND_SPECS[kind].when, delivery: choices[kind] }));

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>E-mail notifications</h1>
        <Link href="/account">Back to your account</Link>
      </div>
      <p>
        Choose how Dossier e-mails {user.email} about each kind of notification: each one at once, all of them in one daily digest
        {mail ? ` (sent at ${String(mail.digestHour).padStart(2, "0")}:00 UTC)` : ""}, or not at all. Your <Link href="/inbox">inbox</Link> shows
        every notification whatever you choose here.
      </p>
      {!mail && (
        <p className="notice warn" role="note">
          This server sends no e-mail yet (its operator has not set SMTP_URL). Your choices take effect once it does.
        </p>
      )}
      <NotificationPreferencesForm kinds={kinds} deliveries={DELIVERIES.map((value) => ({ value, label: DELIVERY_LABELS[value] }))} />
    </main>
  );
}
