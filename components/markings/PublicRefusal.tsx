import { Fragment, type ReactNode } from "react";
import { PORTION_MARKED_BLOCK_WORDS } from "@/lib/editor/portion-mark-blocks";
import { TLP_LABELS, type TlpLevel } from "@/lib/tradecraft/tlp";

/**
 * Why a brief cannot go to anyone with the link: which marks keep it from
 * the public (the note's own marking, a portion mark) and where each is
 * changed.
 */
export function PublicRefusal({
  banner,
  noteMarking,
  portionMark,
}: {
  banner: TlpLevel;
  /** The note's own marking, where known. */
  noteMarking?: TlpLevel;
  /** The highest portion mark of the body, where known. */
  portionMark: { marking: TlpLevel; block: string } | null;
}) {
  const reasons: ReactNode[] = [];
  if (noteMarking && noteMarking !== "clear")
    reasons.push(
      <>
        the note is marked {TLP_LABELS[noteMarking]} (<a href="#note-marking">change the note&apos;s marking</a>)
      </>,
    );
  if (portionMark && portionMark.marking !== "clear")
    reasons.push(
      <>
        {PORTION_MARKED_BLOCK_WORDS[portionMark.block] ?? "a block"} is marked {TLP_LABELS[portionMark.marking]} (change it with Portion mark in the
        editor&apos;s toolbar)
      </>,
    );
  return (
    <p className="hint" data-testid="public-refused">
      Only a brief marked TLP:CLEAR, with no portion marked higher, may be published to anyone with the link. This one is {TLP_LABELS[banner]}
      {reasons.length === 0
        ? "."
        : reasons.map((reason, index) => (
            <Fragment key={index}>
              {index === 0 ? ": " : ", and "}
              {reason}
            </Fragment>
          ))}
      {reasons.length > 0 && "."}
    </p>
  );
}
