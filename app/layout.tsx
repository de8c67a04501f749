import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { currentTheme } from "@/lib/theme/current-theme";
import { themeAttribute } from "@/lib/theme/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dossier", template: "%s · Dossier" },
  description: "A collaborative notebook for analyst teams.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so Next puts that request's CSP nonce on
  // its scripts; a page prerendered at build time (the 404 page) has none to carry.
  await connection();
  const theme = await currentTheme();
  return (
    <html lang="en" data-theme={themeAttribute(theme)}>
      <body>{children}</body>
    </html>
  );
}
