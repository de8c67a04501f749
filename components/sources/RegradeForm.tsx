"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { regradeSourceAction } from "@/app/t/[team]/sources/actions";
import { FormError } from "@/components/FormError";
import type { Reliability } from "@/lib/source-grading";
import { ReliabilityChoice } from "./SourceForm";

/** A new grade for the source, with the reason its history keeps. */
export function RegradeForm({ team, id, current }: { team: string; id: string; current: Reliability }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await regradeSourceAction({ team, id, reliability: String(data.get("reliability") ?? ""), reason: String(data.get("reason") ?? "") });
      if (!result.ok) return setError(result.error);
      setError(null);
      form.reset();
      router.refresh();
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Change grade">
      <FormError message={error} />
      <ReliabilityChoice name="reliability" legend={`New grade (now ${current})`} exclude={current} />
      <label>
        Reason
        <textarea name="reason" rows={2} required maxLength={1000} placeholder="What changed your judgement of this source?" />
      </label>
      <div>
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Change grade"}
        </button>
      </div>
    </form>
  );
}
