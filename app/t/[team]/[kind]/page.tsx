import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityListPage } from "@/components/entities/EntityListPage";
import { capitalise, kindBySegment } from "@/lib/entity-kinds";
import type { SearchParams } from "@/lib/lists/list-view";

type Props = { params: Promise<{ team: string; kind: string }>; searchParams: Promise<SearchParams> };

/** /t/<team>/actors, /t/<team>/events: a page for every kind in lib/entity-kinds.ts; any other segment is not found. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const kind = kindBySegment((await params).kind);
  return kind ? { title: capitalise(kind.label.many) } : {};
}

export default async function EntityKindPage({ params, searchParams }: Props) {
  const [{ team, kind: segment }, query] = await Promise.all([params, searchParams]);
  const kind = kindBySegment(segment);
  if (!kind) notFound();
  return <EntityListPage slug={team} kind={kind.key} params={query} />;
}
