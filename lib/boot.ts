import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { bootEnv, setAuthEnv, setDatabaseUrl } from "@/lib/env";
import { startEmbeddedDatabase, type DatabaseHandle } from "@/lib/embedded-db";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Applies pending migrations in a child process (the WASM engine patches the pg driver). */
export function deployMigrations(url: string): string {
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/migrate.mjs"), "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Database migration failed:\n${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

/**
 * Makes a migrated database available to this process: DATABASE_URL when set, otherwise the
 * embedded PostgreSQL in SHOWDOWN_DATA_DIR (started, or joined if already running).
 */
export async function bootDatabase(log: (message: string) => void = () => {}): Promise<DatabaseHandle> {
  const env = bootEnv();
  let handle: DatabaseHandle;
  if (env.DATABASE_URL) {
    handle = { url: env.DATABASE_URL, isOwner: false, stop: async () => {} };
  } else {
    handle = await startEmbeddedDatabase({ dataDir: env.SHOWDOWN_DATA_DIR, preferredPort: env.SHOWDOWN_DB_PORT, log });
  }
  setDatabaseUrl(handle.url);
  const migrated = deployMigrations(handle.url);
  if (migrated && migrated !== "No pending migrations.") log(migrated);
  return handle;
}

/** A secret from the environment, or one generated once and kept in the data directory. */
function persistentSecret(name: string): string {
  const dir = path.resolve(bootEnv().SHOWDOWN_DATA_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** NEXTAUTH_SECRET, SHOWDOWN_JUDGE_SECRET and SHOWDOWN_SECRET_KEY: from the environment, else kept in the data directory. */
export function ensureSecrets(): void {
  const env = bootEnv();
  if (!env.NEXTAUTH_SECRET) setAuthEnv({ secret: persistentSecret("auth-secret") });
  if (!env.SHOWDOWN_JUDGE_SECRET) setAuthEnv({ judgeSecret: persistentSecret("judge-secret") });
  if (!env.SHOWDOWN_SECRET_KEY) setAuthEnv({ secretKey: persistentSecret("secret-key") });
}
