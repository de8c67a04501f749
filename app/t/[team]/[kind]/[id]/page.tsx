import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityPage } from "@/components/entities/EntityPage";
import { capitalise, kindBySegment } from "@/lib/entity-kinds";

type Props = { params: Promise<{ team: string; kind: string; id: string }> };

/** /t/<team>/actors/<id>, /t/<team>/events/<id>: one entity of a kind in lib/entity-kinds.ts. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const kind = kindBySegment((await params).kind);
  return kind ? { title: capitalise(kind.label.one) } : {};
}

export default async function EntityKindItemPage({ params }: Props) {
  const { team, kind: segment, id } = await params;
  const kind = kindBySegment(segment);
  if (!kind) notFound();
  return <EntityPage slug={team} kind={kind.key} id={id} />;
}
