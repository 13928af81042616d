import { defineConfig } from "prisma/config";

// The URL is only read by Prisma CLI commands that talk to a database; the app and the
// offline migration scripts get theirs from lib/env.ts / lib/embedded-db.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/showdown" },
});
