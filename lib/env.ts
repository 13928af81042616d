import { z } from "zod";

/**
 * The only reader of process.env. Values are validated with zod and read lazily, so that
 * `next build` (which imports route modules) needs no database or secrets, and so that the
 * start script and CLI can set DATABASE_URL after starting the embedded PostgreSQL.
 */
const optional = z.string().trim().min(1).optional();

const bootSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  SHOWDOWN_DATA_DIR: z.string().min(1).default(".data"),
  SHOWDOWN_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: optional,
});

const serverSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  // Required by the web app (lib/auth.ts); the launcher generates one when it is not set.
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  GITHUB_ID: optional,
  GITHUB_SECRET: optional,
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  SHOWDOWN_BOOTSTRAP_ROUNDS: z.coerce.number().int().min(10).max(2000).default(100),
  SHOWDOWN_BOOTSTRAP_SEED: z.coerce.number().int().min(0).default(42),
  SHOWDOWN_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

export type BootEnv = z.infer<typeof bootSchema>;
export type ServerEnv = z.infer<typeof serverSchema>;

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

/** Settings the launcher, CLI and tests need before a database exists. Not cached. */
export function bootEnv(): BootEnv {
  const parsed = bootSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

let cached: ServerEnv | undefined;

/** Settings of a running app or CLI; throws a readable error naming the bad variables. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: ${formatIssues(parsed.error)}`);
  cached = parsed.data;
  return cached;
}

/** Tells the launcher and CLI where the database is; later serverEnv() calls see it. */
export function setDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  cached = undefined;
}

/** Sets the session secret when the launcher generated or loaded one. */
export function setAuthEnv(values: { secret?: string; url?: string }): void {
  if (values.secret) process.env.NEXTAUTH_SECRET = values.secret;
  if (values.url) process.env.NEXTAUTH_URL = values.url;
  cached = undefined;
}
