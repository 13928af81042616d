/**
 * Sliding-window rate-limit arithmetic (pure). Counts are kept per fixed hourly window; the
 * recent rate is estimated as previous × (1 − elapsed share of the current window) + current,
 * the usual two-window approximation of a sliding hour.
 */

export const WINDOW_MS = 3_600_000;

/** Start of the fixed window containing `now` (ms). */
export function windowStart(now: number): number {
  return Math.floor(now / WINDOW_MS) * WINDOW_MS;
}

/** The estimated number of events in the hour ending at `now`. */
export function slidingEstimate(previous: number, current: number, now: number): number {
  const elapsed = (now - windowStart(now)) / WINDOW_MS;
  return previous * (1 - elapsed) + current;
}

/**
 * Seconds until one more event would be allowed, given the counts without the refused event.
 * Within the current window the previous window's weight decays; past it, the current count
 * becomes the previous one. Always at least 1.
 */
export function retryAfterSeconds(previous: number, current: number, limit: number, now: number): number {
  const start = windowStart(now);
  const room = limit - current - 1;
  if (room >= 0 && previous > 0) {
    // previous × (1 − f) ≤ room  ⇔  f ≥ 1 − room / previous
    const f = 1 - room / previous;
    const at = start + f * WINDOW_MS;
    if (at < start + WINDOW_MS) return Math.max(1, Math.ceil((at - now) / 1000));
  }
  const next = start + WINDOW_MS;
  const g = current > 0 ? Math.max(0, 1 - (limit - 1) / current) : 0;
  return Math.max(1, Math.ceil((next + g * WINDOW_MS - now) / 1000));
}
