import { EntityLink } from "@/components/entities/EntityLink";
import { openSource } from "@/lib/loaders/sources";
import { abilities } from "@/lib/policies";
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from "@/lib/source-grading";
import { editionsCiting, notesCiting } from "@/lib/sources/cited-in";
import { gradeHistory, sourceDetails } from "@/lib/sources/register-queries";
import { snapshotsOf } from "@/lib/sources/snapshots";
import { standingOf } from "@/lib/sources/standing";
import { CitedIn } from "./CitedIn";
import { Day, ReliabilityGrade } from "./Grade";
import { GradeHistory } from "./GradeHistory";
import { RegradeForm } from "./RegradeForm";
import { SnapshotList } from "./SnapshotList";
import { SnapshotUpload } from "./SnapshotUpload";
import { SourceForm } from "./SourceForm";
import { RetractionControls } from "./RetractionControls";
import { NotesCitingLink } from "./SourceLinks";
import { SourceStanding } from "./SourceStanding";

/** A source's page: what it is, its grade and standing, its grade history, its snapshots, and what cites it. */
export async function SourcePage({ slug, id }: { slug: string; id: string }) {
  const { team, actor, source } = await openSource(slug, id);
  const may = abilities(actor, "source", { teamId: team.id });
  const [details, standing, history, snapshots, notes, editions] = await Promise.all([
    sourceDetails(team.id, source.id),
    standingOf(team.id, [source.id]),
    gradeHistory(team.id, source.id),
    snapshotsOf(team.id, source.id),
    notesCiting(team.id, source.id),
    editionsCiting(team.id, source.id),
  ]);
  const originator = details?.actor ?? null;

  return (
    <main className="page stack">
      <div className="page-head">
        <div>
          <p className="eyebrow">{SOURCE_KIND_LABELS[source.kind].one}</p>
          <h1 data-testid="source-title">{source.title}</h1>
          {(source.originator || originator) && (
            <p className="muted">
              From {source.originator || originator?.name}
              {originator && (
                <>
                  {" "}
                  (<EntityLink team={team.slug} entity={originator} />)
                </>
              )}
            </p>
          )}
        </div>
      </div>

      <SourceStanding standing={standing.get(source.id) ?? { state: "sound" }}>
        {may.update && <RetractionControls team={team.slug} source={{ id: source.id, title: source.title }} retracted={Boolean(source.retractedAt)} />}
      </SourceStanding>

      <section className="card padded stack" aria-labelledby="grade">
        <h2 id="grade">Reliability</h2>
        <p>
          <ReliabilityGrade grade={source.reliability} />
        </p>
        <p className="muted">
          Graded by {details?.gradedBy ?? "a former member"} on <Day date={source.gradedAt} />. A citation pairs this letter with how credible the cited item is, 1
          (confirmed by other sources) to 6 (cannot be judged): “{source.reliability}2” reads “{RELIABILITY_LABELS[source.reliability].toLowerCase()} source,
          probably true”.
        </p>
        {source.url && (
          <p>
            Address:{" "}
            <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
              {source.url}
            </a>
          </p>
        )}
        {source.description && <p className="summary">{source.description}</p>}
      </section>

      {may.update && (
        <>
          <details className="card padded">
            <summary>Change grade</summary>
            <RegradeForm team={team.slug} id={source.id} current={source.reliability} />
          </details>
          <details className="card padded">
            <summary>Edit</summary>
            <SourceForm
              team={team.slug}
              id={source.id}
              initial={{ title: source.title, kind: source.kind, originator: source.originator, actor: originator, url: source.url ?? "", description: source.description }}
            />
          </details>
        </>
      )}

      <section className="card padded" aria-labelledby="history">
        <h2 id="history">Grade history</h2>
        <GradeHistory changes={history} />
      </section>

      <section className="card padded stack" aria-labelledby="snapshots">
        <h2 id="snapshots">Snapshots</h2>
        <SnapshotList team={team.slug} sourceId={source.id} snapshots={snapshots} />
        {may.update && <SnapshotUpload team={team.slug} sourceId={source.id} />}
      </section>

      <CitedIn team={team.slug} reliability={source.reliability} notes={notes} editions={editions} />
      {notes.length + editions.length > 0 && (
        <p>
          <NotesCitingLink team={team.slug} sourceId={source.id} />
        </p>
      )}
    </main>
  );
}
