import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { markVotesChanged } from "@/lib/slice-index/vote-index";

/** Verification links are stored as the SHA-256 of their token (the table alone cannot verify anyone). */
function verificationId(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Stores a new single-use verification for this user's current email; returns the raw token. */
export async function createEmailVerification(userId: string, email: string, lifetimeMs: number, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db().emailVerification.create({
    data: { id: verificationId(token), userId, email, createdAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) },
  });
  await db().emailVerification.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  return token;
}

export type VerificationOutcome = { kind: "verified"; userId: string; email: string } | { kind: "invalid" | "expired" | "used" };

/**
 * Uses a verification token: single use, unexpired, and only for the address the account still
 * has. Marks the email verified, then counts the contributor's earlier votes as verified
 * (voterUnverified = false) and has every replica's slice index re-read them.
 */
export async function consumeEmailVerification(token: string, now = new Date()): Promise<VerificationOutcome> {
  const outcome = await db().$transaction(async (tx): Promise<VerificationOutcome> => {
    const row = await tx.emailVerification.findUnique({
      where: { id: verificationId(token) },
      select: { id: true, userId: true, email: true, expiresAt: true, usedAt: true, user: { select: { email: true } } },
    });
    if (!row || row.user.email !== row.email) return { kind: "invalid" };
    if (row.usedAt) return { kind: "used" };
    if (row.expiresAt.getTime() <= now.getTime()) return { kind: "expired" };
    // Conditional update: of two concurrent uses, one wins.
    const claimed = await tx.emailVerification.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) return { kind: "used" };
    await tx.user.updateMany({ where: { id: row.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    return { kind: "verified", userId: row.userId, email: row.email };
  });
  if (outcome.kind === "verified") await markVotesVerified(outcome.userId);
  return outcome;
}

/**
 * Counts this voter's votes as verified. Any UPDATE of Vote bumps VoteGeneration (a statement
 * trigger), which makes every replica rebuild its index, so it runs only when there is something
 * to change. It runs after the verification committed, so a vote cast while verifying (its writer
 * read the old state) is swept too.
 */
export async function markVotesVerified(userId: string): Promise<number> {
  const pending = await db().vote.findFirst({ where: { voterId: userId, voterUnverified: true }, select: { seq: true } });
  if (!pending) return 0;
  const changed = await db().$executeRaw`UPDATE "Vote" SET "voterUnverified" = false WHERE "voterId" = ${userId} AND "voterUnverified"`;
  markVotesChanged();
  return changed;
}
