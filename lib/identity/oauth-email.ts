import { z } from "zod";

const githubEmails = z.array(z.object({ email: z.string(), verified: z.boolean(), primary: z.boolean().optional() }));

export interface ProviderEmailFacts {
  provider: string;
  email: string;
  /** The provider's raw profile (Google's OpenID claims carry `email_verified`). */
  profile: unknown;
  accessToken?: string | null;
}

/**
 * Whether the provider vouches that `email` belongs to the signed-in identity. Google says so in
 * the `email_verified` claim. next-auth's GitHub provider takes the primary address without saying
 * whether GitHub verified it, so GitHub's email list is asked (the default `user:email` scope
 * allows it). Any other provider, or any failure to find out, counts as not verified.
 */
export async function isProviderEmailVerified(facts: ProviderEmailFacts, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  const email = facts.email.trim().toLowerCase();
  if (facts.provider === "google") {
    const claims = z.object({ email: z.string(), email_verified: z.literal(true) }).safeParse(facts.profile);
    return claims.success && claims.data.email.trim().toLowerCase() === email;
  }
  if (facts.provider === "github" && facts.accessToken) {
    try {
      const response = await fetchImpl("https://api.github.com/user/emails", {
        headers: { Authorization: `Bearer ${facts.accessToken}`, Accept: "application/vnd.github+json", "User-Agent": "showdown" },
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) return false;
      const list = githubEmails.safeParse(await response.json());
      return list.success && list.data.some((e) => e.verified && e.email.trim().toLowerCase() === email);
    } catch (error) {
      console.error("Asking GitHub whether the sign-in email is verified failed", error);
      return false;
    }
  }
  return false;
}
