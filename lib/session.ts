import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { currentBearer } from "@/lib/api-tokens/context";
import { getAuthOptions } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { getUserById, type CurrentUser } from "@/lib/queries/users";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The signed-in user read fresh from the database (role and profile), or null. next-auth's jwt
 * callback (lib/auth.ts) accepts the cookie only while its server-side session row lives. In an
 * API request authorised by a bearer token (lib/api-tokens/bearer.ts, read-only routes only), the
 * token's owner instead of any cookie.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const bearer = currentBearer();
  if (bearer) return getUserById(bearer.userId);
  const session = await getServerSession(getAuthOptions());
  if ((session as { sessionCheckFailed?: boolean } | null)?.sessionCheckFailed) {
    throw new AppError("database_unavailable", "We cannot check your session right now. Please try again in a moment.");
  }
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? getUserById(id) : null;
}

/** For route handlers: the signed-in user, or a 401. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to do this.");
  return user;
}

/** For route handlers: the signed-in user with one of these roles, or a 401/403. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw new AppError("forbidden", "Your account is not allowed to do this.");
  return user;
}

/** For pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requirePageUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return user;
}

/**
 * For server pages that only some roles may see: the signed-in user when their role is one of `roles`, null for any
 * other role (the page then renders its refusal view, e.g. <AdminForbidden />), or a redirect to sign-in that comes
 * back to `returnTo`. Call it in every such page, not only its layout: a layout is not re-rendered on client
 * navigation between its pages.
 */
export async function requirePageRole(returnTo: string, ...roles: [Role, ...Role[]]): Promise<CurrentUser | null> {
  const user = await requirePageUser(returnTo);
  return roles.includes(user.role) ? user : null;
}
