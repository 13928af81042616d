import { createHash, randomBytes } from "node:crypto";
import { LAST_USED_PRECISION_MS } from "./limits";

export { LAST_USED_PRECISION_MS, MAX_ACTIVE_TOKENS, TOKEN_REQUESTS_PER_HOUR } from "./limits";

/** Every token starts with this, so leaked tokens are easy to recognise (and to scan for). */
export const TOKEN_PREFIX = "sdt_";
/** Characters of the secret kept in clear (prefix included), shown in lists to tell tokens apart. */
export const VISIBLE_CHARS = 12;

/** A new secret: `sdt_` + 32 random bytes in base64url (256 bits; shown to its owner once). */
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** The stored form of a secret: hex SHA-256 (a 256-bit random secret needs no slow hash or salt). */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The part of a secret shown in lists ("sdt_AbCdEfGh"). */
export function visiblePrefix(secret: string): string {
  return secret.slice(0, VISIBLE_CHARS);
}

/** True when the text has the shape of a token (cheap check before any database lookup). */
export function isTokenShaped(text: string): boolean {
  return /^sdt_[A-Za-z0-9_-]{43}$/.test(text);
}

/** True when lastUsedAt is old enough to be written again. */
export function isLastUsedStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS;
}
