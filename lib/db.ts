import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { showdownDb?: PrismaClient };

/**
 * The one Prisma client (adapter-pg), created on first use and kept across hot reloads.
 * Lazy so that importing a module that uses it never needs a database at build time.
 */
export function db(): PrismaClient {
  if (!globalForDb.showdownDb) {
    const env = serverEnv();
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.SHOWDOWN_DB_POOL_SIZE });
    globalForDb.showdownDb = new PrismaClient({ adapter });
  }
  return globalForDb.showdownDb;
}

/** Closes the client (CLI and tests). */
export async function disconnectDb(): Promise<void> {
  if (globalForDb.showdownDb) {
    await globalForDb.showdownDb.$disconnect();
    globalForDb.showdownDb = undefined;
  }
}
