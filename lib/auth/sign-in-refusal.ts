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
