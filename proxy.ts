import { NextResponse, type NextRequest } from "next/server";
import { websocketOrigin } from "@/lib/app-origin";

/**
 * A fresh nonce per page, and a Content-Security-Policy that lets only scripts
 * carrying it run (no inline scripts otherwise). Next reads the nonce from
 * the request's policy and puts it on its own scripts. Styles stay
 * 'unsafe-inline': the editor and the charts set style attributes.
 * This sets headers only; every page and handler checks access itself.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Said outright rather than left to script-src, where 'strict-dynamic' sets 'self' aside: the service worker (public/sw.js), the map's worker.
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The websocket's origin comes from APP_URL, not the request's Host header.
    `connect-src 'self' ${websocketOrigin()}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Behind TLS (directly or at a proxy that says so), browsers should stay on HTTPS.
  if (request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [
    {
      // A source's snapshots are neither pages nor scripts: the upload streams its body to its own
      // size check (the proxy would buffer it, and cut it at its own limit), and a download carries
      // its own sandboxing policy (lib/sources/snapshot-transfer.ts).
      source: "/((?!_next/static|_next/image|favicon.ico|t/[^/]+/sources/[^/]+/snapshots).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
