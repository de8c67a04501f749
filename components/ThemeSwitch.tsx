"use client";

import { useState } from "react";
import { THEME_LABELS, THEMES, themeAttribute, themeCookieText, themeOf, type Theme } from "@/lib/theme/theme";

/**
 * The header's choice of theme. It applies at once (the html element's
 * data-theme) and is kept in a cookie, so the server draws every later page,
 * the plain reading pages too, in it.
 */
export function ThemeSwitch({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  function choose(value: string) {
    const chosen = themeOf(value);
    setTheme(chosen);
    document.cookie = themeCookieText(chosen);
    const attribute = themeAttribute(chosen);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
  }
  return (
    <select className="theme-switch" aria-label="Theme" value={theme} onChange={(event) => choose(event.target.value)}>
      {THEMES.map((option) => (
        <option key={option} value={option}>
          {THEME_LABELS[option]} theme
        </option>
      ))}
    </select>
  );
}
