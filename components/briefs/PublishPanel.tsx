"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publishAction, unpublishAction } from "@/app/t/[team]/notes/[id]/publish-actions";
import { FormError } from "@/components/FormError";
import type { Visibility } from "@/db/schema";

interface Props {
  team: string;
  noteId: string;
  /** The text as it is now carries a current approval. */
  approved: boolean;
  canOverride: boolean;
  published: boolean;
  nextNumber: number;
  /** The readers offered first: the team's default for a first edition, the last edition's readers after. */
  initialVisibility: Visibility;
}

/** Publish the note as its next edition, for the team or the public; or withdraw it. */
export function PublishPanel({ team, noteId, approved, canOverride, published, nextNumber, initialVisibility }: Props) {
  const router = useRouter();
  const [visibility, setVisibility] = useState<Visibility>(initialVisibility);
  const [summary, setSummary] = useState("");
  const [override, setOverride] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ number: number; path: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const publish = () =>
    startTransition(async () => {
      const result = await publishAction({ team, noteId, visibility, summary, overrideApproval: override });
      if (!result.ok) return setError(result.error);
      setError(null);
      setDone(result.data);
      setSummary("");
      router.refresh();
    });

  return (
    <div className="publish stack">
      {(approved || canOverride) && (
        <div className="row">
          <fieldset className="reviewer-choice">
            <legend>Readers</legend>
            <label className="inline">
              <input type="radio" name="visibility" checked={visibility === "team"} onChange={() => setVisibility("team")} /> The team
            </label>
            <label className="inline">
              <input type="radio" name="visibility" checked={visibility === "public"} onChange={() => setVisibility("public")} /> Anyone with the link
            </label>
          </fieldset>
          {nextNumber > 1 && (
            <input value={summary} onChange={(event) => setSummary(event.target.value)} placeholder="What changed in this edition" aria-label="What changed" maxLength={1000} />
          )}
          {!approved && canOverride && (
            <label className="inline">
              <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} /> Publish without approval (recorded)
            </label>
          )}
          <button className="primary" disabled={pending || (!approved && !override)} onClick={publish}>
            Publish edition {nextNumber}
          </button>
        </div>
      )}
      {published && (
        <div>
          <button
            className="danger"
            disabled={pending}
            onClick={() => {
              if (!window.confirm("Withdraw this brief from its readers?")) return;
              startTransition(async () => {
                const result = await unpublishAction({ team, noteId });
                setError(result.ok ? null : result.error);
                router.refresh();
              });
            }}
          >
            Unpublish
          </button>
        </div>
      )}
      {done && (
        <p className="notice" role="status">
          Published as edition {done.number}. <a href={done.path}>Read it</a>
        </p>
      )}
      <FormError message={error} />
    </div>
  );
}
