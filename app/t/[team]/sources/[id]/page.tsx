import type { Metadata } from "next";
import { SourcePage } from "@/components/sources/SourcePage";

export const metadata: Metadata = { title: "Source" };

/** /t/<team>/sources/<id>: one source of the team's register. */
export default async function SourceItemPage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team, id } = await params;
  return <SourcePage slug={team} id={id} />;
}
