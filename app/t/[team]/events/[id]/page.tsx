import type { Metadata } from "next";
import { EntityPage } from "@/components/entities/EntityPage";

export const metadata: Metadata = { title: "Event" };

export default async function EventPage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team, id } = await params;
  return <EntityPage slug={team} kind="event" id={id} />;
}
