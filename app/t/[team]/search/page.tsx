import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { RelativeTime } from "@/components/RelativeTime";
import { Snippet } from "@/components/search/Snippet";
import { NOTE_STATUSES, type NoteStatus } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { requireTeam } from "@/lib/auth/session";
import { listEntities } from "@/lib/entities/queries";
import { hasFilters, parseSearchFilters } from "@/lib/search/filters";
import { searchTeam } from "@/lib/search/search";
import { listTags } from "@/lib/tags/queries";
import { listMembers } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Search" };

const STATUS_LABELS: Record<NoteStatus, string> = { draft: "Draft", in_review: "In review", approved: "Approved", published: "Published" };

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team, role } = await requireTeam(slug);
  const filters = parseSearchFilters(query);
  const drafts = can.readDrafts(role);
  const [results, actors, events, tags, members] = await Promise.all([
    searchTeam(team.id, role, filters),
    listEntities(team.id, "actor"),
    listEntities(team.id, "event"),
    listTags(team.id),
    drafts ? listMembers(team.id) : Promise.resolve([]),
  ]);
  const searched = Boolean(filters.q.trim()) || hasFilters(filters);
  const total = results.notes.length + results.briefs.length + results.entities.length + results.comments.length;
  const actorSelect = (name: string, value: string | undefined, label: string) => (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );

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
            {actorSelect("actor", filters.actors[0], "Mentions actor")}
            {actorSelect("actor", filters.actors[1], "and actor")}
            <label>
              Mentions event
              <select name="event" defaultValue={filters.event ?? ""}>
                <option value="">Any</option>
                {events.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Tag
              <select name="tag" defaultValue={filters.tag ?? ""}>
                <option value="">Any</option>
                {tags.map((t) => (
                  <option key={t.id} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            {drafts && (
              <>
                <label>
                  Status
                  <select name="status" defaultValue={filters.status ?? ""}>
                    <option value="">Any</option>
                    {NOTE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {STATUS_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Kind
                  <select name="kind" defaultValue={filters.kind ?? ""}>
                    <option value="">Any</option>
                    <option value="note">Note</option>
                    <option value="brief">Brief</option>
                  </select>
                </label>
                <label>
                  Author
                  <select name="author" defaultValue={filters.author ?? ""}>
                    <option value="">Anyone</option>
                    {members.map((m) => (
                      <option key={m.userId} value={m.userId}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Edited from
                  <input name="editedFrom" placeholder="YYYY-MM-DD" defaultValue={filters.editedFrom ?? ""} size={11} />
                </label>
                <label>
                  to
                  <input name="editedTo" placeholder="YYYY-MM-DD" defaultValue={filters.editedTo ?? ""} size={11} />
                </label>
                <label>
                  Events from
                  <input name="eventsFrom" placeholder="YYYY-MM-DD" defaultValue={filters.eventsFrom ?? ""} size={11} />
                </label>
                <label>
                  to
                  <input name="eventsTo" placeholder="YYYY-MM-DD" defaultValue={filters.eventsTo ?? ""} size={11} />
                </label>
              </>
            )}
          </div>
        </details>
      </form>

      {!searched ? (
        <p className="muted">Search notes, briefs, actors, events and comments. Press Ctrl+K anywhere to search.</p>
      ) : total === 0 ? (
        <div className="card empty">Nothing found.</div>
      ) : (
        <>
          {results.notes.length > 0 && (
            <section className="card padded" aria-labelledby="found-notes">
              <h2 id="found-notes">Notes</h2>
              <ol className="results">
                {results.notes.map((hit) => (
                  <li key={hit.id} data-testid="result-note">
                    <Link href={`/t/${team.slug}/notes/${hit.id}`}>{hit.title || "Untitled"}</Link> <StatusBadge status={hit.status as NoteStatus} />{" "}
                    <span className="muted">
                      edited <RelativeTime date={hit.updatedAt} />
                    </span>
                    <div className="muted">
                      <Snippet text={hit.snippet} />
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          )}
          {results.briefs.length > 0 && (
            <section className="card padded" aria-labelledby="found-briefs">
              <h2 id="found-briefs">Briefs</h2>
              <ol className="results">
                {results.briefs.map((hit) => (
                  <li key={hit.noteId} data-testid="result-brief">
                    <Link href={`/b/${team.slug}/${hit.noteId}`}>{hit.title}</Link> <span className="muted">{hit.dateline}</span>
                    <div className="muted">
                      <Snippet text={hit.snippet} />
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          )}
          {results.entities.length > 0 && (
            <section className="card padded" aria-labelledby="found-entities">
              <h2 id="found-entities">Actors and events</h2>
              <ul className="related">
                {results.entities.map((hit) => (
                  <li key={hit.id} data-testid="result-entity">
                    <Link className={`mention mention-${hit.kind}`} href={`/t/${team.slug}/${hit.kind}s/${hit.id}`}>
                      {hit.name}
                    </Link>
                    {hit.aliases.length > 0 && <span className="muted"> · {hit.aliases.join(", ")}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {results.comments.length > 0 && (
            <section className="card padded" aria-labelledby="found-comments">
              <h2 id="found-comments">Comments</h2>
              <ol className="results">
                {results.comments.map((hit) => (
                  <li key={`${hit.threadId}-${hit.snippet}`} data-testid="result-comment">
                    On <Link href={`/t/${team.slug}/notes/${hit.noteId}`}>{hit.noteTitle || "Untitled"}</Link>
                    <div className="muted">
                      <Snippet text={hit.snippet} />
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </main>
  );
}
