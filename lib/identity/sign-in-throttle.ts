import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getPolicy } from "@/lib/queries/policy";
import { countEvent, ipKey, tooManyMessage, uncount } from "@/lib/rate-limit";
import { retryAfterSeconds, slidingEstimate, WINDOW_MS, windowStart } from "@/lib/rate-limit-window";

/**
 * Password-guessing throttle: failed sign-ins per account (by email, whether or not it exists, so
 * a 429 tells nothing about which emails have accounts) and per address, in the database-backed
 * hourly counters that every replica shares. An attempt is counted before the password is checked
 * and taken back if it succeeds, so a burst of parallel guesses cannot slip past the limit.
 */

function accountKey(email: string): string {
  return `signin-fail:user:${ipKey(email.trim().toLowerCase())}`;
}

function addressKey(ip: string): string {
  return `signin-fail:ip:${ipKey(ip)}`;
}

export interface SignInAttempt {
  /** The credentials were right: the attempt is not a failure, and the account's count restarts. */
  succeeded(): Promise<void>;
}

/**
 * Counts a sign-in attempt for this email and address, or throws rate_limited (429 with
 * retryAfterSeconds) when either already had too many failures in the last hour
 * (policy signInFailuresPerHourPerUser / PerIp). Call `succeeded()` when the sign-in worked.
 */
export async function beginSignInAttempt({ email, ip }: { email: string | null; ip: string | null }): Promise<SignInAttempt> {
  const policy = await getPolicy();
  const now = Date.now();
  const checks: { key: string; limit: number; what: string }[] = [];
  if (email) checks.push({ key: accountKey(email), limit: policy.signInFailuresPerHourPerUser, what: "failed sign-ins for this account" });
  if (ip) checks.push({ key: addressKey(ip), limit: policy.signInFailuresPerHourPerIp, what: "failed sign-ins from your address" });
  const counted: string[] = [];
  for (const { key, limit, what } of checks) {
    const { previous, current } = await countEvent(key, now);
    counted.push(key);
    if (slidingEstimate(previous, current, now) > limit) {
      await Promise.all(counted.map((k) => uncount(k, now)));
      const seconds = retryAfterSeconds(previous, current - 1, limit, now);
      throw new AppError("rate_limited", tooManyMessage(what, limit, seconds), { retryAfterSeconds: String(seconds) });
    }
  }
  return {
    async succeeded() {
      const [account, address] = [email ? accountKey(email) : null, ip ? addressKey(ip) : null];
      if (address) await uncount(address, now);
      // The right password ends the account's run of failures (both windows of the sliding hour).
      if (account)
        await db().rateLimitCounter.deleteMany({ where: { key: account, windowStart: { gte: new Date(windowStart(now) - WINDOW_MS) } } });
    },
  };
}
