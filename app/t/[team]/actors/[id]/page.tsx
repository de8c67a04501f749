import type { Metadata } from "next";
import { EntityPage } from "@/components/entities/EntityPage";

export const metadata: Metadata = { title: "Actor" };

export default async function ActorPage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team, id } = await params;
  return <EntityPage slug={team} kind="actor" id={id} />;
}
