"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/account/api-token-actions";
import { FormError } from "@/components/FormError";
import { RelativeTime } from "@/components/RelativeTime";

export interface ListedToken {
  id: string;
  name: string;
  scope: "read" | "read-write";
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  team: { name: string };
  /** The owner is no longer a member of its team: it opens nothing. */
  inactive: boolean;
}

const SCOPE_LABELS = { read: "Read", "read-write": "Read and write" } as const;

/** Creates a token for one of the user's teams and shows it once, to copy. */
export function NewApiTokenForm({ teams }: { teams: { slug: string; name: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await createApiTokenAction({ team: data.get("team"), name: data.get("name"), scope: data.get("scope") });
      setError(result.ok ? null : result.error);
      setToken(result.ok ? result.data.token : null);
      setCopied(false);
      if (result.ok) {
        form.reset();
        router.refresh();
      }
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="New API token">
      <FormError message={error} />
      <div className="row">
        <label>
          Name
          <input name="name" required maxLength={100} placeholder="OpenCTI connector" />
        </label>
        <label>
          Team
          <select name="team">
            {teams.map((team) => (
              <option key={team.slug} value={team.slug}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Scope
          <select name="scope" defaultValue="read">
            <option value="read">{SCOPE_LABELS.read}</option>
            <option value="read-write">{SCOPE_LABELS["read-write"]}</option>
          </select>
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </div>
      {token && (
        <div className="notice" role="status">
          <p>Copy this token now: it is kept only as a hash, and is shown only this once.</p>
          <input className="invite-link" value={token} readOnly aria-label="Your new API token" data-testid="api-token" onFocus={(event) => event.currentTarget.select()} />
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(token);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy token"}
          </button>
        </div>
      )}
    </form>
  );
}

/** The user's live tokens; each can be revoked at once. */
export function ApiTokenTable({ tokens }: { tokens: ListedToken[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (tokens.length === 0) return <p className="muted">You have no API tokens.</p>;
  const revoke = (id: string) =>
    startTransition(async () => {
      const result = await revokeApiTokenAction({ id });
      setError(result.ok ? null : result.error);
      router.refresh();
    });
  return (
    <div className="stack">
      <FormError message={error} />
      <table className="list" aria-label="API tokens">
        <thead>
          <tr>
            <th>Name</th>
            <th>Token</th>
            <th>Team</th>
            <th>Scope</th>
            <th>Created</th>
            <th>Last used</th>
            <th>
              <span className="sr-only">Revoke</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} data-testid="api-token-row">
              <td>{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>
                {token.team.name} {token.inactive && <span className="badge">No longer a member: opens nothing</span>}
              </td>
              <td>{SCOPE_LABELS[token.scope]}</td>
              <td>
                <RelativeTime date={token.createdAt} />
              </td>
              <td>{token.lastUsedAt ? <RelativeTime date={token.lastUsedAt} /> : "Never"}</td>
              <td>
                <button type="button" className="link-button" disabled={pending} aria-label={`Revoke ${token.name}`} onClick={() => revoke(token.id)}>
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
