import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getCachedPolicy } from "@/lib/queries/policy";
import { retryAfterSeconds, slidingEstimate, WINDOW_MS, windowStart } from "@/lib/rate-limit-window";

export type RateLimitedAction = "battle" | "vote";

/** Prune counters older than two windows at most this often per process. */
const PRUNE_EVERY_MS = 10 * 60_000;
let lastPruneAt = 0;

/** The caller's IP: the first X-Forwarded-For entry (set by the proxy in front), else X-Real-IP. */
export function clientIp(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  const real = request.headers.get("x-real-ip")?.trim();
  return real ? real.slice(0, 100) : null;
}

/** IP addresses are stored hashed: the counters need a stable key, not the address. */
function ipKey(ip: string): string {
  return createHash("sha256").update(ip).digest("hex").slice(0, 32);
}

/**
 * Counts one event for `key` in the current window (atomically, so every replica shares the
 * count) and reads the previous window. Returns both counts including this event.
 */
async function countEvent(key: string, now: number): Promise<{ previous: number; current: number }> {
  const start = new Date(windowStart(now));
  const prev = new Date(windowStart(now) - WINDOW_MS);
  const [row] = await db().$queryRaw<{ current: number; previous: number | null }[]>`
    WITH cur AS (
      INSERT INTO "RateLimitCounter" (key, "windowStart", count) VALUES (${key}, ${start}, 1)
      ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitCounter".count + 1
      RETURNING count
    )
    SELECT (SELECT count FROM cur) AS current,
           (SELECT count FROM "RateLimitCounter" WHERE key = ${key} AND "windowStart" = ${prev}) AS previous`;
  return { current: row.current, previous: row.previous ?? 0 };
}

/** Takes back a refused event, so hammering a limit does not push the retry time further out. */
async function uncount(key: string, now: number): Promise<void> {
  await db().$executeRaw`UPDATE "RateLimitCounter" SET count = count - 1 WHERE key = ${key} AND "windowStart" = ${new Date(windowStart(now))} AND count > 0`;
}

async function pruneOldCounters(now: number): Promise<void> {
  if (now - lastPruneAt < PRUNE_EVERY_MS) return;
  lastPruneAt = now;
  try {
    await db().$executeRaw`DELETE FROM "RateLimitCounter" WHERE "windowStart" < ${new Date(windowStart(now) - WINDOW_MS)}`;
  } catch (error) {
    console.error("Pruning rate-limit counters failed", error);
  }
}

/**
 * Counts a battle or vote against the contributor's and the IP address's hourly limits (from the
 * data policy, as cached for a few seconds: getCachedPolicy) and throws rate_limited (429, with retryAfterSeconds) when either is exceeded.
 * Counters live in the database, so the limits hold across app replicas.
 */
export async function enforceRateLimit({ action, userId, ip }: { action: RateLimitedAction; userId: string; ip: string | null }): Promise<void> {
  const policy = await getCachedPolicy();
  const now = Date.now();
  const checks: { key: string; limit: number }[] = [
    { key: `${action}:user:${userId}`, limit: action === "battle" ? policy.battlesPerHourPerUser : policy.votesPerHourPerUser },
  ];
  if (ip) checks.push({ key: `${action}:ip:${ipKey(ip)}`, limit: action === "battle" ? policy.battlesPerHourPerIp : policy.votesPerHourPerIp });
  const counted: string[] = [];
  for (const { key, limit } of checks) {
    const { previous, current } = await countEvent(key, now);
    counted.push(key);
    if (slidingEstimate(previous, current, now) > limit) {
      await Promise.all(counted.map((k) => uncount(k, now)));
      const seconds = retryAfterSeconds(previous, current - 1, limit, now);
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      const what = action === "battle" ? "battles" : "votes";
      throw new AppError(
        "rate_limited",
        `Too many ${what} in the last hour (the limit is ${limit} per hour). Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        { retryAfterSeconds: String(seconds) },
      );
    }
  }
  void pruneOldCounters(now);
}
