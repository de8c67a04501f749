import Link from "next/link";
import { StatusBadge } from "@/components/notes/StatusBadge";
import type { AffectedSource } from "@/lib/sources/affected";
import { RetractionControls } from "./RetractionControls";
import { Day } from "./Grade";

/** What happened to the source: "Retracted on 3 March 2026", "Downgraded from B to D on …", and why. */
function WhatHappened({ standing }: { standing: AffectedSource["standing"] }) {
  const what = standing.state === "retracted" ? "Retracted" : `Downgraded from ${standing.from} to ${standing.to}`;
  return (
    <p>
      <strong>{what}</strong> on <Day date={standing.at} />
      {standing.reason ? <>: {standing.reason}</> : "."}
    </p>
  );
}

function Sentences({ sentences }: { sentences: string[] }) {
  return sentences.map((sentence) => (
    <p key={sentence} className="snippet">
      {sentence}
    </p>
  ));
}

/** One source in question, with the notes and editions citing it and the sentences they cite it for. */
export function AffectedSourceCard({ team, entry, mayChange }: { team: string; entry: AffectedSource; mayChange: boolean }) {
  const headingId = `affected-${entry.source.id}`;
  return (
    <section className="card padded stack" aria-labelledby={headingId} data-testid="affected-source">
      <h2 id={headingId}>
        {entry.source.title} <span className="badge">{entry.standing.state === "retracted" ? "Retracted" : `Graded ${entry.source.reliability}`}</span>
      </h2>
      <WhatHappened standing={entry.standing} />
      {entry.notes.length > 0 && (
        <>
          <h3>Notes citing it</h3>
          <ul>
            {entry.notes.map((note) => (
              <li key={note.id}>
                <Link href={`/t/${team}/notes/${note.id}`}>{note.title || "Untitled"}</Link> <StatusBadge status={note.status} />
                <Sentences sentences={note.sentences} />
              </li>
            ))}
          </ul>
        </>
      )}
      {entry.editions.length > 0 && (
        <>
          <h3>Editions citing it</h3>
          <ul>
            {entry.editions.map((edition) => (
              <li key={`${edition.noteId}-${edition.number}`}>
                <Link href={`/b/${team}/${edition.noteId}/${edition.number}`}>
                  {edition.title} (edition {edition.number})
                </Link>
                <Sentences sentences={edition.sentences} />
              </li>
            ))}
          </ul>
        </>
      )}
      {mayChange && (
        <div>
          {/* A downgraded source may be retracted outright; a retracted one reinstated. */}
          <RetractionControls team={team} source={{ id: entry.source.id, title: entry.source.title }} retracted={entry.standing.state === "retracted"} />
        </div>
      )}
    </section>
  );
}
