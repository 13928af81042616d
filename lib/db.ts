import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { showdownDb?: PrismaClient };

/**
 * Settings for every pool of connections to the app's database. Connecting gives up after
 * SHOWDOWN_DB_CONNECT_TIMEOUT_MS (2 s by default; a refused connection fails at once), so while the database is away a request fails
 * fast (503) instead of hanging; idle connections are closed after a while, and a connection that
 * broke is dropped by the pool, so the next request opens a fresh one once the database is back.
 */
export function poolConfig(max: number): pg.PoolConfig {
  const env = serverEnv();
  return {
    connectionString: env.DATABASE_URL,
    max,
    connectionTimeoutMillis: env.SHOWDOWN_DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  };
}

let lastPoolErrorAt = 0;

/**
 * An idle pooled connection that breaks (the database restarted) is an 'error' event on its pool:
 * without a listener it would crash the process. The pool drops that connection itself; this logs it.
 */
export function logPoolError(error: Error): void {
  const now = Date.now();
  if (now - lastPoolErrorAt < 10_000) return;
  lastPoolErrorAt = now;
  console.error(`[showdown] a database connection was lost (${error.message}); new connections will be opened as needed`);
}

/**
 * The one Prisma client (adapter-pg), created on first use and kept across hot reloads.
 * Lazy so that importing a module that uses it never needs a database at build time.
 */
export function db(): PrismaClient {
  if (!globalForDb.showdownDb) {
    const adapter = new PrismaPg(poolConfig(serverEnv().SHOWDOWN_DB_POOL_SIZE), {
      onPoolError: logPoolError,
      onConnectionError: logPoolError,
    });
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
