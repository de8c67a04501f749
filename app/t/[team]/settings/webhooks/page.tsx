import type { Metadata } from "next";
import Link from "next/link";
import { AddWebhookForm } from "@/components/webhooks/AddWebhookForm";
import { WebhookCard } from "@/components/webhooks/WebhookCard";
import { openTeam } from "@/lib/loaders/open";
import { WEBHOOK_EVENTS } from "@/db/schema";
import { WEBHOOK_EVENT_LABELS } from "@/lib/webhooks/fields";
import { teamWebhooks } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team } = await openTeam(slug, "webhook.manage");
  const hooks = await teamWebhooks(team.id);

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Webhooks of {team.name}</h1>
        <Link href={`/t/${team.slug}/settings`}>Back to the settings</Link>
      </div>
      <p className="muted">
        Dossier posts a signed JSON message to each URL when an event it is subscribed to happens in this team: ids, titles, numbers and links,
        never a draft&apos;s text. It sends only to public addresses, retries for about nine hours, and turns off a webhook that keeps failing.
      </p>
      {hooks.length === 0 ? <div className="card empty">No webhooks yet.</div> : hooks.map((hook) => <WebhookCard key={hook.id} team={team.slug} webhook={hook} />)}
      <section className="card padded" aria-labelledby="add-heading">
        <h2 id="add-heading">Add a webhook</h2>
        <AddWebhookForm team={team.slug} events={WEBHOOK_EVENTS.map((name) => ({ name, label: WEBHOOK_EVENT_LABELS[name] }))} />
      </section>
    </main>
  );
}
