import type { SourceStanding as Standing } from "@/lib/sources/standing";
import { Day } from "./Grade";

/**
 * Whether the source is in question, near the top of its page: retracted, or
 * downgraded by its latest grading, with the reason. Controls that change the
 * standing belong here too.
 */
export function SourceStanding({ standing, children }: { standing: Standing; children?: React.ReactNode }) {
  return (
    <section aria-label="Standing" className="stack source-standing">
      {standing.state === "retracted" && (
        <p className="notice warn" role="status">
          Retracted on <Day date={standing.at} />: {standing.reason || "no reason given."}
        </p>
      )}
      {standing.state === "downgraded" && (
        <p className="notice warn" role="status">
          Downgraded from {standing.from} to {standing.to} on <Day date={standing.at} />: {standing.reason}
        </p>
      )}
      {children}
    </section>
  );
}
