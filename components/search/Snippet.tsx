import { MATCH_END, MATCH_START } from "@/lib/search/query";

/** A search snippet: text as text, the matched words in <mark>. Never parsed as HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${MATCH_START}[^${MATCH_END}]*${MATCH_END})`, "u"));
  return (
    <span className="snippet-text">
      {parts.map((part, i) =>
        part.startsWith(MATCH_START) ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part.replaceAll(MATCH_START, "").replaceAll(MATCH_END, "")}</span>,
      )}
    </span>
  );
}
