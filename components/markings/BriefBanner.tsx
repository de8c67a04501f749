import type { TlpLevel } from "@/lib/tradecraft/tlp";
import { TlpBadge } from "./TlpBadge";

/** An edition's banner, frozen with it: at the top and the bottom of the reading view, and of its print. */
export function BriefBanner({ marking, at }: { marking: TlpLevel; at: "top" | "bottom" }) {
  return (
    <p className={`brief-banner ${at}`} data-testid={`brief-banner-${at}`}>
      <TlpBadge marking={marking} />
    </p>
  );
}
