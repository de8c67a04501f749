import "server-only";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireTeam } from "@/lib/auth/session";
import { parseViewFilters } from "./view-filters";

export interface TeamViewProps {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * For the team-wide views (timeline, link chart): they are drawn from drafts,
 * so only members who may read drafts see them. Filters come from the URL.
 */
export async function openTeamView({ params, searchParams }: TeamViewProps) {
  const { team: slug } = await params;
  const { team, role } = await requireTeam(slug);
  if (!can.readDrafts(role)) notFound();
  return { team, ...parseViewFilters(await searchParams) };
}
