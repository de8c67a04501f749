import type { Metadata } from "next";
import { EditionReadingPage } from "@/components/briefs/EditionReadingPage";

export const metadata: Metadata = { title: "Brief" };

export default async function EditionPage({ params }: { params: Promise<{ team: string; noteId: string; edition: string }> }) {
  const { team, noteId, edition } = await params;
  return <EditionReadingPage team={team} noteId={noteId} number={edition} />;
}
