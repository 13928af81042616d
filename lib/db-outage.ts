import { isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";

/** Seconds a client is asked to wait before retrying while the database is away (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 2;
/** One log line per outage burst (and per new kind of failure), not one per failed request. */
const LOG_EVERY_MS = 10_000;
let lastLoggedAt = 0;
let lastMessage = "";

/**
 * The 503 database_unavailable AppError for an error that means the database is unreachable,
 * restarting or shutting down (see isDatabaseUnavailable); null for any other error. Logs the
 * first such error of each ten-second burst.
 */
export function databaseUnavailableError(error: unknown): AppError | null {
  if (!isDatabaseUnavailable(error)) return null;
  const now = Date.now();
  const message = error instanceof Error ? (error.message.split("\n").filter(Boolean).pop() ?? error.name) : String(error);
  if (now - lastLoggedAt > LOG_EVERY_MS || message !== lastMessage) {
    lastLoggedAt = now;
    lastMessage = message;
    console.error(`[showdown] database unavailable; answering 503 until it is back: ${message}`);
  }
  return new AppError("database_unavailable", "The database is temporarily unavailable. Please try again in a few seconds.", {
    retryAfterSeconds: String(DATABASE_RETRY_AFTER_SECONDS),
  });
}
