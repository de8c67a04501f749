import type { EntityKind } from "@/db/schema";
import { can, teamScope } from "@/lib/policies";
import { openTeam } from "@/lib/loaders/open";
import { formatDateRange } from "@/lib/entities/dates";
import { listEntities } from "@/lib/entities/queries";
import { tagsOfEntities } from "@/lib/tags/queries";
import { EntityForm } from "./EntityForm";
import { EntityLink } from "./EntityLink";
import { TagList } from "./TagList";

const TITLES: Record<EntityKind, string> = { actor: "Actors", event: "Events" };

/** The team's actors or events: search, list, and a form to add one. */
export async function EntityListPage({ slug, kind, query }: { slug: string; kind: EntityKind; query?: string }) {
  const { team, actor } = await openTeam(slug, "entity.read");
  const list = await listEntities(team.id, kind, { query });
  const tags = await tagsOfEntities(list.map((e) => e.id));

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>{TITLES[kind]}</h1>
        <form role="search" className="row">
          <input name="q" type="search" defaultValue={query} placeholder="Name or alias" aria-label={`Search ${TITLES[kind].toLowerCase()}`} />
          <button type="submit">Search</button>
        </form>
      </div>
      {can(actor, "entity.update", teamScope(team)) && (
        <details className="card padded">
          <summary>New {kind}</summary>
          <EntityForm team={team.slug} kind={kind} />
        </details>
      )}
      {list.length === 0 ? (
        <div className="card empty">{query ? `Nothing matches “${query}”.` : `No ${TITLES[kind].toLowerCase()} yet.`}</div>
      ) : (
        <div className="card">
          <table className="list" aria-label={TITLES[kind]}>
            <thead>
              <tr>
                <th>{kind === "actor" ? "Name" : "Event"}</th>
                <th>{kind === "actor" ? "Kind" : "When"}</th>
                <th>Also known as</th>
                <th>Tags</th>
              </tr>
            </thead>
            <tbody>
              {list.map((entity) => (
                <tr key={entity.id}>
                  <td className="title">
                    <EntityLink team={team.slug} entity={entity} />
                  </td>
                  <td>{kind === "actor" ? (entity.actorType ?? "—") : formatDateRange(entity.startsOn, entity.endsOn, entity.datePrecision)}</td>
                  <td className="muted">{entity.aliases.join(", ")}</td>
                  <td>
                    <TagList team={team.slug} tags={tags.get(entity.id) ?? []} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
