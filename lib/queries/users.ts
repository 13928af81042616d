import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { planAudienceChange, refusalMessage, type AudienceField, type StoredAudience } from "@/lib/identity/audience-changes";
import { decideOAuthSignIn, type OAuthRefusal } from "@/lib/identity/oauth-linking";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "@/lib/password";
import type { Profile, SignUpInput } from "@/lib/profile-schema";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "./audit";
import { getPolicy } from "./policy";

/** What the app knows about the signed-in person (never the password hash). */
export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  profile: Profile;
  hasProfile: boolean;
  /** The contributor proved they read mail at this address (a link, or an OAuth provider's word). */
  isEmailVerified: boolean;
  voteCount: number;
}

const userColumns = {
  id: true,
  email: true,
  name: true,
  role: true,
  country: true,
  ageBand: true,
  education: true,
  language: true,
  profileCompletedAt: true,
  emailVerifiedAt: true,
  _count: { select: { votes: true } },
} as const;

/** Creates a contributor account; a taken email is a 409 `email_taken`. */
export async function createUser(input: SignUpInput & { role?: Role }): Promise<{ id: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { email: input.email, name: input.name || null, passwordHash, role: input.role ?? "CONTRIBUTOR" },
      select: { id: true, email: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("email_taken", "An account with this email already exists. Sign in instead.");
    throw error;
  }
}

/**
 * Creates an admin, or promotes an existing account to admin and sets its password. Audited as
 * "user.create_admin" (a new account) or "user.role" (a promotion; the password change is noted, never the hash).
 */
export async function createAdmin(email: string, password: string, actor: Actor): Promise<{ id: string; email: string; created: boolean }> {
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (existing) {
      await tx.user.update({ where: { id: existing.id }, data: { role: "ADMIN", passwordHash } });
      await recordAudit(tx, actor, {
        action: "user.role",
        entity: "user",
        entityId: existing.id,
        before: { email, role: existing.role },
        after: { email, role: "ADMIN", password: "reset" },
      });
      return { id: existing.id, email, created: false };
    }
    const user = await tx.user.create({ data: { email, passwordHash, role: "ADMIN" }, select: { id: true } });
    await recordAudit(tx, actor, { action: "user.create_admin", entity: "user", entityId: user.id, after: { email, role: "ADMIN" } });
    return { id: user.id, email, created: true };
  });
}

/** Changes an account's role (audited); an unknown email is a 404. */
export async function setRole(email: string, role: Role, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (!user) throw new AppError("not_found", `No account with the email ${email}.`);
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, actor, {
      action: "user.role",
      entity: "user",
      entityId: user.id,
      before: { email, role: user.role },
      after: { email, role },
    });
  });
}

/**
 * The user for these credentials, or null (same answer for unknown email and wrong password).
 * An unknown email (or an account without a password) still runs scrypt, against a dummy hash
 * with the current parameters, so response time does not reveal which emails have accounts. A
 * hash in an old format or with old parameters is replaced after a successful check.
 */
export async function verifyCredentials(email: string, password: string): Promise<{ id: string; email: string; role: Role } | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, role: true, passwordHash: true },
  });
  if (!user?.passwordHash) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  if (needsRehash(user.passwordHash)) {
    const upgraded = await hashPassword(password);
    // Only if the password did not change meanwhile (a concurrent reset wins).
    await db().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: upgraded } });
  }
  return { id: user.id, email: user.email, role: user.role };
}

/** The account an OAuth identity is linked to, or null. */
export async function findOAuthLink(provider: string, providerAccountId: string): Promise<string | null> {
  const link = await db().oAuthAccount.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  return link?.userId ?? null;
}

export type OAuthSignInResult = { kind: "signed-in"; userId: string } | { kind: "refused"; reason: OAuthRefusal };

/**
 * Applies decideOAuthSignIn to an OAuth sign-in: signs in through an existing link, links by a
 * provider-verified email (never into an admin account), or creates an account whose email is
 * marked verified. Links are audited. A concurrent sign-in creating the same rows is retried once.
 */
export async function resolveOAuthSignIn(
  input: { provider: string; providerAccountId: string; email: string | null; name?: string | null; isEmailVerified: boolean },
  attempt = 0,
): Promise<OAuthSignInResult> {
  const email = input.email?.trim().toLowerCase() || null;
  const [linkedUserId, userWithEmail] = await Promise.all([
    findOAuthLink(input.provider, input.providerAccountId),
    email ? db().user.findUnique({ where: { email }, select: { id: true, role: true, emailVerifiedAt: true } }) : null,
  ]);
  const decision = decideOAuthSignIn({
    linkedUser: linkedUserId ? { id: linkedUserId } : null,
    userWithEmail,
    email,
    isEmailVerified: input.isEmailVerified,
  });
  if (decision.kind === "refuse") return { kind: "refused", reason: decision.reason };
  if (decision.kind === "sign-in") return { kind: "signed-in", userId: decision.userId };
  const link = { provider: input.provider, providerAccountId: input.providerAccountId };
  try {
    return await db().$transaction(async (tx) => {
      const now = new Date();
      const user =
        decision.kind === "create"
          ? await tx.user.create({
              data: { email: decision.email, name: input.name ?? null, emailVerifiedAt: now },
              select: { id: true, email: true },
            })
          : await tx.user.update({
              where: { id: decision.userId },
              data: userWithEmail?.emailVerifiedAt ? {} : { emailVerifiedAt: now },
              select: { id: true, email: true },
            });
      await tx.oAuthAccount.create({ data: { userId: user.id, ...link } });
      await recordAudit(
        tx,
        { id: user.id, email: user.email },
        { action: decision.kind === "create" ? "user.oauth_create" : "user.oauth_link", entity: "user", entityId: user.id, after: link },
      );
      return { kind: "signed-in" as const, userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error) && attempt === 0) return resolveOAuthSignIn(input, 1);
    throw error;
  }
}

/** The signed-in person's account, profile and vote count, or null if the account is gone. */
export async function getUserById(id: string): Promise<CurrentUser | null> {
  const user = await db().user.findUnique({ where: { id }, select: userColumns });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    profile: { country: user.country, ageBand: user.ageBand, education: user.education, language: user.language },
    hasProfile: user.profileCompletedAt !== null,
    isEmailVerified: user.emailVerifiedAt !== null,
    voteCount: user._count.votes,
  };
}

const audienceColumns = {
  email: true,
  country: true,
  ageBand: true,
  education: true,
  language: true,
  profileCompletedAt: true,
  countryChangedAt: true,
  ageBandChangedAt: true,
  educationChangedAt: true,
  languageChangedAt: true,
} as const;

interface AudienceRow {
  country: string | null;
  ageBand: string | null;
  education: string | null;
  language: string | null;
  profileCompletedAt: Date | null;
  countryChangedAt: Date | null;
  ageBandChangedAt: Date | null;
  educationChangedAt: Date | null;
  languageChangedAt: Date | null;
}

function toStoredAudience(row: AudienceRow): StoredAudience {
  return {
    answers: { country: row.country, ageBand: row.ageBand, education: row.education, language: row.language },
    changedAt: {
      country: row.countryChangedAt,
      ageBand: row.ageBandChangedAt,
      education: row.educationChangedAt,
      language: row.languageChangedAt,
    },
    completedAt: row.profileCompletedAt,
  };
}

/** The contributor's audience answers with when each last changed (for the profile page). */
export async function getStoredAudience(userId: string): Promise<StoredAudience | null> {
  const row = await db().user.findUnique({ where: { id: userId }, select: audienceColumns });
  return row ? toStoredAudience(row) : null;
}

/**
 * Saves the demographic profile under the audience-change rule (lib/identity/audience-changes.ts):
 * the first completion is free; afterwards each answer may change once per `windowDays` (the
 * policy's profileChangeDays unless given), else a 409 audience_change_too_soon naming each
 * refused answer and when it may change (details: `<field>` message, `<field>NextChangeAt` ISO
 * time). Changes are audited. The user row is locked, so two concurrent saves cannot both spend
 * the same change. Only future votes see the new answers: votes keep their cast-time snapshot.
 */
export async function updateProfile(
  userId: string,
  profile: Profile,
  options: { windowDays?: number; now?: Date } = {},
): Promise<{ changed: AudienceField[] }> {
  const windowDays = options.windowDays ?? (await getPolicy()).profileChangeDays;
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const row = await tx.user.findUnique({ where: { id: userId }, select: audienceColumns });
    if (!row) throw new AppError("not_found", "This account no longer exists.");
    const stored = toStoredAudience(row);
    const plan = planAudienceChange(stored, profile, windowDays, now);
    if (plan.kind === "refused") {
      const details: Record<string, string> = {};
      for (const refusal of plan.refusals) {
        details[refusal.field] = refusalMessage(refusal, windowDays);
        details[`${refusal.field}NextChangeAt`] = refusal.nextChangeAt.toISOString();
      }
      throw new AppError("audience_change_too_soon", plan.refusals.map((r) => refusalMessage(r, windowDays)).join(" "), details);
    }
    if (plan.kind === "first-completion") {
      await tx.user.update({ where: { id: userId }, data: { ...profile, profileCompletedAt: now } });
      return { changed: [] };
    }
    if (plan.changed.length === 0) return { changed: [] };
    const changedAt = Object.fromEntries(plan.changed.map((f) => [`${f}ChangedAt`, now]));
    await tx.user.update({ where: { id: userId }, data: { ...profile, ...changedAt } });
    const pick = (answers: Record<AudienceField, string | null>) => Object.fromEntries(plan.changed.map((f) => [f, answers[f]]));
    await recordAudit(
      tx,
      { id: userId, email: row.email },
      { action: "profile.change", entity: "user", entityId: userId, before: pick(stored.answers), after: pick(profile) },
    );
    return { changed: plan.changed };
  });
}

/** One account as the admin users page lists it (no password hash, no demographics). */
export interface UserListRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: Date;
  voteCount: number;
}

/** Accounts, newest first, filtered by email and role; with the total matching. */
export async function listUsers(filter: { q?: string; role?: Role; take?: number } = {}): Promise<{ rows: UserListRow[]; total: number }> {
  const where = {
    ...(filter.q ? { email: { contains: filter.q, mode: "insensitive" as const } } : {}),
    ...(filter.role ? { role: filter.role } : {}),
  };
  const [users, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: filter.take ?? 200,
      select: { id: true, email: true, name: true, role: true, createdAt: true, _count: { select: { votes: true } } },
    }),
    db().user.count({ where }),
  ]);
  return { rows: users.map(({ _count, ...u }) => ({ ...u, voteCount: _count.votes })), total };
}

/**
 * Changes an account's role by id (audited). The last admin cannot lose the role, so the
 * deployment always keeps someone who can manage it; role changes are serialized for that check.
 */
export async function changeUserRole(userId: string, role: Role, actor: Actor): Promise<{ id: string; email: string; role: Role }> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('user-roles', 0))`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
    if (!user) throw new AppError("not_found", "No account with this id.");
    if (user.role === role) return user;
    if (user.role === "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) <= 1) {
      throw new AppError("forbidden", "This is the last admin account: make another account admin first.", {
        role: "The last admin cannot lose the admin role.",
      });
    }
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, actor, {
      action: "user.role",
      entity: "user",
      entityId: user.id,
      before: { email: user.email, role: user.role },
      after: { email: user.email, role },
    });
    return { ...user, role };
  });
}
