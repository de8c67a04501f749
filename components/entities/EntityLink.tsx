import Link from "next/link";
import type { EntityKind } from "@/db/schema";

export function entityHref(team: string, entity: { kind: EntityKind; id: string }) {
  return `/t/${team}/${entity.kind}s/${entity.id}`;
}

export function EntityLink({ team, entity }: { team: string; entity: { kind: EntityKind; id: string; name: string } }) {
  return (
    <Link className={`mention mention-${entity.kind}`} href={entityHref(team, entity)}>
      {entity.name}
    </Link>
  );
}
