import type { Metadata } from "next";
import Link from "next/link";
import { EntityLink } from "@/components/entities/EntityLink";
import { byId, byName, FilterSelect } from "@/components/FilterSelect";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { RelativeTime } from "@/components/RelativeTime";
import { ResultSection } from "@/components/search/ResultSection";
import { NOTE_STATUSES, type NoteStatus } from "@/db/schema";
import { capitalise, DATED_KINDS, ENTITY_KIND_LIST, ENTITY_KINDS, kindsPhrase, wordList } from "@/lib/entity-kinds";
import { openTeam } from "@/lib/loaders/open";
import { can, teamScope } from "@/lib/policies";
import { entityOptions } from "@/lib/entities/queries";
import { publishedTags } from "@/lib/publishing/queries";
import { hasFilters, parseSearchFilters, withKnownSource } from "@/lib/search/filters";
import { sourceOptions } from "@/lib/sources/options";
import { SourceFilters } from "@/components/search/SourceFilters";
import { searchTeam } from "@/lib/search/search";
import { listTags } from "@/lib/tags/queries";
import { listMembers } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Search" };

const KINDS = [
  { value: "note", label: "Note" },
  { value: "brief", label: "Brief" },
];
const STATUS_LABELS: Record<NoteStatus, string> = { draft: "Draft", in_review: "In review", approved: "Approved", published: "Published" };
const ENTITIES = capitalise(kindsPhrase(ENTITY_KINDS, "many"));
const DATED = capitalise(kindsPhrase(DATED_KINDS, "many"));
const WHAT = wordList(["notes", "briefs", ...ENTITY_KIND_LIST.map((kind) => kind.label.many), "comments"]);

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team, actor } = await openTeam(slug);
  const drafts = can(actor, "team.readDrafts", team);
  // Those who read the register pick from it; readers' source filters apply to the endnotes of the briefs they read.
  const sources = can(actor, "source.read", teamScope(team)) ? await sourceOptions(team.id) : null;
  const { filters, ignored } = sources ? withKnownSource(parseSearchFilters(query), sources) : { filters: parseSearchFilters(query), ignored: null };
  const [results, options, tags, members] = await Promise.all([
    searchTeam(actor, filters),
    Promise.all(ENTITY_KINDS.map((kind) => entityOptions(team.id, kind))),
    // Readers search published briefs, by the tags they were published with.
    drafts ? listTags(team.id) : publishedTags(team.id),
    drafts ? listMembers(team.id) : Promise.resolve([]),
  ]);
  const searched = Boolean(filters.q.trim()) || hasFilters(filters);
  const total = results.notes.length + results.briefs.length + results.entities.length + results.comments.length;
  return (
    <main className="page stack">
      <form role="search" className="card padded stack" aria-label="Search">
        <div className="row">
          <input
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder={'Words, "a phrase", -exclude'}
            aria-label="Search words"
            className="search-input"
            autoFocus
            maxLength={500}
          />
          <button className="primary" type="submit">
            Search
          </button>
        </div>
        <details open={hasFilters(filters)}>
          <summary>Filters</summary>
          <div className="row filters">
            {/* "Mentions actor", "and actor", "Mentions event": as many of each kind as it offers. */}
            {ENTITY_KIND_LIST.flatMap((kind, k) =>
              Array.from({ length: kind.searchFilters }, (_, i) => (
                <FilterSelect
                  key={`${kind.key}-${i}`}
                  label={`${i === 0 ? "Mentions" : "and"} ${kind.label.one}`}
                  name={kind.key}
                  value={filters.mentions[kind.key][i]}
                  options={byId(options[k])}
                />
              )),
            )}
            <FilterSelect label="Tag" name="tag" value={filters.tag} options={byName(tags)} />
            <SourceFilters filters={filters} sources={sources} />
            {drafts && (
              <>
                <FilterSelect
                  label="Status"
                  name="status"
                  value={filters.status}
                  options={NOTE_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
                />
                <FilterSelect label="Kind" name="kind" value={filters.kind} options={KINDS} />
                <FilterSelect label="Author" name="author" value={filters.author} options={byId(members.map((m) => ({ id: m.userId, name: m.name })))} anyLabel="Anyone" />
                <label>
                  Edited from
                  <input name="editedFrom" placeholder="YYYY-MM-DD" defaultValue={filters.editedFrom ?? ""} size={11} />
                </label>
                <label>
                  to
                  <input name="editedTo" placeholder="YYYY-MM-DD" defaultValue={filters.editedTo ?? ""} size={11} />
                </label>
                <label>
                  {DATED} from
                  <input name="eventsFrom" placeholder="YYYY-MM-DD" defaultValue={filters.datedFrom ?? ""} size={11} />
                </label>
                <label>
                  to
                  <input name="eventsTo" placeholder="YYYY-MM-DD" defaultValue={filters.datedTo ?? ""} size={11} />
                </label>
              </>
            )}
          </div>
        </details>
        {ignored && (
          <p className="error" role="alert">
            {ignored}
          </p>
        )}
      </form>

      {!searched ? (
        <p className="muted">Search {WHAT}. Press Ctrl+K anywhere to search.</p>
      ) : total === 0 ? (
        <div className="card empty">Nothing found.</div>
      ) : (
        <>
          <ResultSection
            title="Notes"
            hits={results.notes}
            testId="result-note"
            keyOf={(hit) => hit.id}
            snippetOf={(hit) => hit.snippet}
            heading={(hit) => (
              <>
                <Link href={`/t/${team.slug}/notes/${hit.id}`}>{hit.title || "Untitled"}</Link> <StatusBadge status={hit.status as NoteStatus} />{" "}
                <span className="muted">
                  edited <RelativeTime date={hit.updatedAt} />
                </span>
              </>
            )}
          />
          <ResultSection
            title="Briefs"
            hits={results.briefs}
            testId="result-brief"
            keyOf={(hit) => hit.noteId}
            snippetOf={(hit) => hit.snippet}
            heading={(hit) => (
              <>
                <Link href={`/b/${team.slug}/${hit.noteId}`}>{hit.title}</Link> <span className="muted">{hit.dateline}</span>
              </>
            )}
          />
          <ResultSection
            title={ENTITIES}
            hits={results.entities}
            testId="result-entity"
            keyOf={(hit) => hit.id}
            heading={(hit) => (
              <>
                <EntityLink team={team.slug} entity={hit} />
                {hit.aliases.length > 0 && <span className="muted"> · {hit.aliases.join(", ")}</span>}
              </>
            )}
          />
          <ResultSection
            title="Comments"
            hits={results.comments}
            testId="result-comment"
            keyOf={(hit) => `${hit.threadId}-${hit.snippet}`}
            snippetOf={(hit) => hit.snippet}
            heading={(hit) => (
              <>
                On <Link href={`/t/${team.slug}/notes/${hit.noteId}`}>{hit.noteTitle || "Untitled"}</Link>
              </>
            )}
          />
        </>
      )}
    </main>
  );
}
