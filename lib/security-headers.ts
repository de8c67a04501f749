/**
 * Headers every answer carries: next.config.ts gives them to Next's, and the
 * server's own answers (lib/reading/server-lane.ts) carry them too.
 */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** A page with no script at all: nothing may run, styles and images come from here only, forms post here only. */
export const NO_SCRIPT_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** A reading page's print copy: as NO_SCRIPT_POLICY, but for one script file of our own that opens the print dialog. */
export const PRINT_PAGE_POLICY = `${NO_SCRIPT_POLICY}; script-src 'self'`;
