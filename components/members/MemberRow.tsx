"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/t/[team]/members/actions";
import { ROLES, type Role } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/policies/grants";
import { FormError } from "@/components/FormError";
import { ResetLinkButton } from "./ResetLinkButton";

interface Props {
  team: string;
  member: { userId: string; name: string; email: string; role: Role };
  isSelf: boolean;
  /** Whether passwords are in use here (not under single sign-on only), so a reset link means something. */
  passwords: boolean;
}

export function MemberRow({ team, member, isSelf, passwords }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (action: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error ?? null));
      setNotice(result.ok ? done : null);
      router.refresh();
    });

  return (
    <tr data-testid={`member-${member.email}`}>
      <td>
        <strong>{member.name}</strong>
        {isSelf && <span className="muted"> (you)</span>}
        <div className="muted">{member.email}</div>
        <FormError message={error} />
        {notice && (
          <p className="muted" role="status">
            {notice}
          </p>
        )}
      </td>
      <td>
        <select
          aria-label={`Role of ${member.name}`}
          value={member.role}
          disabled={pending}
          onChange={(event) => {
            const role = event.target.value as Role;
            run(() => changeRoleAction({ team, userId: member.userId, role }), `Now ${ROLE_LABELS[role].toLowerCase()}.`);
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td className="member-actions">
        {passwords && <ResetLinkButton team={team} userId={member.userId} name={member.name} />}
        <button
          className="danger"
          disabled={pending}
          onClick={() => {
            if (window.confirm(`Remove ${member.name} from the team?`)) run(() => removeMemberAction({ team, userId: member.userId }), "Removed.");
          }}
        >
          Remove
        </button>
      </td>
    </tr>
  );
}
