import { RelativeTime } from "@/components/RelativeTime";
import type { TeamWebhook } from "@/lib/webhooks/queries";
import { WebhookControls } from "./WebhookControls";

const STATE_WORDS = { paused: "Paused", failing: "Disabled after repeated failed deliveries" } as Record<string, string>;

/** One webhook: its URL, events and state, its controls, and its delivery log. */
export function WebhookCard({ team, webhook }: { team: string; webhook: TeamWebhook }) {
  const state = webhook.disabledAt ? (STATE_WORDS[webhook.disabledReason ?? ""] ?? "Off") : "On";
  return (
    <section className="card padded stack" aria-label={`Webhook ${webhook.url}`} data-testid="webhook">
      <div className="page-head">
        <h2>
          <code>{webhook.url}</code>
        </h2>
        <strong>{state}</strong>
      </div>
      {webhook.description && <p>{webhook.description}</p>}
      <p className="muted">Events: {webhook.events.join(", ")}</p>
      <WebhookControls team={team} webhookId={webhook.id} off={Boolean(webhook.disabledAt)} />
      {webhook.deliveries.length === 0 ? (
        <p className="muted">Nothing sent yet.</p>
      ) : (
        <table className="list" aria-label="Delivery log">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Queued</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {webhook.deliveries.map((delivery) => (
              <tr key={delivery.id} data-testid="delivery">
                <td>
                  <code>{delivery.event}</code>
                </td>
                <td>
                  <RelativeTime date={delivery.createdAt} />
                </td>
                <td>{delivery.attempts}</td>
                <td>{delivery.lastStatus !== null ? `HTTP ${delivery.lastStatus}` : (delivery.lastError ?? "—")}</td>
                <td>{delivery.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
