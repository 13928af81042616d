import "server-only";
import { AppError } from "@/lib/errors";
import { countEvent, uncount, tooManyMessage } from "@/lib/rate-limit";
import { retryAfterSeconds, slidingEstimate } from "@/lib/rate-limit-window";
import { bearerStore } from "./context";
import { bearerCredential, BEARER_PATHS, isBearerAllowed } from "./scope";
import { TOKEN_REQUESTS_PER_HOUR } from "./secret";
import { resolveApiToken } from "./store";

/** Rate-limit counter key of one token (lib/rate-limit.ts counters, shared by every replica). */
export function tokenLimitKey(tokenId: string): string {
  return `api-token:${tokenId}`;
}

/** Counts one request against the token's hourly limit; a 429 with Retry-After past it (the refused request is not counted). */
async function enforceTokenLimit(tokenId: string): Promise<void> {
  const key = tokenLimitKey(tokenId);
  const now = Date.now();
  const { previous, current } = await countEvent(key, now);
  if (slidingEstimate(previous, current, now) > TOKEN_REQUESTS_PER_HOUR) {
    await uncount(key, now);
    const seconds = retryAfterSeconds(previous, current - 1, TOKEN_REQUESTS_PER_HOUR, now);
    throw new AppError("rate_limited", tooManyMessage("requests with this API token", TOKEN_REQUESTS_PER_HOUR, seconds), {
      retryAfterSeconds: String(seconds),
    });
  }
}

/**
 * The one place a bearer token becomes a user (called by lib/api.ts `handle` for every API request).
 * Without `Authorization: Bearer` the handler runs as before (cookie session or anonymous). With one:
 * it is refused (403) on anything but GET/HEAD of the read-only data API, whatever the token; an
 * unknown, revoked or expired token is a 401 (never a fallback to anonymous); past the token's
 * hourly limit a 429. Then the handler runs with lib/session.ts `getCurrentUser` answering the
 * token's owner, read fresh, so the routes' own role checks decide what the token may read.
 */
export async function withBearerAuth(request: Request, run: () => Promise<Response>): Promise<Response> {
  const secret = bearerCredential(request.headers.get("authorization"));
  if (secret === null) return run();
  if (!isBearerAllowed(request.method, new URL(request.url).pathname)) {
    throw new AppError(
      "forbidden",
      `API tokens are read-only and work only with GET on ${BEARER_PATHS.join(", ")} (and /api/snapshots/<id>). Sign in in a browser for anything else.`,
    );
  }
  const identity = await resolveApiToken(secret);
  await enforceTokenLimit(identity.tokenId);
  return bearerStore.run(identity, run);
}
