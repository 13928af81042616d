import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as resendRoute } from "../app/api/profile/verification/route";
import { POST as signUpRoute } from "../app/api/signup/route";
import { db } from "../lib/db";
import { reloadServerEnv } from "../lib/env";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR } from "../lib/queries/audit";
import { createBattle } from "../lib/queries/battles";
import { consumeEmailVerification } from "../lib/queries/email-verification";
import { updatePolicy } from "../lib/queries/policy";
import { updateProfile } from "../lib/queries/users";
import { recordVote } from "../lib/queries/votes";
import { seedRoster } from "../lib/seed";
import { resetDatabase } from "./support/database";
import { signInAs } from "./support/sessions";
import { decodedBody, startSmtpSink, type SmtpSink } from "./support/smtp-sink";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

// The address is whatever lib/rate-limit.ts says it is (its internals belong to the deployment's
// proxy settings); the test plays one client address per request through this double.
const address = vi.hoisted(() => ({ ip: "203.0.113.10" as string | null }));
vi.mock("@/lib/rate-limit", async (importOriginal) => ({ ...(await importOriginal<object>()), clientIp: () => address.ip }));

let counter = 0;
async function signUp(init: { email?: string; headers?: Record<string, string> } = {}) {
  counter += 1;
  const email = init.email ?? `su-${Date.now()}-${counter}@example.com`;
  const response = await signUpRoute(
    new Request("http://localhost/api/signup", {
      method: "POST",
      headers: { "content-type": "application/json", ...init.headers },
      body: JSON.stringify({ email, password: "password123" }),
    }),
  );
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json(), email };
}

function setSmtp(url: string | undefined) {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  reloadServerEnv();
}

let smtp: SmtpSink;
beforeAll(async () => {
  await resetDatabase();
  await seedRoster();
  smtp = await startSmtpSink();
});
beforeEach(async () => {
  await db().rateLimitCounter.deleteMany();
  smtp.messages.length = 0;
});
afterEach(() => setSmtp(undefined));
afterAll(async () => {
  signInAs(null);
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
  await smtp.close();
});

describe("sign-ups per address", () => {
  it("refuses the 11th of 40 sign-ups in a minute from one address with 429 and Retry-After; other addresses still sign up", async () => {
    await updatePolicy({ ...DEFAULT_POLICY, signupsPerHourPerIp: 10 }, CLI_ACTOR);
    address.ip = "203.0.113.10";
    const results = [];
    for (let i = 0; i < 40; i++) results.push(await signUp());
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(30);
    expect(refused[0].body.error.code).toBe("rate_limited");
    expect(refused[0].body.error.message).toMatch(/sign-ups from your address.*try again in \d+ minutes?/);
    expect(Number(refused[0].retryAfter)).toBeGreaterThan(0);
    // Refused sign-ups created nothing.
    expect(await db().user.count({ where: { email: { in: refused.map((r) => r.email) } } })).toBe(0);
    address.ip = "198.51.100.77";
    expect((await signUp()).status).toBe(201);
  });

  it("follows the policy setting", async () => {
    await updatePolicy({ ...DEFAULT_POLICY, signupsPerHourPerIp: 2 }, CLI_ACTOR);
    address.ip = "203.0.113.11";
    expect([(await signUp()).status, (await signUp()).status, (await signUp()).status]).toEqual([201, 201, 429]);
    await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
  });
});

describe("email verification", () => {
  it("sends nothing and breaks nothing without SMTP_URL", async () => {
    setSmtp(undefined);
    address.ip = "192.0.2.1";
    const result = await signUp();
    expect(result.status).toBe(201);
    expect(result.body.verificationSent).toBe(false);
    expect(smtp.messages).toHaveLength(0);
    expect(await db().emailVerification.count({ where: { email: result.email } })).toBe(0);
  });

  it("mails a single-use link in the contributor's language; following it verifies the email and counts earlier votes", async () => {
    setSmtp(smtp.url);
    address.ip = "192.0.2.2";
    const result = await signUp({ headers: { "accept-language": "de-DE,de;q=0.9" } });
    expect(result.status).toBe(201);
    expect(result.body.verificationSent).toBe(true);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0];
    expect(mail.to).toEqual([result.email]);
    const text = decodedBody(mail.raw);
    expect(text).toContain("bitte bestätige");
    const link = /http:\/\/localhost\/verify-email\?token=([\w-]+)/.exec(text);
    expect(link).not.toBeNull();
    const token = link![1];
    // Only a hash of the token is stored.
    expect(await db().emailVerification.count({ where: { id: token } })).toBe(0);

    // A vote cast before verifying, marked unverified at cast time (lib/queries/votes.ts does that).
    await updateProfile(result.body.id, { country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" });
    const battle = await createBattle(result.body.id);
    await recordVote({ battleId: battle.id, userId: result.body.id, outcome: "A" });
    await db().vote.updateMany({ where: { voterId: result.body.id }, data: { voterUnverified: true } });
    const generationBefore = await db().$queryRaw<{ generation: bigint }[]>`SELECT generation FROM "VoteGeneration" WHERE id = 1`;

    expect(await consumeEmailVerification(token)).toEqual({ kind: "verified", userId: result.body.id, email: result.email });
    const user = await db().user.findUniqueOrThrow({ where: { id: result.body.id }, select: { emailVerifiedAt: true } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await db().vote.count({ where: { voterId: result.body.id, voterUnverified: true } })).toBe(0);
    // Every replica's slice index re-reads the votes.
    const generationAfter = await db().$queryRaw<{ generation: bigint }[]>`SELECT generation FROM "VoteGeneration" WHERE id = 1`;
    expect(generationAfter[0].generation).toBeGreaterThan(generationBefore[0].generation);

    // Single use.
    expect((await consumeEmailVerification(token)).kind).toBe("used");
  });

  it("refuses unknown, expired and stale links", async () => {
    setSmtp(smtp.url);
    address.ip = "192.0.2.3";
    expect((await consumeEmailVerification("not-a-real-token-0123456789")).kind).toBe("invalid");
    const result = await signUp();
    const token = /token=([\w-]+)/.exec(decodedBody(smtp.messages[0].raw))![1];
    await db().emailVerification.updateMany({ where: { userId: result.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await consumeEmailVerification(token)).kind).toBe("expired");
    // A link for an address the account no longer has does not verify the new one.
    const second = await signUp();
    const token2 = /token=([\w-]+)/.exec(decodedBody(smtp.messages[1].raw))![1];
    await db().user.update({ where: { id: second.body.id }, data: { email: `changed-${second.email}` } });
    expect((await consumeEmailVerification(token2)).kind).toBe("invalid");
    expect((await db().user.findUniqueOrThrow({ where: { id: second.body.id } })).emailVerifiedAt).toBeNull();
  });

  it("resends a link on request, a few times an hour at most, and not once verified", async () => {
    setSmtp(smtp.url);
    address.ip = "192.0.2.4";
    const result = await signUp();
    signInAs({ id: result.body.id });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await resendRoute(new Request("http://localhost/api/profile/verification", { method: "POST" }))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(smtp.messages).toHaveLength(6); // the sign-up's and five resends
    const token = /token=([\w-]+)/.exec(decodedBody(smtp.messages[5].raw))![1];
    expect((await consumeEmailVerification(token)).kind).toBe("verified");
    const again = await resendRoute(new Request("http://localhost/api/profile/verification", { method: "POST" }));
    expect(again.status).toBe(409);
    setSmtp(undefined);
  });
});
