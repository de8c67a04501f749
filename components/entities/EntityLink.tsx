import Link from "next/link";
import { entityKind, entityPath, type EntityKind } from "@/lib/entity-kinds";

/** An entity's name as a chip linking to its page. */
export function EntityLink({ team, entity }: { team: string; entity: { kind: EntityKind; id: string; name: string } }) {
  return (
    <Link className={`mention ${entityKind(entity.kind).chipClass}`} href={entityPath(team, entity)}>
      {entity.name}
    </Link>
  );
}
