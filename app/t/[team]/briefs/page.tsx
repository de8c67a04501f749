import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { EntityLink } from "@/components/entities/EntityLink";
import { byId, byName, FilterSelect } from "@/components/FilterSelect";
import { capitalise, ENTITY_KIND_LIST, ENTITY_KINDS } from "@/lib/entity-kinds";
import { openTeam } from "@/lib/loaders/open";
import { entityOptions } from "@/lib/entities/queries";
import { frontPageBriefs, publishedTags } from "@/lib/publishing/queries";
import { TlpBadge } from "@/components/markings/TlpBadge";

export const metadata: Metadata = { title: "Briefs" };

const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 280).replace(/\s+\S*$/, "")}…` : text);

/** The reader's front page: the team's published briefs, newest first. */
export default async function BriefsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  /** ?actor=…, ?event=…: one entity of each kind (the first chosen is used), and a tag. */
  searchParams: Promise<Partial<Record<string, string>>>;
}) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team } = await openTeam(slug);
  const entityId = ENTITY_KINDS.map((kind) => query[kind]).find((id) => id && z.uuid().safeParse(id).success);
  const tag = query.tag?.slice(0, 60) || undefined;
  const [briefs, options, tags] = await Promise.all([
    frontPageBriefs(team.id, { entityId, tag }),
    Promise.all(ENTITY_KINDS.map((kind) => entityOptions(team.id, kind))),
    // The briefs are filtered on the tags they were published with.
    publishedTags(team.id),
  ]);

  return (
    <main className="page stack front-page">
      <div className="page-head">
        <h1>{team.name}: briefs</h1>
        <Link href={`/t/${team.slug}/feeds`}>Feeds</Link>
      </div>
      <form className="card padded filters" aria-label="Filter briefs">
        <div className="row">
          {ENTITY_KIND_LIST.map((kind, k) => (
            <FilterSelect key={kind.key} label={capitalise(kind.label.one)} name={kind.key} value={query[kind.key]} options={byId(options[k])} />
          ))}
          <FilterSelect label="Tag" name="tag" value={tag} options={byName(tags)} />
          <button type="submit">Apply</button>
        </div>
      </form>
      {briefs.length === 0 ? (
        <div className="card empty">{entityId || tag ? "No published brief matches these filters." : "Nothing has been published yet."}</div>
      ) : (
        <ol className="briefs">
          {briefs.map((brief) => (
            <li key={brief.id} className="card padded" data-testid="brief">
              <p className="dateline">
                <TlpBadge marking={brief.marking} testId="brief-marking" /> {brief.dateline}
                {brief.number > 1 && ` · edition ${brief.number}`}
                {brief.visibility === "public" && " · public"}
              </p>
              <h2>
                <Link href={`/b/${team.slug}/${brief.noteId}`}>{brief.title}</Link>
              </h2>
              <p>{brief.summary || excerpt(brief.text)}</p>
              {brief.entities.length > 0 && (
                <p className="covers">
                  {brief.entities.map((entity) => (
                    <EntityLink key={entity.id} team={team.slug} entity={entity} />
                  ))}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
