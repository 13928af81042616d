import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/queries/audit";
import { generateTokenSecret, hashTokenSecret, isLastUsedStale, isTokenShaped, MAX_ACTIVE_TOKENS, visiblePrefix } from "./secret";

/** A token as its owner sees it in lists (never the secret or its hash). */
export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

const summaryColumns = { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, expiresAt: true } as const;

function activeWhere(userId: string, now: Date) {
  return { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/**
 * Creates a read-only token for the user and audits it; returns the secret, which is stored only
 * as its SHA-256 and never shown again. Refuses (409 token_limit_reached) past MAX_ACTIVE_TOKENS;
 * the user's row is locked so two concurrent requests cannot both take the last place.
 */
export async function createApiToken(
  actor: Actor & { id: string },
  input: { name: string; expiresAt?: Date | null },
  now = new Date(),
): Promise<{ token: ApiTokenSummary; secret: string }> {
  const secret = generateTokenSecret();
  const token = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id} FOR UPDATE`;
    const active = await tx.apiToken.count({ where: activeWhere(actor.id, now) });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError(
        "token_limit_reached",
        `You already have ${MAX_ACTIVE_TOKENS} active API tokens. Revoke one you no longer use first.`,
      );
    }
    const created = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: input.name,
        tokenHash: hashTokenSecret(secret),
        prefix: visiblePrefix(secret),
        scope: "read",
        expiresAt: input.expiresAt ?? null,
      },
      select: summaryColumns,
    });
    await recordAudit(tx, actor, {
      action: "api_token.create",
      entity: "api_token",
      entityId: created.id,
      after: { name: created.name, prefix: created.prefix, scope: created.scope, expiresAt: created.expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { token, secret };
}

/** The user's tokens that are not revoked (expired ones included, marked by expiresAt), newest first. */
export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  return db().apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: summaryColumns,
  });
}

/** Revokes one of the actor's own tokens (audited); a token of someone else or already revoked is a 404. */
export async function revokeApiToken(actor: Actor & { id: string }, tokenId: string, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, userId: actor.id, revokedAt: null },
      select: { id: true, name: true, prefix: true },
    });
    if (!token) throw new AppError("not_found", "You have no active API token with this id.");
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new AppError("not_found", "You have no active API token with this id.");
    await recordAudit(tx, actor, {
      action: "api_token.revoke",
      entity: "api_token",
      entityId: token.id,
      before: { name: token.name, prefix: token.prefix },
    });
  });
}

/**
 * The token behind a secret, or a 401 that says why (unknown, revoked, expired). Records use in
 * lastUsedAt at most once a minute per token (a conditional update, so replicas do not pile up writes).
 */
export async function resolveApiToken(secret: string, now = new Date()): Promise<{ tokenId: string; userId: string }> {
  if (!isTokenShaped(secret))
    throw new AppError(
      "unauthorized",
      "This API token is not valid: tokens look like sdt_ followed by 43 characters. Create one on the Data page.",
    );
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!token)
    throw new AppError(
      "unauthorized",
      "This API token is not valid. Check that it was copied whole, or create a new one on the Data page.",
    );
  if (token.revokedAt) throw new AppError("unauthorized", "This API token was revoked. Create a new one on the Data page.");
  if (token.expiresAt && token.expiresAt <= now)
    throw new AppError("unauthorized", "This API token has expired. Create a new one on the Data page.");
  if (isLastUsedStale(token.lastUsedAt, now)) {
    const stale = new Date(now.getTime() - 60_000);
    await db().apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: token.id, userId: token.userId };
}
