import { can, teamScope } from "@/lib/policies";
import { openTeam } from "@/lib/loaders/open";
import { formatDateRange } from "@/lib/entities/dates";
import { capitalise, entityKind, kindPath, type EntityKind } from "@/lib/entity-kinds";
import { ACTOR_TYPE_LABELS } from "@/lib/actor-types";
import { entityListPage, entitySorts } from "@/lib/entities/queries";
import { readListView, type SearchParams } from "@/lib/lists/list-view";
import { Pager } from "@/components/lists/Pager";
import { SortableHeader } from "@/components/lists/SortableHeader";
import { tagsOfEntities } from "@/lib/tags/queries";
import { EntityForm } from "./EntityForm";
import { EntityLink } from "./EntityLink";
import { TagList } from "./TagList";

/** The team's entities of one kind (actors, events): search, list, and a form to add one. */
export async function EntityListPage({ slug, kind, params }: { slug: string; kind: EntityKind; params: SearchParams }) {
  const spec = entityKind(kind);
  const title = capitalise(spec.label.many);
  const query = typeof params.q === "string" ? params.q : undefined;
  const { team, actor } = await openTeam(slug, "entity.read");
  const columns = entitySorts(kind);
  const view = readListView(params, columns, spec.details === "dated" ? "detail" : "name");
  const { rows: list, total } = await entityListPage(team.id, kind, query, view);
  const tags = await tagsOfEntities(list.map((e) => e.id));
  const path = kindPath(team.slug, kind);
  const sortable = { columns, view, path, params };
  const mayAdd = can(actor, "entity.update", teamScope(team));
  const empty = query
    ? `Nothing matches “${query}”. Try another spelling, or an alias.`
    : mayAdd
      ? `No ${spec.label.many} yet. Add one with New ${spec.label.one} above, or type ${spec.trigger} in a note to mention ${spec.label.a} and create it there.`
      : `No ${spec.label.many} yet. They appear here as your team's analysts add them.`;

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>{title}</h1>
        <form role="search" className="row">
          <input name="q" type="search" defaultValue={query} placeholder="Name or alias" aria-label={`Search ${spec.label.many}`} />
          <button type="submit">Search</button>
        </form>
        {/* A route handler's download, not a page: a plain link, so the browser saves it. */}
        <a className="button" href={`${kindPath(team.slug, kind)}/export`} download>
          Export CSV
        </a>
      </div>
      {mayAdd && (
        <details className="card padded">
          <summary>New {spec.label.one}</summary>
          <EntityForm team={team.slug} kind={kind} />
        </details>
      )}
      {total === 0 ? (
        <div className="card empty">{empty}</div>
      ) : (
        <div className="card">
          <table className="list" aria-label={title}>
            <thead>
              <tr>
                <SortableHeader column="name" {...sortable} />
                <SortableHeader column="detail" {...sortable} />
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
                  <td>{spec.details === "typed" ? (entity.actorType ? ACTOR_TYPE_LABELS[entity.actorType] : "—") : formatDateRange(entity.startsOn, entity.endsOn, entity.datePrecision)}</td>
                  <td className="muted">{entity.aliases.join(", ")}</td>
                  <td>
                    <TagList team={team.slug} tags={tags.get(entity.id) ?? []} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager noun={spec.label.many} total={total} view={view} path={path} params={params} />
        </div>
      )}
    </main>
  );
}
