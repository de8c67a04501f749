"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/FormError";
import { MAX_SNAPSHOT_BYTES, MAX_SNAPSHOT_SIZE_WORDS, SNAPSHOT_NAME_HEADER } from "@/lib/sources/snapshot-limits";

/** Sends a file's bytes, or a pasted excerpt's text, to the source's snapshots; answers with the server's sentence on refusal. */
async function send(path: string, body: Blob, name: string): Promise<string | null> {
  try {
    const response = await fetch(path, { method: "POST", body, headers: { [SNAPSHOT_NAME_HEADER]: encodeURIComponent(name) } });
    if (response.ok) return null;
    const answer = await response.json().catch(() => null);
    return answer?.error ?? (response.status === 413 ? `That file is larger than ${MAX_SNAPSHOT_SIZE_WORDS}; nothing was attached.` : "The snapshot could not be attached; please try again.");
  } catch {
    return "The snapshot could not be sent; check your connection and try again.";
  }
}

/** Attach the file behind a source (PDF, HTML, an image, plain text) or paste an excerpt. */
export function SnapshotUpload({ team, sourceId }: { team: string; sourceId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const path = `/t/${team}/sources/${sourceId}/snapshots`;

  async function attach(event: FormEvent<HTMLFormElement>, what: () => { body: Blob; name: string } | string) {
    event.preventDefault();
    const form = event.currentTarget;
    const chosen = what();
    if (typeof chosen === "string") return setError(chosen);
    setPending(true);
    const refusal = await send(path, chosen.body, chosen.name);
    setPending(false);
    setError(refusal);
    if (!refusal) {
      form.reset();
      router.refresh();
    }
  }

  return (
    <div className="stack">
      <FormError message={error} />
      <form
        className="row"
        aria-label="Attach a file"
        onSubmit={(event) => {
          const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement;
          void attach(event, () => {
            const file = input.files?.[0];
            if (!file) return "Choose a file to attach.";
            if (file.size > MAX_SNAPSHOT_BYTES) return `That file is larger than ${MAX_SNAPSHOT_SIZE_WORDS}, the most a snapshot may be; nothing was attached.`;
            return { body: file, name: file.name };
          });
        }}
      >
        <label>
          File (PDF, HTML, PNG, JPEG, GIF, WebP or plain text; at most {MAX_SNAPSHOT_SIZE_WORDS})
          <input name="file" type="file" accept=".pdf,.html,.htm,.png,.jpg,.jpeg,.gif,.webp,.txt,application/pdf,text/html,text/plain,image/*" />
        </label>
        <button type="submit" disabled={pending}>
          {pending ? "Attaching…" : "Attach file"}
        </button>
      </form>
      <form
        className="stack"
        aria-label="Paste an excerpt"
        onSubmit={(event) => {
          const excerpt = (event.currentTarget.elements.namedItem("excerpt") as HTMLTextAreaElement).value;
          void attach(event, () => (excerpt.trim() ? { body: new Blob([excerpt], { type: "text/plain;charset=utf-8" }), name: "" } : "Paste the excerpt first."));
        }}
      >
        <label>
          Excerpt
          <textarea name="excerpt" rows={4} placeholder="Paste the passage as it appears in the source" />
        </label>
        <div>
          <button type="submit" disabled={pending}>
            {pending ? "Attaching…" : "Attach excerpt"}
          </button>
        </div>
      </form>
    </div>
  );
}
