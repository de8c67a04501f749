import type { NextConfig } from "next";
import { MAX_BODY_BYTES } from "./lib/request-size";
import { SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // These load native code, WebAssembly or keep process-wide state; they are
  // required from node_modules at run time rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "yjs", "@hocuspocus/server"],
  poweredByHeader: false,
  typedRoutes: false,
  // Imports check file sizes themselves (1 MB a file) and answer in a sentence;
  // Next's own limit sits above so oversized files reach that check.
  // The proxy (CSP headers) buffers request bodies too, with its own limit.
  // server.ts answers 413 to a larger body before either reads it.
  experimental: { serverActions: { bodySizeLimit: MAX_BODY_BYTES }, proxyClientMaxBodySize: MAX_BODY_BYTES },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...SECURITY_HEADERS],
      },
      {
        // The service worker's script is checked for a newer one on every visit, never taken from a cache.
        source: "/sw.js",
        headers: [{ key: "Cache-Control", value: "no-cache" }],
      },
    ];
  },
};

export default nextConfig;
