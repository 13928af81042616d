/**
 * Whether an OAuth sign-in may use, link to or create a Showdown account. Linking by email hands
 * an existing account to whoever controls the provider account, so it happens only when the
 * provider says it checked that email, and never into an admin account (an admin signs in with
 * the password; a provider account with an admin's unconfirmed address must not become admin).
 * Pure: the caller looks up the rows and applies the decision.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export interface OAuthSignInFacts {
  /** The account this provider identity is already linked to. */
  linkedUser: { id: string } | null;
  /** The account that has the provider's email, if any. */
  userWithEmail: { id: string; role: Role } | null;
  email: string | null;
  /** The provider reported the email as verified. */
  isEmailVerified: boolean;
}

export type OAuthRefusal = "no_email" | "unverified_email" | "admin_account";

export type OAuthDecision =
  | { kind: "sign-in"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create"; email: string }
  | { kind: "refuse"; reason: OAuthRefusal };

/** The decision for one OAuth sign-in. */
export function decideOAuthSignIn(facts: OAuthSignInFacts): OAuthDecision {
  // An identity linked before is the same person coming back, whatever its email says now.
  if (facts.linkedUser) return { kind: "sign-in", userId: facts.linkedUser.id };
  if (!facts.email) return { kind: "refuse", reason: "no_email" };
  // Unverified: neither link (account takeover) nor create (squatting someone's address).
  if (!facts.isEmailVerified) return { kind: "refuse", reason: "unverified_email" };
  if (!facts.userWithEmail) return { kind: "create", email: facts.email };
  if (facts.userWithEmail.role === "ADMIN") return { kind: "refuse", reason: "admin_account" };
  return { kind: "link", userId: facts.userWithEmail.id };
}

/** The `error` query value the sign-in page turns into a message, per refusal. */
export const OAUTH_ERROR_PARAM: Record<OAuthRefusal, string> = {
  no_email: "OAuthNoEmail",
  unverified_email: "OAuthUnverifiedEmail",
  admin_account: "OAuthAdminAccount",
};
