import type { Metadata } from "next";
import { EntityListPage } from "@/components/entities/EntityListPage";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ q?: string }> }) {
  const [{ team }, { q }] = await Promise.all([params, searchParams]);
  return <EntityListPage slug={team} kind="event" query={q} />;
}
