import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/password";
import type { Profile, SignUpInput } from "@/lib/profile-schema";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "./audit";

/** What the app knows about the signed-in person (never the password hash). */
export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  profile: Profile;
  hasProfile: boolean;
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

/** Creates an admin, or promotes an existing account to admin and sets its password. */
export async function createAdmin(email: string, password: string): Promise<{ id: string; email: string; created: boolean }> {
  const passwordHash = await hashPassword(password);
  const existing = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    await db().user.update({ where: { id: existing.id }, data: { role: "ADMIN", passwordHash } });
    return { id: existing.id, email, created: false };
  }
  const user = await db().user.create({ data: { email, passwordHash, role: "ADMIN" }, select: { id: true } });
  return { id: user.id, email, created: true };
}

/** Changes an account's role (audited); an unknown email is a 404. */
export async function setRole(email: string, role: Role, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (!user) throw new AppError("not_found", `No account with the email ${email}.`);
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, actor, { action: "user.role", entity: "user", entityId: user.id, before: { role: user.role }, after: { role } });
  });
}

/** The user for these credentials, or null (same answer for unknown email and wrong password). */
export async function verifyCredentials(email: string, password: string): Promise<{ id: string; email: string; role: Role } | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, role: true, passwordHash: true },
  });
  if (!user?.passwordHash) return null;
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, role: user.role };
}

/** Finds or creates the user behind an OAuth identity (linking by verified email). */
export async function upsertOAuthUser(input: { provider: string; providerAccountId: string; email: string; name?: string | null }): Promise<{ id: string; role: Role }> {
  const linked = await db().oAuthAccount.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { user: { select: { id: true, role: true } } },
  });
  if (linked) return linked.user;
  const email = input.email.trim().toLowerCase();
  const user = await db().user.upsert({
    where: { email },
    create: { email, name: input.name ?? null },
    update: {},
    select: { id: true, role: true },
  });
  await db().oAuthAccount.create({ data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId } });
  return user;
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
    voteCount: user._count.votes,
  };
}

/** Saves the demographic profile. Only future votes see it: votes keep their own snapshot. */
export async function updateProfile(userId: string, profile: Profile): Promise<void> {
  await db().user.update({
    where: { id: userId },
    data: { ...profile, profileCompletedAt: new Date() },
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
      throw new AppError("forbidden", "This is the last admin account: make another account admin first.", { role: "The last admin cannot lose the admin role." });
    }
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, actor, { action: "user.role", entity: "user", entityId: user.id, before: { email: user.email, role: user.role }, after: { email: user.email, role } });
    return { ...user, role };
  });
}
