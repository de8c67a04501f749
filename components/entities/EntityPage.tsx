import Link from "next/link";
import { abilities, can, teamScope } from "@/lib/policies";
import { openTeam, orNotFound, requireIds } from "@/lib/loaders/open";
import { formatDateRange, partialDateInput } from "@/lib/entities/dates";
import { capitalise, entityKind, kindsPhrase, OCCASION_KINDS, PARTICIPANT_KINDS, type EntityKind } from "@/lib/entity-kinds";
import { ACTOR_TYPE_LABELS } from "@/lib/actor-types";
import { backlinks, coMentioned, entityOptions, getEntity, listEntities, participation } from "@/lib/entities/queries";
import { publishedBacklinks } from "@/lib/publishing/queries";
import { tagsOfEntities } from "@/lib/tags/queries";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { FollowButton } from "@/components/follows/FollowButton";
import { isFollowing } from "@/lib/follows/queries";
import { OriginatedSources } from "@/components/sources/OriginatedSources";
import { sourcesOriginatedBy } from "@/lib/sources/register-queries";
import { EntityActions } from "./EntityActions";
import { EntityLink } from "./EntityLink";
import { EntityLocation } from "./EntityLocation";
import { ParticipantsEditor } from "./ParticipantsEditor";
import { TagList } from "./TagList";

/** Notes that mention it as they are now, for those who read drafts. */
async function draftLinks(slug: string, teamId: string, entityId: string) {
  return (await backlinks(teamId, entityId)).map((link) => ({ ...link, href: `/t/${slug}/notes/${link.noteId}` }));
}

/** Briefs that mention it as they were published, for readers: the draft since is not theirs to see. */
async function publishedLinks(slug: string, teamId: string, entityId: string) {
  return (await publishedBacklinks(teamId, entityId)).map((link) => ({ ...link, status: "published" as const, href: `/b/${slug}/${link.noteId}` }));
}

/** Everyone who may take part in an occasion (the team's actors), for an event's participants. */
async function participantOptions(teamId: string) {
  return (await Promise.all(PARTICIPANT_KINDS.map((kind) => entityOptions(teamId, kind)))).flat();
}

/** An entity's page (an actor's, an event's): details, the notes that mention it, and what it is connected to. */
export async function EntityPage({ slug, kind, id }: { slug: string; kind: EntityKind; id: string }) {
  const spec = entityKind(kind);
  const isOccasion = spec.participation === "occasion";
  const { team, actor } = await openTeam(slug, "entity.read");
  requireIds(id);
  const entity = await orNotFound(() => getEntity(team.id, id, undefined, kind));
  const may = abilities(actor, "entity", entity);
  const readsDrafts = can(actor, "team.readDrafts", teamScope(team));
  const editable = may.update;
  const readsSources = kind === "actor" && can(actor, "source.read", teamScope(team));
  const [links, related, parts, tags, sameKind, actors, following, originated] = await Promise.all([
    readsDrafts ? draftLinks(team.slug, team.id, entity.id) : publishedLinks(team.slug, team.id, entity.id),
    readsDrafts ? coMentioned(team.id, entity.id) : Promise.resolve([]),
    participation(team.id, entity),
    tagsOfEntities([entity.id]),
    editable ? listEntities(team.id, kind) : Promise.resolve([]),
    editable && isOccasion ? participantOptions(team.id) : Promise.resolve([]),
    may.follow ? isFollowing({ actor, team }, { entityId: entity.id }) : Promise.resolve(false),
    readsSources ? sourcesOriginatedBy(team.id, entity.id) : Promise.resolve([]),
  ]);
  const entityTags = tags.get(entity.id) ?? [];

  return (
    <main className="page stack">
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {spec.details === "typed" ? (entity.actorType ? ACTOR_TYPE_LABELS[entity.actorType] : capitalise(spec.label.one)) : formatDateRange(entity.startsOn, entity.endsOn, entity.datePrecision)}
          </p>
          <h1 data-testid="entity-name">{entity.name}</h1>
          {entity.aliases.length > 0 && <p className="muted">Also known as {entity.aliases.join(", ")}</p>}
          {spec.details === "dated" && entity.place && <p className="muted">{entity.place}</p>}
          <EntityLocation team={team.slug} entity={entity} />
          <TagList team={team.slug} tags={entityTags} />
        </div>
        <div className="row">
          {may.follow && (
            <FollowButton
              team={team.slug}
              target={{ entityId: entity.id }}
              following={following}
              hint={`New editions of briefs that mention ${entity.name} reach your inbox.`}
            />
          )}
          <a href={`/feeds/${team.slug}/entities/${entity.id}`} title="Atom feed of the team's briefs about it: add your personal feed token (see Feeds) to this link">
            Atom feed
          </a>
        </div>
      </div>
      {entity.summary && <p className="summary">{entity.summary}</p>}

      {editable && (
        <EntityActions
          team={team.slug}
          entity={{ id: entity.id, kind, name: entity.name }}
          values={{
            name: entity.name,
            aliases: entity.aliases,
            summary: entity.summary,
            tags: entityTags,
            actorType: entity.actorType,
            startsOn: partialDateInput(entity.startsOn, entity.datePrecision),
            endsOn: partialDateInput(entity.endsOn, entity.datePrecision),
            place: entity.place,
            latitude: entity.latitude,
            longitude: entity.longitude,
            countryCode: entity.countryCode,
          }}
          mergeCandidates={sameKind.filter((o) => o.id !== entity.id).map((o) => ({ id: o.id, name: o.name }))}
          canDelete={may.delete}
        />
      )}

      <section className="card padded" aria-labelledby="backlinks">
        <h2 id="backlinks">Notes that mention {entity.name}</h2>
        {links.length === 0 ? (
          <p className="muted">No note mentions it yet. Type {spec.trigger} in a note to mention it.</p>
        ) : (
          <ul className="backlinks">
            {links.map((link) => (
              <li key={link.noteId}>
                <Link href={link.href}>{link.title || "Untitled"}</Link>{" "}
                <StatusBadge status={link.status} />
                {link.snippets.map((snippet) => (
                  <blockquote key={snippet} className="snippet">
                    {snippet}
                  </blockquote>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card padded" aria-labelledby="participation">
        <h2 id="participation">{isOccasion ? "Participants" : `Timeline: ${kindsPhrase(OCCASION_KINDS, "many")} ${entity.name} took part in`}</h2>
        {isOccasion && editable ? (
          <ParticipantsEditor
            team={team.slug}
            eventId={entity.id}
            participants={parts.map((p) => ({ relationId: p.relationId, role: p.role, actor: { id: p.entity.id, kind: p.entity.kind, name: p.entity.name } }))}
            actors={actors.map((a) => ({ id: a.id, name: a.name }))}
          />
        ) : parts.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ol className="timeline-list">
            {parts.map((p) => (
              <li key={p.relationId}>
                {!isOccasion && <span className="when">{formatDateRange(p.entity.startsOn, p.entity.endsOn, p.entity.datePrecision)}</span>}
                <EntityLink team={team.slug} entity={p.entity} />
                {p.role && <span className="muted"> — {p.role}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>

      {originated.length > 0 && <OriginatedSources team={team.slug} name={entity.name} sources={originated} />}

      {related.length > 0 && (
        <section className="card padded" aria-labelledby="related">
          <h2 id="related">Often mentioned with</h2>
          <ul className="related">
            {related.map((other) => (
              <li key={other.id}>
                <EntityLink team={team.slug} entity={other} /> <span className="muted">in {other.notes === 1 ? "1 note" : `${other.notes} notes`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
