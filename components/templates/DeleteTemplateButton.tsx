"use client";

import { useRouter } from "next/navigation";
import { deleteTemplateAction } from "@/app/t/[team]/templates/actions";
import { ConfirmedDeleteButton } from "@/components/ConfirmedDeleteButton";

/** Deletes one of the team's templates, once confirmed; notes started from it keep their text. */
export function DeleteTemplateButton({ team, templateId, name }: { team: string; templateId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmedDeleteButton
      label="Delete"
      name={`Delete the template ${name}`}
      confirm={`Delete the template “${name}”? Notes started from it keep their text.`}
      remove={() => deleteTemplateAction({ team, templateId })}
      onDeleted={() => router.refresh()}
    />
  );
}
