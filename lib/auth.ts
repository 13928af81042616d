import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { z } from "zod";
import { serverEnv } from "@/lib/env";
import { safeAuthRedirect } from "@/lib/http/safe-return-path";
import { upsertOAuthUser, verifyCredentials } from "@/lib/queries/users";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });

/**
 * next-auth options, built on demand so that `next build` needs no secret. Email + password
 * always; GitHub and Google switch on when their client id and secret are set.
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
    session: { strategy: "jwt" },
    pages: { signIn: "/signin" },
    providers,
    callbacks: {
      // Every post-sign-in/out redirect stays on this site (lib/http/safe-return-path.ts).
      async redirect(params) {
        return safeAuthRedirect(params);
      },
      async signIn({ account, user }) {
        // OAuth sign-in needs an email to link or create the account.
        if (account && account.type === "oauth") return Boolean(user.email);
        return true;
      },
      async jwt({ token, user, account }) {
        if (account?.type === "oauth" && user?.email) {
          const linked = await upsertOAuthUser({ provider: account.provider, providerAccountId: account.providerAccountId, email: user.email, name: user.name });
          token.sub = linked.id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
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
