import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "../lib/api";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR } from "../lib/queries/audit";
import { updatePolicy } from "../lib/queries/policy";
import { clientIp, enforceRateLimit } from "../lib/rate-limit";
import { resetDatabase } from "./support/database";

beforeAll(async () => {
  await resetDatabase();
  await db().rateLimitCounter.deleteMany();
  await updatePolicy(
    { ...DEFAULT_POLICY, battlesPerHourPerUser: 3, votesPerHourPerUser: 5, battlesPerHourPerIp: 4, votesPerHourPerIp: 100 },
    CLI_ACTOR,
  );
});

afterAll(async () => {
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
});

async function refusal(run: () => Promise<void>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a rate_limited AppError, got ${String(error)}`);
  return error;
}

describe("enforceRateLimit", () => {
  it("allows up to the contributor's hourly limit, then answers 429 with a retry time", async () => {
    for (let i = 0; i < 3; i++) await enforceRateLimit({ action: "battle", userId: "rl-user-1", ip: null });
    const error = await refusal(() => enforceRateLimit({ action: "battle", userId: "rl-user-1", ip: null }));
    expect(error.code).toBe("rate_limited");
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/try again in \d+ minutes?/);
    const seconds = Number(error.details?.retryAfterSeconds);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(2 * 3600);
    const response = errorResponse(error);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe(String(seconds));
    // The refused attempt is not counted: the stored count stays at the limit.
    const [row] = await db().rateLimitCounter.findMany({ where: { key: "battle:user:rl-user-1" } });
    expect(row.count).toBe(3);
  });

  it("counts battles and votes separately, and each contributor separately", async () => {
    await enforceRateLimit({ action: "vote", userId: "rl-user-1", ip: null });
    await enforceRateLimit({ action: "battle", userId: "rl-user-2", ip: null });
  });

  it("limits an IP address across contributors (stored hashed)", async () => {
    for (let i = 0; i < 4; i++) await enforceRateLimit({ action: "battle", userId: `rl-ip-user-${i}`, ip: "203.0.113.7" });
    const error = await refusal(() => enforceRateLimit({ action: "battle", userId: "rl-ip-user-9", ip: "203.0.113.7" }));
    expect(error.code).toBe("rate_limited");
    const keys = (await db().rateLimitCounter.findMany({ where: { key: { startsWith: "battle:ip:" } }, select: { key: true } })).map(
      (r) => r.key,
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join()).not.toContain("203.0.113.7");
    // The refused user's own counter was taken back too.
    expect(await db().rateLimitCounter.count({ where: { key: "battle:user:rl-ip-user-9", count: { gt: 0 } } })).toBe(0);
    await enforceRateLimit({ action: "battle", userId: "rl-ip-user-9", ip: "198.51.100.1" });
  });

  it("holds across app replicas: concurrent requests share one counter", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => enforceRateLimit({ action: "vote", userId: "rl-user-3", ip: null })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
  });
});

describe("clientIp", () => {
  // Only the header the app's server sets counts; forwarding headers a client sends are not read here
  // (scripts/server.mjs resolves them per TRUST_PROXY: see tests/client-address-server.test.ts).
  it.each([
    [{ "x-showdown-client-ip": "203.0.113.9" }, "203.0.113.9"],
    [{ "x-showdown-client-ip": "::ffff:203.0.113.9" }, "203.0.113.9"],
    [{ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }, null],
    [{ "x-real-ip": "198.51.100.4" }, null],
    [{ "x-showdown-client-ip": "not an address" }, null],
    [{}, null],
  ])("reads %o", (headers, ip) => {
    expect(clientIp(new Request("http://localhost/", { headers }))).toBe(ip);
  });
});
