import { TLP_LABELS, TLP_MEANINGS, type TlpLevel } from "@/lib/tradecraft/tlp";

/** A handling marking as FIRST colours it (lib/tradecraft/tlp.ts), its meaning on hover. No script: pages, lists and feeds' pages alike. */
export function TlpBadge({ marking, testId }: { marking: TlpLevel; testId?: string }) {
  return (
    <span className="tlp-badge" data-marking={marking} title={TLP_MEANINGS[marking]} data-testid={testId}>
      {TLP_LABELS[marking]}
    </span>
  );
}
