import { signOutFromForm } from "@/lib/auth/sign-out-form";

export const dynamic = "force-dynamic";

/** The plain pages' Sign out form (the reader home, the reading view: they ship no script). */
export async function POST(request: Request) {
  return signOutFromForm(request);
}
