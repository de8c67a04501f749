import type { Role } from "@/db/schema";

/** The demo team and its users, one of each role (README.md lists them). */
export const DEMO_PASSWORD = "dossier-demo";
export const DEMO_TEAM = { name: "Demo Desk", slug: "demo" };
export const DEMO_USERS = {
  owner: { email: "owner@demo.dossier", name: "Olivia Owner", role: "owner" },
  analyst: { email: "analyst@demo.dossier", name: "Arun Analyst", role: "analyst" },
  reviewer: { email: "reviewer@demo.dossier", name: "Rita Reviewer", role: "reviewer" },
  reader: { email: "reader@demo.dossier", name: "Rafael Reader", role: "reader" },
} as const satisfies Record<Role, { email: string; name: string; role: Role }>;
