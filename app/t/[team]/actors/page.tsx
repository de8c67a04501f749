import type { Metadata } from "next";
import { EntityListPage } from "@/components/entities/EntityListPage";

export const metadata: Metadata = { title: "Actors" };

export default async function ActorsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ q?: string }> }) {
  const [{ team }, { q }] = await Promise.all([params, searchParams]);
  return <EntityListPage slug={team} kind="actor" query={q} />;
}
