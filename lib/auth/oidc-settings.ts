import "server-only";
import { loadConfig, type OidcConfig } from "@/lib/config";

/** next-auth's id for the configured issuer: its routes are /api/auth/signin/oidc and /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

let configured: { settings: OidcConfig | undefined } | undefined;

/** Single sign-on as configured (OIDC_* in lib/config.ts), or undefined when it is off. */
export function oidcSettings(): OidcConfig | undefined {
  configured ??= { settings: loadConfig().oidc };
  return configured.settings;
}

/** Whether passwords are a way in at all: not when OIDC_ONLY is set. */
export const passwordSignIn = (): boolean => !oidcSettings()?.only;

/** The answer to anything about passwords when only single sign-on lets people in. */
export const NO_PASSWORDS = "This Dossier signs people in through single sign-on only: there are no passwords to set or reset.";
