import type { EditionNotice } from "@/lib/sources/edition-notices";
import type { Endnote } from "@/lib/sources/endnote";
import { endnotesHtml, noticesHtml } from "@/lib/sources/sourcing-html";

/*
 * Drawn by the same functions as the exports and feeds, which escape every
 * text: what a reader reads on the page is what they download.
 */

/** The notices above an edition's text about sources it cites that were since withdrawn or downgraded. */
export function SourceNotices({ notices }: { notices: readonly EditionNotice[] }) {
  if (notices.length === 0) return null;
  return <div dangerouslySetInnerHTML={{ __html: noticesHtml(notices) }} />;
}

/** The numbered endnotes after an edition's text, with the summary of its sources; nothing when it cites none. */
export function Endnotes({ endnotes }: { endnotes: readonly Endnote[] }) {
  if (endnotes.length === 0) return null;
  return <div dangerouslySetInnerHTML={{ __html: endnotesHtml(endnotes) }} />;
}
