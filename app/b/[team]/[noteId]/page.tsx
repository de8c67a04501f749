import type { Metadata } from "next";
import { EditionReadingPage } from "@/components/briefs/EditionReadingPage";

export const metadata: Metadata = { title: "Brief" };

export default async function LatestEditionPage({ params }: { params: Promise<{ team: string; noteId: string }> }) {
  const { team, noteId } = await params;
  return <EditionReadingPage team={team} noteId={noteId} />;
}
