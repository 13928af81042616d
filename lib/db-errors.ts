/** True when a database write failed on a unique constraint (Prisma P2002 or PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  if (e.code === "P2002" || e.code === "23505") return true;
  if (e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation") return true;
  return e.cause !== undefined && e.cause !== error && isUniqueViolation(e.cause);
}

/**
 * Codes that mean "the database is not there right now" rather than "this request is wrong":
 * socket errors, PostgreSQL's shutdown/starting-up/connection classes (57P01-57P03, 08xxx,
 * too many connections), and Prisma's "cannot reach", "timed out", "closed" and pool-timeout codes.
 */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);

/** Driver-adapter error kinds (adapter-pg) with the same meaning. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** node-postgres reports a lost or refused connection by message only. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Can't reach database server|server closed the connection unexpectedly|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to (administrator command|crash of another server process|unexpected postmaster exit)/i;

/**
 * True when an error (from Prisma, its pg adapter or node-postgres, however deeply wrapped) says
 * the database is unreachable, restarting or shutting down: the request may succeed if retried
 * shortly, so it is answered 503 database_unavailable rather than 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 6) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
  };
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (typeof adapterCause?.kind === "string" && UNAVAILABLE_KINDS.has(adapterCause.kind)) return true;
  if (typeof adapterCause?.originalCode === "string" && UNAVAILABLE_CODES.has(adapterCause.originalCode)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true; // AggregateError
  return e.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause, depth + 1);
}
