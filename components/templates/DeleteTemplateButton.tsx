"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteTemplateAction } from "@/app/t/[team]/templates/actions";
import { FormError } from "@/components/FormError";

/** Deletes one of the team's templates, once confirmed; notes started from it keep their text. */
export function DeleteTemplateButton({ team, templateId, name }: { team: string; templateId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="danger"
        disabled={pending}
        aria-label={`Delete the template ${name}`}
        onClick={() => {
          if (!window.confirm(`Delete the template “${name}”? Notes started from it keep their text.`)) return;
          startTransition(async () => {
            const result = await deleteTemplateAction({ team, templateId });
            setError(result.ok ? null : result.error);
            if (result.ok) router.refresh();
          });
        }}
      >
        Delete
      </button>
      <FormError message={error} />
    </>
  );
}
