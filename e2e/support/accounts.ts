import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, DEMO_USERS } from "../../lib/demo/accounts";
import { AppSession } from "./app-session";

/**
 * A new member of the demo team, signed up through an invite as a newcomer
 * would: for tests that end all of an account's sessions or hold back its
 * sign-ins, so no demo account is touched.
 */
export async function newDemoMember(baseURL: string, role: "analyst" | "reader" = "analyst") {
  const id = randomUUID().slice(0, 8);
  const email = `member-${id}@example.test`;
  const name = `Member ${id}`;
  const password = "a long enough passphrase";
  const owner = await AppSession.signIn(baseURL, DEMO_USERS.owner.email, DEMO_PASSWORD);
  const { link } = await owner.must<{ link: string }>("app/t/[team]/members/actions.ts#createInviteAction", [{ team: "demo", email, role }], { team: "demo" });
  const token = link.split("/invite/")[1];
  const anonymous = await AppSession.anonymous(baseURL);
  await anonymous.must("app/invite/[token]/actions.ts#signUpWithInviteAction", [{ token, name, password }], { token });
  await Promise.all([owner.dispose(), anonymous.dispose()]);
  return { email, password, name };
}
