import { counted } from "@/lib/counted";
import type { Finding } from "@/lib/tradecraft/estimative-check";
import { FINDING_KINDS, FINDING_TITLES } from "@/lib/tradecraft/findings";

/**
 * The estimative language of the text about to be published: each kind of
 * finding with its count and the sentences, then the passages set aside
 * with who did it and why. A warning, never a block: publishing does not
 * wait on it.
 */
export function EstimativeSummary({ findings }: { findings: Finding[] }) {
  const open = findings.filter((finding) => !finding.setAside);
  const setAside = findings.filter((finding) => finding.setAside);
  const groups = FINDING_KINDS.map((kind) => ({ kind, findings: open.filter((finding) => finding.kind === kind) })).filter((group) => group.findings.length > 0);
  return (
    <section className="estimative-summary" aria-labelledby="estimative-heading" data-testid="estimative-summary">
      <h3 id="estimative-heading">Estimative language</h3>
      <p data-testid="estimative-counts">
        {open.length === 0 ? "Nothing to look at again." : `${counted(open.length, "finding", "findings")} to look at again before publishing.`}
        {setAside.length > 0 && ` ${counted(setAside.length, "finding", "findings")} set aside.`}
      </p>
      {groups.map((group) => (
        <details key={group.kind} className="estimative-group" data-finding={group.kind} open>
          <summary>
            {FINDING_TITLES[group.kind]} ({group.findings.length})
          </summary>
          <ul>
            {group.findings.map((finding) => (
              <li key={`${finding.from}:${finding.to}`} title={finding.message}>
                {finding.term && <strong>“{finding.term}”</strong>} {finding.term && "in "}“{finding.sentence}”
              </li>
            ))}
          </ul>
        </details>
      ))}
      {setAside.length > 0 && (
        <ul className="estimative-set-aside-list" aria-label="Findings set aside">
          {setAside.map((finding) => (
            <li key={`${finding.from}:${finding.to}`}>
              {FINDING_TITLES[finding.kind]}: {finding.term && `“${finding.term}” in `}“{finding.sentence}”, set aside by {finding.setAside?.by ?? "someone"}
              {finding.setAside?.reason ? `: “${finding.setAside.reason}”` : "."}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
