import Link from "next/link";
import type { BriefJudgments, JudgmentHistory, JudgmentStep } from "@/lib/judgments/history";
import { confidenceWords, likelihoodWords } from "@/lib/judgments/change-words";
import { JUDGMENT_CHANGE_LABELS } from "@/lib/tradecraft/judgment-changes";

/** "very likely, moderate confidence": a confidence is named only where the edition gave one. */
const stepWords = (step: JudgmentStep) => [likelihoodWords(step.likelihoodTerm), step.confidence ? confidenceWords(step.confidence) : null].filter(Boolean).join(", ");

/** "likely, moderate confidence (ed. 1) → very likely, moderate confidence (ed. 3)", each edition a link, each reason below. */
function JudgmentTrail({ base, judgment }: { base: string; judgment: JudgmentHistory }) {
  return (
    <li className="judgment-history" data-withdrawn={judgment.withdrawnIn !== null || undefined}>
      <p className="judgment-history-text">
        {judgment.text}
        {judgment.withdrawnIn !== null && (
          <span className="badge" title={`Withdrawn in edition ${judgment.withdrawnIn}`}>
            Withdrawn
          </span>
        )}
      </p>
      <p className="judgment-trail">
        {judgment.steps.map((step, index) => (
          <span key={step.edition} className="judgment-step" title={step.rationale ? `Why: ${step.rationale}` : JUDGMENT_CHANGE_LABELS[step.change]}>
            {index > 0 && " → "}
            {step.change === "withdrawn" ? "withdrawn" : stepWords(step)} (<Link href={`${base}/${step.edition}`}>ed. {step.edition}</Link>)
          </span>
        ))}
      </p>
      {judgment.steps.some((step) => step.rationale || step.change === "reworded") && (
        <ul className="judgment-reasons">
          {judgment.steps
            .filter((step) => step.rationale || step.change === "reworded")
            .map((step) => (
              <li key={step.edition}>
                Ed. {step.edition}, {JUDGMENT_CHANGE_LABELS[step.change].toLowerCase()}
                {step.change === "reworded" && <>: “{step.text}”</>}
                {step.rationale && <>: {step.rationale}</>}
              </li>
            ))}
        </ul>
      )}
    </li>
  );
}

/** A team's key judgments across its briefs' editions, grouped by brief. */
export function JudgmentHistoryList({ team, briefs }: { team: string; briefs: readonly BriefJudgments[] }) {
  return (
    <div className="stack">
      {briefs.map((brief) => {
        const base = `/b/${team}/${brief.noteId}`;
        return (
          <section key={brief.noteId} className="card padded judgment-brief" aria-label={brief.title}>
            <h2>
              <Link href={`${base}/${brief.latestEdition}`}>{brief.title}</Link>
            </h2>
            <ol className="judgment-histories">
              {brief.judgments.map((judgment) => (
                <JudgmentTrail key={judgment.key} base={base} judgment={judgment} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
