"use client";

import { useState, useTransition } from "react";
import { FormError } from "@/components/FormError";
import type { ActionResult } from "@/lib/action";

interface Props<T> {
  /** What the button shows, and its name when `name` is not given. */
  label: string;
  name?: string;
  /** The question asked before anything is deleted. */
  confirm: string;
  remove: () => Promise<ActionResult<T>>;
  /** What follows a deletion: the page it leaves for, or a refresh. */
  onDeleted: (data: T) => void;
}

/** A delete that asks first, then says why when it was refused. */
export function ConfirmedDeleteButton<T>({ label, name, confirm, remove, onDeleted }: Props<T>) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="danger"
        disabled={pending}
        aria-label={name}
        onClick={() => {
          if (!window.confirm(confirm)) return;
          startTransition(async () => {
            const result = await remove();
            setError(result.ok ? null : result.error);
            if (result.ok) onDeleted(result.data);
          });
        }}
      >
        {label}
      </button>
      <FormError message={error} />
    </>
  );
}
