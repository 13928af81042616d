import { describe, expect, it } from "vitest";
import { isProviderEmailVerified } from "./oauth-email";
import { decideOAuthSignIn, type OAuthDecision, type OAuthSignInFacts } from "./oauth-linking";

const contributor = { id: "u-contrib", role: "CONTRIBUTOR" as const };
const admin = { id: "u-admin", role: "ADMIN" as const };

describe("decideOAuthSignIn", () => {
  const cases: { name: string; facts: OAuthSignInFacts; expected: OAuthDecision }[] = [
    {
      name: "an identity linked before signs in",
      facts: { linkedUser: { id: "u1" }, userWithEmail: null, email: "a@x.org", isEmailVerified: false },
      expected: { kind: "sign-in", userId: "u1" },
    },
    {
      name: "no email: refused",
      facts: { linkedUser: null, userWithEmail: null, email: null, isEmailVerified: false },
      expected: { kind: "refuse", reason: "no_email" },
    },
    {
      name: "unverified email of an existing contributor: not linked",
      facts: { linkedUser: null, userWithEmail: contributor, email: "a@x.org", isEmailVerified: false },
      expected: { kind: "refuse", reason: "unverified_email" },
    },
    {
      name: "unverified email of an admin: not linked",
      facts: { linkedUser: null, userWithEmail: admin, email: "root@x.org", isEmailVerified: false },
      expected: { kind: "refuse", reason: "unverified_email" },
    },
    {
      name: "unverified email, no account: no account is created",
      facts: { linkedUser: null, userWithEmail: null, email: "new@x.org", isEmailVerified: false },
      expected: { kind: "refuse", reason: "unverified_email" },
    },
    {
      name: "verified email of a contributor: linked",
      facts: { linkedUser: null, userWithEmail: contributor, email: "a@x.org", isEmailVerified: true },
      expected: { kind: "link", userId: "u-contrib" },
    },
    {
      name: "verified email of a customer: linked",
      facts: { linkedUser: null, userWithEmail: { id: "u-c", role: "CUSTOMER" }, email: "c@x.org", isEmailVerified: true },
      expected: { kind: "link", userId: "u-c" },
    },
    {
      name: "verified email of an admin: never linked silently",
      facts: { linkedUser: null, userWithEmail: admin, email: "root@x.org", isEmailVerified: true },
      expected: { kind: "refuse", reason: "admin_account" },
    },
    {
      name: "verified email, no account: created",
      facts: { linkedUser: null, userWithEmail: null, email: "new@x.org", isEmailVerified: true },
      expected: { kind: "create", email: "new@x.org" },
    },
  ];
  it.each(cases)("$name", ({ facts, expected }) => {
    expect(decideOAuthSignIn(facts)).toEqual(expected);
  });
});

describe("isProviderEmailVerified", () => {
  const github = (body: unknown, status = 200) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
  const cases: { name: string; provider: string; email: string; profile?: unknown; fetchImpl?: typeof fetch; expected: boolean }[] = [
    {
      name: "Google, email_verified true",
      provider: "google",
      email: "A@x.org",
      profile: { email: "a@x.org", email_verified: true },
      expected: true,
    },
    {
      name: "Google, email_verified false",
      provider: "google",
      email: "a@x.org",
      profile: { email: "a@x.org", email_verified: false },
      expected: false,
    },
    { name: "Google, claim missing", provider: "google", email: "a@x.org", profile: { email: "a@x.org" }, expected: false },
    {
      name: "Google, claim for another address",
      provider: "google",
      email: "a@x.org",
      profile: { email: "b@x.org", email_verified: true },
      expected: false,
    },
    {
      name: "GitHub lists it verified",
      provider: "github",
      email: "a@x.org",
      fetchImpl: github([{ email: "a@x.org", verified: true, primary: true }]),
      expected: true,
    },
    {
      name: "GitHub lists it unverified",
      provider: "github",
      email: "a@x.org",
      fetchImpl: github([
        { email: "a@x.org", verified: false, primary: true },
        { email: "b@x.org", verified: true },
      ]),
      expected: false,
    },
    {
      name: "GitHub answers an error",
      provider: "github",
      email: "a@x.org",
      fetchImpl: github({ message: "Bad credentials" }, 401),
      expected: false,
    },
    { name: "GitHub answers garbage", provider: "github", email: "a@x.org", fetchImpl: github({ not: "a list" }), expected: false },
    { name: "an unknown provider", provider: "gitlab", email: "a@x.org", profile: { email_verified: true }, expected: false },
  ];
  it.each(cases)("$name", async ({ provider, email, profile, fetchImpl, expected }) => {
    expect(await isProviderEmailVerified({ provider, email, profile: profile ?? {}, accessToken: "token" }, fetchImpl)).toBe(expected);
  });
});
