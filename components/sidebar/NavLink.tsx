"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { TeamNavLink } from "@/lib/teams/team-nav";

/**
 * One of the team's links, marked as the current page where it is: the
 * team's home (Notes) only there, any other also below it (an actor under
 * Actors). A plain page (answered before Next) is a full page load.
 */
export function NavLink({ link, home }: { link: TeamNavLink; home: string }) {
  const pathname = usePathname();
  const current = pathname === link.href || (link.href !== home && pathname.startsWith(`${link.href}/`));
  const props = { href: link.href, "aria-current": current ? ("page" as const) : undefined };
  return link.plain ? <a {...props}>{link.label}</a> : <Link {...props}>{link.label}</Link>;
}
