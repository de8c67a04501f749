"use client";

import { useActionState } from "react";
import { saveNotificationPreferencesAction } from "@/app/account/notifications/actions";
import { FormError } from "@/components/FormError";
import type { Delivery } from "@/db/schema";

export interface KindChoice {
  kind: string;
  label: string;
  when: string;
  delivery: Delivery;
}

/** One group of radio buttons per kind of notification, saved together. */
export function NotificationPreferencesForm({ kinds, deliveries }: { kinds: KindChoice[]; deliveries: { value: Delivery; label: string }[] }) {
  const [state, action, pending] = useActionState(saveNotificationPreferencesAction, null);
  return (
    <form action={action} className="stack">
      {kinds.map((kind) => (
        <fieldset key={kind.kind} className="card delivery-choice" data-testid={`delivery-${kind.kind}`}>
          <legend>{kind.label}</legend>
          <p className="muted">When {kind.when}.</p>
          <div className="row">
            {deliveries.map((delivery) => (
              <label key={delivery.value} className="inline">
                <input type="radio" name={kind.kind} value={delivery.value} defaultChecked={kind.delivery === delivery.value} />
                {delivery.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <FormError message={state && !state.ok ? state.error : null} />
      <div className="row">
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        {state?.ok && !pending && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}
