import "server-only";
import { createHash } from "node:crypto";
import { addressLimitKey, CLIENT_IP_HEADER, normalizeAddress } from "@/lib/client-address.mjs";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Policy } from "@/lib/policy";
import { getCachedPolicy } from "@/lib/queries/policy";
import { retryAfterSeconds, slidingEstimate, WINDOW_MS, windowStart } from "@/lib/rate-limit-window";

export type RateLimitedAction = "battle" | "vote" | "signup" | "verification-mail";

/** Prune counters older than two windows at most this often per process. */
const PRUNE_EVERY_MS = 10 * 60_000;
let lastPruneAt = 0;

/**
 * The caller's IP address, as the app's HTTP server (scripts/server.mjs) worked it out from the
 * socket and, only through proxies that TRUST_PROXY names, X-Forwarded-For. That server drops any
 * copy of the header a client sends, so nothing a client writes is read here. Null when the app
 * runs without that server (e.g. route handlers called directly in tests): per-IP limits then
 * do not apply, per-user limits still do.
 */
export function clientIp(request: Request): string | null {
  return normalizeAddress(request.headers.get(CLIENT_IP_HEADER) ?? "");
}

/** IP addresses are stored hashed (IPv6 by /64 network): the counters need a stable key, not the address. */
export function ipKey(ip: string): string {
  return createHash("sha256").update(addressLimitKey(ip)).digest("hex").slice(0, 32);
}

/**
 * Counts one event for `key` in the current window (atomically, so every replica shares the
 * count) and reads the previous window. Returns both counts including this event.
 */
export async function countEvent(key: string, now: number): Promise<{ previous: number; current: number }> {
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
export async function uncount(key: string, now: number): Promise<void> {
  await db()
    .$executeRaw`UPDATE "RateLimitCounter" SET count = count - 1 WHERE key = ${key} AND "windowStart" = ${new Date(windowStart(now))} AND count > 0`;
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

/** Hourly limits per contributor and per address for each action (from the data policy); null: not limited that way. */
function limitsOf(action: RateLimitedAction, policy: Policy): { user: number | null; ip: number | null; what: string } {
  switch (action) {
    case "battle":
      return { user: policy.battlesPerHourPerUser, ip: policy.battlesPerHourPerIp, what: "battles" };
    case "vote":
      return { user: policy.votesPerHourPerUser, ip: policy.votesPerHourPerIp, what: "votes" };
    case "signup":
      return { user: null, ip: policy.signupsPerHourPerIp, what: "sign-ups from your address" };
    case "verification-mail":
      // Not a policy setting: a person needs one or two, a mail bomber many.
      return { user: VERIFICATION_MAILS_PER_HOUR, ip: null, what: "verification emails" };
  }
}

/** Verification emails one account may ask for per hour. */
export const VERIFICATION_MAILS_PER_HOUR = 5;

/**
 * Counts an event against the contributor's and the IP address's hourly limits for the action
 * (battles and votes per contributor and per address, sign-ups per address, from the data policy
 * as cached for a few seconds: getCachedPolicy)
 * and throws rate_limited (429, with retryAfterSeconds) when either is exceeded; the refused
 * event is not counted. Counters live in the database, so the limits hold across app replicas.
 */
export async function enforceRateLimit({
  action,
  userId,
  ip,
}: {
  action: RateLimitedAction;
  userId?: string | null;
  ip: string | null;
}): Promise<void> {
  const limits = limitsOf(action, await getCachedPolicy());
  const now = Date.now();
  const checks: { key: string; limit: number }[] = [];
  if (userId && limits.user !== null) checks.push({ key: `${action}:user:${userId}`, limit: limits.user });
  if (ip && limits.ip !== null) checks.push({ key: `${action}:ip:${ipKey(ip)}`, limit: limits.ip });
  const counted: string[] = [];
  for (const { key, limit } of checks) {
    const { previous, current } = await countEvent(key, now);
    counted.push(key);
    if (slidingEstimate(previous, current, now) > limit) {
      await Promise.all(counted.map((k) => uncount(k, now)));
      const seconds = retryAfterSeconds(previous, current - 1, limit, now);
      throw new AppError("rate_limited", tooManyMessage(limits.what, limit, seconds), { retryAfterSeconds: String(seconds) });
    }
  }
  void pruneOldCounters(now);
}

/** "Too many votes in the last hour (the limit is 60 per hour). Please try again in 5 minutes." */
export function tooManyMessage(what: string, limit: number, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many ${what} in the last hour (the limit is ${limit} per hour). Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
