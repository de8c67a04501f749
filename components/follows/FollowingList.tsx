import Link from "next/link";
import { capitalise, entityKind } from "@/lib/entity-kinds";
import type { Followed } from "@/lib/follows/queries";
import { FollowButton } from "./FollowButton";

/** What one follows, each with its way to stop following. */
export function FollowingList({ items }: { items: Followed[] }) {
  return (
    <section className="card padded" aria-labelledby="following-heading">
      <h2 id="following-heading">Following</h2>
      {items.length === 0 ? (
        <p className="muted">You follow nothing yet. Follow a brief, an actor or an event from its page to hear here of its new editions.</p>
      ) : (
        <ul className="following-list" data-testid="following">
          {items.map((item) => (
            <li key={item.id} className="row">
              <span className="muted">{item.kind === "brief" ? "Brief" : capitalise(entityKind(item.kind).label.one)}</span>
              <Link href={item.href}>{item.name}</Link>
              <span className="muted">in {item.team.name}</span>
              <FollowButton team={item.team.slug} target={item.target} following hint="Its new editions reach your inbox." />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
