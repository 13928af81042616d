import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as signOutEverywhereRoute } from "../app/api/profile/sessions/route";
import { getAuthOptions } from "../lib/auth";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { beginSignInAttempt } from "../lib/identity/sign-in-throttle";
import { hashPassword } from "../lib/password";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR, listAudit } from "../lib/queries/audit";
import { updatePolicy } from "../lib/queries/policy";
import { createSession, isSessionLive } from "../lib/queries/sessions";
import { createUser, resolveOAuthSignIn, verifyCredentials } from "../lib/queries/users";
import { resetDatabase } from "./support/database";
import { createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

type Callbacks = Required<ReturnType<typeof getAuthOptions>>["callbacks"];
type Events = Required<ReturnType<typeof getAuthOptions>>["events"];

function auth() {
  signInAs(null); // sets NEXTAUTH_SECRET as the launcher would
  const options = getAuthOptions();
  return {
    options,
    jwt: options.callbacks!.jwt as NonNullable<Callbacks["jwt"]>,
    signIn: options.callbacks!.signIn as NonNullable<Callbacks["signIn"]>,
    events: options.events as Events,
  };
}

/** What next-auth's jwt callback gets when a credentials sign-in succeeds. */
async function signInToken(userId: string) {
  const { jwt } = auth();
  return jwt({
    token: {},
    user: { id: userId },
    account: { type: "credentials", provider: "credentials", providerAccountId: userId },
  } as never);
}

async function refusal(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  await resetDatabase();
  await db().rateLimitCounter.deleteMany();
});
afterEach(() => {
  delete process.env.SHOWDOWN_PASSWORD_COST;
  process.env.SHOWDOWN_PASSWORD_COST = "test";
  vi.restoreAllMocks();
});
afterAll(async () => {
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
});

describe("server-side sessions", () => {
  it("signing out ends the session on the server: a copied cookie's token is refused afterwards", async () => {
    const user = await createAccount("CONTRIBUTOR");
    const token = await signInToken(user.id);
    expect(token).toMatchObject({ sub: user.id, sid: expect.any(String) });
    const { jwt, events } = auth();
    const copied = { ...token };
    expect(await jwt({ token: copied } as never)).toMatchObject({ sub: user.id });
    // The stored id is a hash: the table alone gives no usable cookie.
    expect(await db().session.count({ where: { id: String(token.sid) } })).toBe(0);
    await events.signOut!({ token, session: null as never });
    await expect(jwt({ token: copied } as never)).rejects.toMatchObject({ name: "SessionEndedError" });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses expired sessions, tokens of another user, and tokens without a session", async () => {
    const user = await createAccount("CONTRIBUTOR");
    const other = await createAccount("CONTRIBUTOR");
    const { jwt } = auth();
    const sid = await createSession(user.id, new Date(Date.now() - 8 * 86_400_000));
    await expect(jwt({ token: { sub: user.id, sid } } as never)).rejects.toMatchObject({ name: "SessionEndedError" });
    const live = await createSession(user.id);
    await expect(jwt({ token: { sub: other.id, sid: live } } as never)).rejects.toMatchObject({ name: "SessionEndedError" });
    // A cookie minted before server-side sessions (no sid) no longer signs anyone in.
    await expect(jwt({ token: { sub: user.id } } as never)).rejects.toMatchObject({ name: "SessionEndedError" });
  });

  it("slides the expiry on use, at most once a minute", async () => {
    const user = await createAccount("CONTRIBUTOR");
    const start = new Date(Date.now() - 2 * 86_400_000);
    const sid = await createSession(user.id, start);
    const row = () => db().session.findFirstOrThrow({ where: { userId: user.id }, select: { lastSeenAt: true, expiresAt: true } });
    const before = await row();
    expect(await isSessionLive(sid, user.id, new Date(start.getTime() + 30_000))).toBe(true);
    expect(await row()).toEqual(before);
    const now = new Date();
    expect(await isSessionLive(sid, user.id, now)).toBe(true);
    expect((await row()).expiresAt.getTime()).toBe(now.getTime() + 7 * 86_400_000);
  });

  it("signs out everywhere: every session of the account ends, other accounts keep theirs", async () => {
    const user = await createAccount("CONTRIBUTOR");
    const other = await createAccount("CONTRIBUTOR");
    const phone = await signInToken(user.id);
    const laptop = await signInToken(user.id);
    const theirs = await signInToken(other.id);
    signInAs(user);
    const response = await signOutEverywhereRoute();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ended: 2 });
    const { jwt } = auth();
    for (const token of [phone, laptop]) await expect(jwt({ token } as never)).rejects.toMatchObject({ name: "SessionEndedError" });
    expect(await jwt({ token: theirs } as never)).toMatchObject({ sub: other.id });
  });

  it("lives 7 days and uses Secure cookies when the app is served over HTTPS", async () => {
    const url = process.env.NEXTAUTH_URL;
    const { reloadServerEnv } = await import("../lib/env");
    try {
      process.env.NEXTAUTH_URL = "https://showdown.example.org";
      reloadServerEnv();
      const secure = getAuthOptions();
      expect(secure.useSecureCookies).toBe(true);
      expect(secure.session?.maxAge).toBe(7 * 86_400);
      process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
      reloadServerEnv();
      expect(getAuthOptions().useSecureCookies).toBe(false);
    } finally {
      if (url) process.env.NEXTAUTH_URL = url;
      else delete process.env.NEXTAUTH_URL;
      reloadServerEnv();
    }
  });
});

describe("password guessing", () => {
  it("answers 30 wrong passwords in a row with 10 failures, then 429 with a retry time; the right password waits too", async () => {
    await updatePolicy({ ...DEFAULT_POLICY, signInFailuresPerHourPerUser: 10, signInFailuresPerHourPerIp: 1000 }, CLI_ACTOR);
    const user = await createUser({ email: `guess-${Date.now()}@example.com`, password: "the right one" });
    const outcomes: (number | string)[] = [];
    for (let i = 0; i < 30; i++) {
      try {
        const attempt = await beginSignInAttempt({ email: user.email, ip: "203.0.113.50" });
        const ok = await verifyCredentials(user.email, `guess ${i}`);
        if (ok) await attempt.succeeded();
        outcomes.push(ok ? 200 : 401);
      } catch (error) {
        if (!isAppError(error)) throw error;
        outcomes.push(error.status);
        expect(Number(error.details?.retryAfterSeconds)).toBeGreaterThan(0);
        expect(error.message).toMatch(/failed sign-ins for this account.*try again in \d+ minutes?/);
      }
    }
    expect(outcomes).toEqual([...Array(10).fill(401), ...Array(20).fill(429)]);
    // The throttle answers before the password is checked: the right one waits as well.
    const spy = vi.spyOn(crypto, "scrypt");
    expect((await refusal(() => beginSignInAttempt({ email: user.email, ip: "203.0.113.50" }))).status).toBe(429);
    expect(spy).not.toHaveBeenCalled();
    // Email case does not make a new account key.
    expect((await refusal(() => beginSignInAttempt({ email: user.email.toUpperCase(), ip: "198.51.100.9" }))).status).toBe(429);
  });

  it("limits failures per address across accounts, and a success ends the account's run of failures", async () => {
    await updatePolicy({ ...DEFAULT_POLICY, signInFailuresPerHourPerUser: 3, signInFailuresPerHourPerIp: 5 }, CLI_ACTOR);
    const ip = "203.0.113.51";
    for (let i = 0; i < 5; i++) await beginSignInAttempt({ email: `nobody-${i}@example.com`, ip });
    expect((await refusal(() => beginSignInAttempt({ email: "someone-else@example.com", ip }))).message).toMatch(/from your address/);
    // Another address is unaffected; after two failures a success resets the account count.
    const email = `reset-${Date.now()}@example.com`;
    for (let i = 0; i < 2; i++) await beginSignInAttempt({ email, ip: "198.51.100.10" });
    await (await beginSignInAttempt({ email, ip: "198.51.100.10" })).succeeded();
    for (let i = 0; i < 3; i++) await beginSignInAttempt({ email, ip: "198.51.100.10" });
    expect((await refusal(() => beginSignInAttempt({ email, ip: "198.51.100.10" }))).status).toBe(429);
  });

  it("cannot be raced past: of 50 parallel guesses at most the limit get through", async () => {
    await updatePolicy({ ...DEFAULT_POLICY, signInFailuresPerHourPerUser: 10, signInFailuresPerHourPerIp: 1000 }, CLI_ACTOR);
    const email = `race-${Date.now()}@example.com`;
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => beginSignInAttempt({ email, ip: "203.0.113.52" })));
    expect(results.filter((r) => r.status === "fulfilled").length).toBeLessThanOrEqual(10);
  });
});

describe("password hashes", () => {
  it("runs scrypt for an unknown email as for a known one (no timing oracle)", async () => {
    const user = await createUser({ email: `known-${Date.now()}@example.com`, password: "password123" });
    const spy = vi.spyOn(crypto, "scrypt");
    expect(await verifyCredentials(user.email, "wrong password")).toBeNull();
    const known = spy.mock.calls.length;
    expect(await verifyCredentials(`unknown-${Date.now()}@example.com`, "wrong password")).toBeNull();
    const unknown = spy.mock.calls.length - known;
    expect(known).toBe(1);
    // The first unknown email also derives the dummy hash once per process; afterwards exactly one run.
    expect(unknown).toBeGreaterThanOrEqual(1);
    const again = spy.mock.calls.length;
    expect(await verifyCredentials(`unknown2-${Date.now()}@example.com`, "wrong password")).toBeNull();
    expect(spy.mock.calls.length - again).toBe(1);
    // An OAuth-only account (no password) as well.
    const oauthOnly = await db().user.create({ data: { email: `oauth-only-${Date.now()}@example.com` } });
    const before = spy.mock.calls.length;
    expect(await verifyCredentials(oauthOnly.email, "anything")).toBeNull();
    expect(spy.mock.calls.length - before).toBe(1);
  });

  it("upgrades an old-format hash, and a hash with old parameters, to N=2^17 at the next successful sign-in", async () => {
    process.env.SHOWDOWN_PASSWORD_COST = "production";
    const salt = crypto.randomBytes(16);
    const key = crypto.scryptSync("old secret", salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const legacy = ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
    const old = await db().user.create({ data: { email: `legacy-${Date.now()}@example.com`, passwordHash: legacy } });
    expect(await verifyCredentials(old.email, "wrong")).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: old.id } })).passwordHash).toBe(legacy);
    expect(await verifyCredentials(old.email, "old secret")).toMatchObject({ id: old.id });
    const upgraded = (await db().user.findUniqueOrThrow({ where: { id: old.id } })).passwordHash!;
    expect(upgraded).toMatch(/^scrypt\$N=131072,r=8,p=1\$/);
    expect(await verifyCredentials(old.email, "old secret")).toMatchObject({ id: old.id });
    expect((await db().user.findUniqueOrThrow({ where: { id: old.id } })).passwordHash).toBe(upgraded);

    const cheap = await db().user.create({
      data: { email: `cheap-${Date.now()}@example.com`, passwordHash: await hashPassword("cheap secret", { N: 1024, r: 8, p: 1 }) },
    });
    expect(await verifyCredentials(cheap.email, "cheap secret")).toMatchObject({ id: cheap.id });
    expect((await db().user.findUniqueOrThrow({ where: { id: cheap.id } })).passwordHash).toMatch(/^scrypt\$N=131072,r=8,p=1\$/);
  });

  it("prints how long a wrong password takes for a known and an unknown email at production cost", async () => {
    process.env.SHOWDOWN_PASSWORD_COST = "production";
    const user = await db().user.create({
      data: { email: `timing-${Date.now()}@example.com`, passwordHash: await hashPassword("password123") },
    });
    await verifyCredentials("warm-up@example.com", "x"); // derives the dummy hash once
    const time = async (email: string) => {
      const started = performance.now();
      await verifyCredentials(email, "wrong password");
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`nobody-${i}@example.com`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
    console.log(
      `[timing] wrong password, known email: ${fmt(known)} ms (median ${median(known).toFixed(0)}); unknown email: ${fmt(unknown)} ms (median ${median(unknown).toFixed(0)})`,
    );
  }, 60_000);
});

describe("OAuth linking", () => {
  const google = (email: string, isVerified: boolean, sub = crypto.randomUUID()) => ({
    user: { id: sub, email, name: "G User" },
    account: { type: "oauth", provider: "google", providerAccountId: sub, access_token: "t" },
    profile: { sub, email, email_verified: isVerified },
  });

  it("links a verified Google email to the existing contributor and marks the email verified", async () => {
    const contributor = await createAccount("CONTRIBUTOR");
    const { signIn, jwt } = auth();
    const facts = google(contributor.email, true);
    expect(await signIn(facts as never)).toBe(true);
    const token = await jwt({ token: {}, user: facts.user, account: facts.account } as never);
    expect(token.sub).toBe(contributor.id);
    expect((await db().user.findUniqueOrThrow({ where: { id: contributor.id } })).emailVerifiedAt).not.toBeNull();
    expect((await listAudit({ entityId: contributor.id, action: "user.oauth_link" })).length).toBe(1);
  });

  it("does not link when the provider has not verified the email, nor create an account for it", async () => {
    const contributor = await createAccount("CONTRIBUTOR");
    const { signIn } = auth();
    expect(await signIn(google(contributor.email, false) as never)).toBe("/signin?error=OAuthUnverifiedEmail");
    expect(await db().oAuthAccount.count({ where: { userId: contributor.id } })).toBe(0);
    const stranger = `stranger-${Date.now()}@example.com`;
    expect(await signIn(google(stranger, false) as never)).toBe("/signin?error=OAuthUnverifiedEmail");
    expect(await db().user.count({ where: { email: stranger } })).toBe(0);
  });

  it("never links into an admin account, even with a verified email", async () => {
    const admin = await createAccount("ADMIN");
    const { signIn } = auth();
    expect(await signIn(google(admin.email, true) as never)).toBe("/signin?error=OAuthAdminAccount");
    expect(await db().oAuthAccount.count({ where: { userId: admin.id } })).toBe(0);
  });

  it("creates a new, verified account for a new verified email; the same identity signs in again later", async () => {
    const email = `fresh-${Date.now()}@example.com`;
    const { signIn } = auth();
    const facts = google(email, true);
    expect(await signIn(facts as never)).toBe(true);
    const created = await db().user.findUniqueOrThrow({ where: { email } });
    expect(created.role).toBe("CONTRIBUTOR");
    expect(created.emailVerifiedAt).not.toBeNull();
    expect(
      await resolveOAuthSignIn({
        provider: "google",
        providerAccountId: facts.account.providerAccountId,
        email: "changed@example.com",
        isEmailVerified: false,
      }),
    ).toEqual({ kind: "signed-in", userId: created.id });
  });

  it("refuses a GitHub identity whose email GitHub does not list as verified", async () => {
    const contributor = await createAccount("CONTRIBUTOR");
    vi.spyOn(globalThis, "fetch").mockResolvedValue(
      new Response(JSON.stringify([{ email: contributor.email, verified: false, primary: true }]), { status: 200 }),
    );
    const { signIn } = auth();
    const facts = {
      user: { id: "gh-1", email: contributor.email },
      account: { type: "oauth", provider: "github", providerAccountId: `gh-${Date.now()}`, access_token: "t" },
      profile: { id: 1 },
    };
    expect(await signIn(facts as never)).toBe("/signin?error=OAuthUnverifiedEmail");
    vi.spyOn(globalThis, "fetch").mockResolvedValue(
      new Response(JSON.stringify([{ email: contributor.email, verified: true, primary: true }]), { status: 200 }),
    );
    expect(await signIn(facts as never)).toBe(true);
    expect(await db().oAuthAccount.count({ where: { userId: contributor.id, provider: "github" } })).toBe(1);
  });
});
