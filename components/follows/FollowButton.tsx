"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { followBriefAction, followEntityAction, unfollowBriefAction, unfollowEntityAction } from "@/app/t/[team]/follow-actions";
import { FormError } from "@/components/FormError";

interface Props {
  team: string;
  target: { noteId: string } | { entityId: string };
  following: boolean;
  /** What following it brings, in a sentence ("New editions of this brief reach your inbox."). */
  hint: string;
}

function toggle(team: string, target: Props["target"], follow: boolean) {
  if ("noteId" in target) return (follow ? followBriefAction : unfollowBriefAction)({ team, noteId: target.noteId });
  return (follow ? followEntityAction : unfollowEntityAction)({ team, entityId: target.entityId });
}

/** Follow, or stop following: new editions of it then reach one's inbox. */
export function FollowButton({ team, target, following: initial, hint }: Props) {
  const router = useRouter();
  const [following, setFollowing] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const click = () =>
    startTransition(async () => {
      const result = await toggle(team, target, !following);
      if (!result.ok) return setError(result.error);
      setError(null);
      setFollowing(!following);
      router.refresh();
    });

  return (
    <span className="follow">
      <button
        type="button"
        className={following ? "following" : undefined}
        aria-pressed={following}
        disabled={pending}
        onClick={click}
        title={following ? `${hint} Click to stop following.` : hint}
      >
        {following ? "Following" : "Follow"}
      </button>
      <FormError message={error} />
    </span>
  );
}
