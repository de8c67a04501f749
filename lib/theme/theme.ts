/**
 * The person's choice of theme: the system's (the default), light or dark.
 * Kept in a cookie, not an account setting, so that the server draws the page
 * in it at once (no flash of the other theme) and the plain reading pages,
 * which have no script, follow it too. Shared by the server and the browser.
 */
export const THEME_COOKIE = "dossier-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** A cookie's value as a theme; anything else (absent, altered) is the system's. */
export function themeOf(value: string | undefined | null): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/** The value of the html element's data-theme attribute: none follows the system. */
export function themeAttribute(theme: Theme): "light" | "dark" | undefined {
  return theme === "system" ? undefined : theme;
}

/** The theme a request's Cookie header carries. */
const COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${THEME_COOKIE}=([^;]*)`);

export function themeOfCookieHeader(header: string | null | undefined): Theme {
  const match = COOKIE_PATTERN.exec(header ?? "");
  return themeOf(match?.[1]);
}

/** The Set-Cookie text a browser writes for a choice: a year, the whole site, never sent cross-site. */
export function themeCookieText(theme: Theme): string {
  return theme === "system" ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax` : `${THEME_COOKIE}=${theme}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
