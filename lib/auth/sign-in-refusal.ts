import type { OidcRefusal } from "./oidc";

/**
 * Why a sign-in was refused, as next-auth carries it to the form (a short
 * code in the redirect URL), and the sentence the form shows for it.
 */
const ADDRESS_CODE = /^too_many_attempts_address_(\d+)$/;
const ACCOUNT_CODE = "too_many_attempts_account";

export function refusalCode(scope: "address" | "account", retryAfterMs: number): string {
  if (scope === "account") return ACCOUNT_CODE;
  return `too_many_attempts_address_${Math.max(1, Math.ceil(retryAfterMs / 60_000))}`;
}

export function signInErrorMessage(code: string | undefined): string {
  const minutes = code?.match(ADDRESS_CODE)?.[1];
  if (minutes) return `Too many attempts from this address; try again in ${minutes} ${minutes === "1" ? "minute" : "minutes"}.`;
  if (code === ACCOUNT_CODE) return "This account is getting many sign-in attempts; try again in a few seconds.";
  return "That email and password do not match an account.";
}

const SSO_PREFIX = "sso_";

/** The `error` of the sign-in page's URL for a refused single sign-on. */
export const singleSignOnRefusalCode = (refusal: OidcRefusal) => `${SSO_PREFIX}${refusal}`;

const SSO_REFUSALS: Record<OidcRefusal, (name: string) => string> = {
  no_account: () => "No Dossier account for this address; ask an owner for an invitation.",
  unverified: (name) => `${name} has not verified your e-mail address, so Dossier cannot tell which account is yours. Verify it there, then try again.`,
  linked_elsewhere: (name) => `The Dossier account for this address is already linked to another ${name} account; sign in with that one.`,
  team_missing: () => "Dossier could not open your account: the team it adds new accounts to does not exist. Tell whoever runs Dossier.",
  invalid_profile: (name) => `${name} did not tell Dossier who you are (an account id and a valid e-mail address). Tell whoever runs Dossier.`,
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The sentence for the sign-in page's `error`: a refused single sign-on, or
 * any failure next-auth reports (a state or issuer that did not check out, an
 * issuer that could not be reached), which it names only by type.
 */
export function signInPageErrorMessage(error: string | undefined, singleSignOnName: string | undefined): string | null {
  if (!error) return null;
  const name = singleSignOnName ?? "single sign-on";
  const refusal = error.slice(SSO_PREFIX.length);
  if (error.startsWith(SSO_PREFIX) && Object.hasOwn(SSO_REFUSALS, refusal)) return capitalised(SSO_REFUSALS[refusal as OidcRefusal](name));
  if (!singleSignOnName) return "Signing in did not complete. Try again.";
  return `Signing in with ${name} did not complete. Try again; if it keeps failing, tell whoever runs Dossier.`;
}
