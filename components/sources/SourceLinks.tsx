import Link from "next/link";

/** To the search for the notes (for readers, the briefs) citing one source. */
export function NotesCitingLink({ team, sourceId }: { team: string; sourceId: string }) {
  return <Link href={`/t/${team}/search?source=${sourceId}`}>Notes citing this source</Link>;
}

/** To the list of briefs affected by source changes, for the source register and the team's navigation. */
export function AffectedBriefsLink({ team }: { team: string }) {
  return <Link href={`/t/${team}/sources/affected`}>Briefs affected by source changes</Link>;
}
