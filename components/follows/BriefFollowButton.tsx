import type { Edition } from "@/db/schema";
import { isFollowing } from "@/lib/follows/queries";
import { can, type Actor } from "@/lib/policies";
import { FollowButton } from "./FollowButton";

/** On a brief's reading page: Follow for members who may, nothing for anyone else. */
export async function BriefFollowButton({ actor, team, edition }: { actor: Actor | null; team: { id: string; slug: string }; edition: Edition }) {
  if (!actor || !can(actor, "edition.follow", edition)) return null;
  const target = { noteId: edition.noteId };
  const following = await isFollowing({ actor, team }, target);
  return <FollowButton team={team.slug} target={target} following={following} hint="New editions of this brief reach your inbox." />;
}
