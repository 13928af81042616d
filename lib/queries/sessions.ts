import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";

/**
 * Server-side sessions. next-auth's JWT cookie carries a random session token; the database keeps
 * only its SHA-256 (a leaked table cannot be replayed as cookies). A cookie counts only while its
 * row exists and has not expired, so signing out (or "sign out everywhere") ends it on the server.
 */

/** How long a session lives without use; each use (at most once a minute) extends it. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;
/** lastSeenAt and the expiry are written at most this often per session. */
const TOUCH_EVERY_MS = 60_000;
/** Expired rows are deleted at most this often per process (indexed on expiresAt). */
const PRUNE_EVERY_MS = 10 * 60_000;
let lastPruneAt = 0;

function sessionId(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Starts a session for this user and returns its token (to be put in the signed cookie). */
export async function createSession(userId: string, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db().session.create({
    data: {
      id: sessionId(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  if (now.getTime() - lastPruneAt >= PRUNE_EVERY_MS) {
    lastPruneAt = now.getTime();
    await db().session.deleteMany({ where: { expiresAt: { lt: now } } });
  }
  return token;
}

/**
 * True when the token's session exists, belongs to this user and has not expired. Slides the
 * expiry forward (at most once a minute, so a busy contributor does not write on every request).
 */
export async function isSessionLive(token: string, userId: string, now = new Date()): Promise<boolean> {
  const id = sessionId(token);
  const row = await db().session.findUnique({ where: { id }, select: { userId: true, lastSeenAt: true, expiresAt: true } });
  if (!row || row.userId !== userId || row.expiresAt.getTime() <= now.getTime()) return false;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db().session.updateMany({
      where: { id, lastSeenAt: row.lastSeenAt },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    });
  }
  return true;
}

/** Ends one session (sign-out). Unknown tokens are ignored. */
export async function endSession(token: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId(token) } });
}

/** Ends every session of this user ("sign out everywhere"); returns how many ended. */
export async function endAllSessions(userId: string): Promise<number> {
  return (await db().session.deleteMany({ where: { userId } })).count;
}
