import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { z } from "zod";
import { serverEnv } from "@/lib/env";
import { safeAuthRedirect } from "@/lib/http/safe-return-path";
import { isProviderEmailVerified } from "@/lib/identity/oauth-email";
import { OAUTH_ERROR_PARAM } from "@/lib/identity/oauth-linking";
import { createSession, endSession, isSessionLive, SESSION_MAX_AGE_SECONDS } from "@/lib/queries/sessions";
import { findOAuthLink, resolveOAuthSignIn, verifyCredentials } from "@/lib/queries/users";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });

/** Thrown by the jwt callback for a cookie whose server-side session ended; next-auth then clears it. */
class SessionEndedError extends Error {
  constructor() {
    super("The session ended (signed out, expired or revoked).");
    this.name = "SessionEndedError";
  }
}

/** Cookies get the Secure flag (and the __Secure- prefix) when the app is served over HTTPS. */
export function usesSecureCookies(nextAuthUrl: string | undefined): boolean {
  return nextAuthUrl?.startsWith("https://") ?? false;
}

/**
 * next-auth options, built on demand so that `next build` needs no secret. Email + password
 * always; GitHub and Google switch on when their client id and secret are set. The JWT cookie
 * carries a server-side session token (lib/queries/sessions.ts): signing out deletes the row,
 * and a copied cookie stops working.
 */
export function getAuthOptions(): NextAuthOptions {
  const env = serverEnv();
  if (!env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is not set: start the app with `npm start`, which provides one");
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        return user ? { id: user.id, email: user.email, role: user.role } : null;
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: usesSecureCookies(env.NEXTAUTH_URL),
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    logger: {
      error(code, metadata) {
        // A signed-out or revoked cookie is expected traffic, not an error worth a stack trace.
        if (code === "JWT_SESSION_ERROR" && (metadata as { name?: string } | undefined)?.name === "SessionEndedError") return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    callbacks: {
      // Every post-sign-in/out redirect stays on this site (lib/http/safe-return-path.ts).
      async redirect(params) {
        return safeAuthRedirect(params);
      },
      async signIn({ account, user, profile }) {
        if (!account || account.type !== "oauth") return true;
        // Link or create only on a provider-verified email, never into an admin account.
        const email = user.email ?? null;
        const isEmailVerified = email
          ? await isProviderEmailVerified({ provider: account.provider, email, profile, accessToken: account.access_token })
          : false;
        const result = await resolveOAuthSignIn({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email,
          name: user.name,
          isEmailVerified,
        });
        return result.kind === "signed-in" ? true : `/signin?error=${OAUTH_ERROR_PARAM[result.reason]}`;
      },
      async jwt({ token, user, account }) {
        if (user) {
          // Signing in: the signIn callback has linked an OAuth identity already.
          const userId = account?.type === "oauth" ? await findOAuthLink(account.provider, account.providerAccountId) : user.id;
          if (!userId) throw new Error("OAuth sign-in without a linked account");
          return { sub: userId, sid: await createSession(userId) };
        }
        const { sessionCheckFailed: _, ...rest } = token;
        if (typeof rest.sid !== "string" || typeof rest.sub !== "string") throw new SessionEndedError();
        let isLive: boolean;
        try {
          isLive = await isSessionLive(rest.sid, rest.sub);
        } catch (error) {
          // The database is unreachable: say so (lib/session.ts answers 503) rather than let
          // next-auth treat the cookie as invalid and clear it.
          console.error("Checking the session failed", error);
          return { ...rest, sessionCheckFailed: true };
        }
        if (!isLive) throw new SessionEndedError();
        return rest;
      },
      async session({ session, token }) {
        // The session token (token.sid) stays in the httpOnly cookie: never copy it into the session JSON.
        if (token.sessionCheckFailed) return { ...session, user: undefined, sessionCheckFailed: true };
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
}

/** Names of the OAuth providers that are switched on (for the sign-in page). */
export function enabledOAuthProviders(): { id: string; name: string }[] {
  const env = serverEnv();
  const out: { id: string; name: string }[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) out.push({ id: "github", name: "GitHub" });
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) out.push({ id: "google", name: "Google" });
  return out;
}
