import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as adminPolicyRoute from "../app/api/admin/policy/route";
import * as battlesRoute from "../app/api/battles/route";
import * as compareRoute from "../app/api/compare/route";
import * as exportRoute from "../app/api/export/route";
import * as leaderboardRoute from "../app/api/leaderboard/route";
import * as openapiRoute from "../app/api/openapi.json/route";
import * as snapshotRoute from "../app/api/snapshots/[id]/route";
import * as snapshotsRoute from "../app/api/snapshots/route";
import * as tokenRoute from "../app/api/tokens/[id]/route";
import * as tokensRoute from "../app/api/tokens/route";
import { tokenLimitKey } from "../lib/api-tokens/bearer";
import { resolveApiToken } from "../lib/api-tokens/store";
import { MAX_ACTIVE_TOKENS, TOKEN_REQUESTS_PER_HOUR } from "../lib/api-tokens/secret";
import { db } from "../lib/db";
import { CLEAN_BATTLE_COLUMNS } from "../lib/export-format";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR } from "../lib/queries/audit";
import { updatePolicy } from "../lib/queries/policy";
import { windowStart } from "../lib/rate-limit-window";
import { seedRoster } from "../lib/seed";
import { resetDatabase } from "./support/database";
import { parseCsv } from "./support/parse-csv";
import { createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

/** Calls a handler as a script would: no cookie (signed out), optionally with a bearer token. */
async function call(
  handler: Handler,
  path: string,
  init: { method?: string; token?: string; body?: unknown; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV
  }
  return { status: response.status, body, headers: response.headers };
}

async function createToken(user: { id: string }, name = "script"): Promise<{ id: string; secret: string }> {
  signInAs(user);
  const { status, body } = await call(tokensRoute.POST, "/api/tokens", { method: "POST", body: { name } });
  signInAs(null);
  expect(status, JSON.stringify(body)).toBe(201);
  return { id: body.token.id, secret: body.secret };
}

let customer: { id: string; email: string };
let contributor: { id: string; email: string };

beforeAll(async () => {
  await resetDatabase();
  await seedRoster();
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
  customer = await createAccount("CUSTOMER");
  contributor = await createAccount("CONTRIBUTOR");
});

afterAll(() => signInAs(null));

describe("creating and listing tokens", () => {
  it("shows the secret once and stores only its SHA-256", async () => {
    signInAs(customer);
    const { status, body } = await call(tokensRoute.POST, "/api/tokens", { method: "POST", body: { name: "  nightly export  " } });
    expect(status).toBe(201);
    expect(body.secret).toMatch(/^sdt_[A-Za-z0-9_-]{43}$/);
    expect(body.token).toMatchObject({ name: "nightly export", scope: "read", prefix: body.secret.slice(0, 12), lastUsedAt: null });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: body.token.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(body.secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(body.secret);
    const list = await call(tokensRoute.GET, "/api/tokens");
    expect(list.status).toBe(200);
    expect(list.body.tokens.map((t: { id: string }) => t.id)).toContain(body.token.id);
    expect(JSON.stringify(list.body)).not.toContain(body.secret);
    expect(JSON.stringify(list.body)).not.toContain(row.tokenHash);
    const audit = await db().auditLog.findFirst({ where: { action: "api_token.create", entityId: body.token.id } });
    expect(audit).toMatchObject({ actorEmail: customer.email, entity: "api_token" });
    expect(JSON.stringify(audit)).not.toContain(body.secret);
  });

  it("needs a name, and refuses contributors and the signed-out (who may not export)", async () => {
    signInAs(customer);
    expect((await call(tokensRoute.POST, "/api/tokens", { method: "POST", body: { name: " " } })).status).toBe(400);
    signInAs(contributor);
    expect((await call(tokensRoute.POST, "/api/tokens", { method: "POST", body: { name: "x" } })).status).toBe(403);
    signInAs(null);
    expect((await call(tokensRoute.POST, "/api/tokens", { method: "POST", body: { name: "x" } })).status).toBe(401);
  });

  it(`allows at most ${MAX_ACTIVE_TOKENS} active tokens per account`, async () => {
    const busy = await createAccount("ADMIN");
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i += 1) await createToken(busy, `t${i}`);
    signInAs(busy);
    const refused = await call(tokensRoute.POST, "/api/tokens", { method: "POST", body: { name: "one more" } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("token_limit_reached");
  });
});

describe("Authorization: Bearer", () => {
  it("works on GET /api/leaderboard, /api/compare, /api/export and /api/snapshots, with the owner's role", async () => {
    const { secret } = await createToken(customer);
    const board = await call(leaderboardRoute.GET, "/api/leaderboard?country=BR", { token: secret });
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect(Array.isArray(board.body.rows)).toBe(true);
    const compare = await call(compareRoute.GET, "/api/compare?a.country=BR&b.country=DE", { token: secret });
    expect(compare.status, JSON.stringify(compare.body)).toBe(200);
    const exported = await call(exportRoute.GET, "/api/export?format=csv", { token: secret });
    expect(exported.status).toBe(200);
    expect(parseCsv(exported.body)[0]).toEqual([...CLEAN_BATTLE_COLUMNS]);
    const list = await call(snapshotsRoute.GET, "/api/snapshots", { token: secret });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ apiVersion: 1 });
    // authorised: the missing snapshot is a 404, not a 401
    const one = await call(snapshotRoute.GET, "/api/snapshots/nope", { token: secret, params: { id: "nope" } });
    expect(one.status).toBe(404);
    const audit = await db().auditLog.findFirst({ where: { action: "export.download", actorEmail: customer.email } });
    expect(audit?.after).toMatchObject({ format: "csv", apiTokenId: expect.any(String) });
  });

  it("is accepted by the public OpenAPI document, which generated clients fetch with the same header", async () => {
    const { secret } = await createToken(customer, "generated client");
    const document = await call(openapiRoute.GET, "/api/openapi.json", { token: secret });
    expect(document.status, JSON.stringify(document.body).slice(0, 200)).toBe(200);
    expect(document.body.openapi).toBe("3.1.0");
    // Still a token check, not a bypass: a bad token is refused there as everywhere.
    expect((await call(openapiRoute.GET, "/api/openapi.json", { token: "not-a-token" })).status).toBe(401);
  });

  it("gives only what the owner's role allows (a token of a former customer cannot export)", async () => {
    const former = await createAccount("CUSTOMER");
    const { secret } = await createToken(former);
    await db().user.update({ where: { id: former.id }, data: { role: "CONTRIBUTOR" } });
    expect((await call(exportRoute.GET, "/api/export?format=csv", { token: secret })).status).toBe(403);
    expect((await call(leaderboardRoute.GET, "/api/leaderboard", { token: secret })).status).toBe(200);
  });

  it("is refused on every other route and on state-changing methods", async () => {
    const admin = await createAccount("ADMIN");
    const { secret } = await createToken(admin);
    const refused = [
      await call(battlesRoute.POST, "/api/battles", { method: "POST", token: secret, body: {} }),
      await call(adminPolicyRoute.GET, "/api/admin/policy", { token: secret }),
      await call(tokensRoute.GET, "/api/tokens", { token: secret }),
      await call(tokensRoute.POST, "/api/tokens", { method: "POST", token: secret, body: { name: "from a token" } }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/read-only/);
    }
    expect(await db().apiToken.count({ where: { name: "from a token" } })).toBe(0);
  });

  it("answers 401 to unknown, malformed, revoked and expired tokens (never anonymous)", async () => {
    const bad = [`sdt_${"A".repeat(43)}`, "not-a-token", ""];
    for (const token of bad) {
      const r = await call(leaderboardRoute.GET, "/api/leaderboard", { token });
      expect(r.status, token).toBe(401);
      expect(r.body.error.code).toBe("unauthorized");
    }
    const { id, secret } = await createToken(customer, "to revoke");
    expect((await call(exportRoute.GET, "/api/export", { token: secret })).status).toBe(200);
    signInAs(await createAccount("CUSTOMER"));
    expect((await call(tokenRoute.DELETE, `/api/tokens/${id}`, { method: "DELETE", params: { id } })).status).toBe(404); // not theirs
    signInAs(customer);
    expect((await call(tokenRoute.DELETE, `/api/tokens/${id}`, { method: "DELETE", params: { id } })).status).toBe(204);
    signInAs(null);
    const revoked = await call(exportRoute.GET, "/api/export", { token: secret });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/revoked/);
    expect(await db().auditLog.count({ where: { action: "api_token.revoke", entityId: id, actorEmail: customer.email } })).toBe(1);
    const expiring = await createToken(customer, "expiring");
    await db().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call(leaderboardRoute.GET, "/api/leaderboard", { token: expiring.secret });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it("records use in lastUsedAt at most once a minute", async () => {
    const { id, secret } = await createToken(customer, "usage");
    await call(snapshotsRoute.GET, "/api/snapshots", { token: secret });
    const first = (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await call(snapshotsRoute.GET, "/api/snapshots", { token: secret });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    await db().apiToken.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await call(snapshotsRoute.GET, "/api/snapshots", { token: secret });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it(`is limited to ${TOKEN_REQUESTS_PER_HOUR} requests an hour per token (429 with Retry-After)`, async () => {
    const { id, secret } = await createToken(customer, "busy script");
    const now = Date.now();
    // a full previous and current window: the sliding estimate is over the limit whatever the minute
    for (const start of [windowStart(now), windowStart(now) - 3_600_000]) {
      await db().rateLimitCounter.create({
        data: { key: tokenLimitKey(id), windowStart: new Date(start), count: TOKEN_REQUESTS_PER_HOUR },
      });
    }
    const limited = await call(leaderboardRoute.GET, "/api/leaderboard", { token: secret });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // another token of the same owner is not affected
    const other = await createToken(customer, "other script");
    expect((await call(leaderboardRoute.GET, "/api/leaderboard", { token: other.secret })).status).toBe(200);
  });

  it("adds little to a request (measured: lookup + limit counter per request)", async () => {
    const { secret } = await createToken(customer, "timing");
    const rounds = 60;
    const time = async (token?: string) => {
      const t0 = performance.now();
      for (let i = 0; i < rounds; i += 1) expect((await call(snapshotsRoute.GET, "/api/snapshots", { token })).status).toBe(200);
      return (performance.now() - t0) / rounds;
    };
    await time(secret);
    const withToken = await time(secret);
    signInAs(customer); // the same request with a (test double) session instead: no token lookup, no counter
    const withSession = await time();
    signInAs(null);
    const t0 = performance.now();
    for (let i = 0; i < rounds; i += 1) await resolveApiToken(secret);
    const lookup = (performance.now() - t0) / rounds;
    console.log(`[api-tokens] resolveApiToken alone (hash + indexed lookup): ${lookup.toFixed(2)} ms`);
    console.log(
      `[api-tokens] GET /api/snapshots: ${withToken.toFixed(2)} ms with a token, ${withSession.toFixed(2)} ms with a session; token overhead ≈ ${(withToken - withSession).toFixed(2)} ms per request`,
    );
    expect(withToken).toBeLessThan(withSession + 50);
  });
});
