import Link from "next/link";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { CREDIBILITY_LABELS, gradePair, type Credibility, type Reliability } from "@/lib/source-grading";
import { groupBy, type editionsCiting, type notesCiting } from "@/lib/sources/cited-in";

type NoteCitationRow = Awaited<ReturnType<typeof notesCiting>>[number];
type EditionCitationRow = Awaited<ReturnType<typeof editionsCiting>>[number];

function Cited({ sentence, reliability, credibility, locator }: { sentence: string; reliability: Reliability; credibility: Credibility; locator: string }) {
  return (
    <li>
      <blockquote className="snippet">{sentence || <span className="muted">(cited before any text)</span>}</blockquote>
      <span className="muted">
        <abbr title={CREDIBILITY_LABELS[credibility]}>{gradePair(reliability, credibility)}</abbr>
        {locator && <>, {locator}</>}
      </span>
    </li>
  );
}

/** The notes (as they are now) and editions (as published) that cite a source, each with the sentences it cites it in. */
export function CitedIn({ team, reliability, notes, editions }: { team: string; reliability: Reliability; notes: NoteCitationRow[]; editions: EditionCitationRow[] }) {
  const byNote = groupBy(notes, (row) => row.noteId);
  const byEdition = groupBy(editions, (row) => row.editionId);
  return (
    <section className="card padded" aria-labelledby="cited-in">
      <h2 id="cited-in">Cited in</h2>
      <h3>Notes</h3>
      {byNote.length === 0 ? (
        <p className="muted">No note cites it yet.</p>
      ) : (
        <ul className="backlinks" data-testid="citing-notes">
          {byNote.map(({ key, rows: [first, ...rest] }) => (
            <li key={key}>
              <Link href={`/t/${team}/notes/${key}`}>{first.title || "Untitled"}</Link> <StatusBadge status={first.status} />
              <ul className="citations">
                {[first, ...rest].map((row) => (
                  <Cited key={row.ordinal} sentence={row.sentence} reliability={reliability} credibility={row.credibility} locator={row.locator} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <h3>Published editions</h3>
      {byEdition.length === 0 ? (
        <p className="muted">No published edition cites it.</p>
      ) : (
        <ul className="backlinks" data-testid="citing-editions">
          {byEdition.map(({ key, rows: [first, ...rest] }) => (
            <li key={key}>
              <Link href={`/b/${team}/${first.noteId}/${first.number}`}>{first.title || "Untitled"}</Link> <span className="muted">edition {first.number}</span>
              {first.withdrawnAt && <span className="badge">Withdrawn</span>}
              <ul className="citations">
                {[first, ...rest].map((row) => (
                  <Cited key={row.ordinal} sentence={row.sentence} reliability={row.reliability} credibility={row.credibility} locator={row.locator} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
