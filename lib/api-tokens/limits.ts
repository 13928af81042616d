/** Active (not revoked, not expired) tokens one account may hold. */
export const MAX_ACTIVE_TOKENS = 10;
/** Requests per hour one token may make (sliding window, shared by every replica). */
export const TOKEN_REQUESTS_PER_HOUR = 600;
/** lastUsedAt is written at most this often per token, so busy scripts do not turn reads into writes. */
export const LAST_USED_PRECISION_MS = 60_000;
