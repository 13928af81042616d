import { describe, expect, it } from "vitest";
import { bearerCredential, isBearerAllowed } from "./scope";
import { generateTokenSecret, hashTokenSecret, isLastUsedStale, isTokenShaped, visiblePrefix } from "./secret";

describe("isBearerAllowed", () => {
  it.each([
    ["GET", "/api/leaderboard", true],
    ["GET", "/api/compare", true],
    ["GET", "/api/export", true],
    ["HEAD", "/api/export", true],
    ["GET", "/api/snapshots", true],
    ["GET", "/api/snapshots/abc123", true],
    ["GET", "/api/leaderboard/", true],
    // A client generated from the OpenAPI document sends its token when it fetches the document too.
    ["GET", "/api/openapi.json", true],
    ["POST", "/api/openapi.json", false],
    ["POST", "/api/leaderboard", false],
    ["DELETE", "/api/snapshots/abc", false],
    ["GET", "/api/tokens", false],
    ["POST", "/api/tokens", false],
    ["GET", "/api/admin/policy", false],
    ["POST", "/api/battles", false],
    ["GET", "/api/exports", false],
    ["GET", "/api/leaderboard-extra", false],
    ["GET", "/api/profile", false],
  ])("%s %s -> %s", (method, path, expected) => {
    expect(isBearerAllowed(method, path)).toBe(expected);
  });
});

describe("bearerCredential", () => {
  it.each([
    [null, null],
    ["Basic dXNlcjpwdw==", null],
    ["Bearer sdt_abc", "sdt_abc"],
    ["bearer   sdt_abc  ", "sdt_abc"],
    ["Bearer", ""],
  ])("%s -> %s", (header, expected) => {
    expect(bearerCredential(header)).toBe(expected);
  });
});

describe("token secrets", () => {
  it("are sdt_ + 43 base64url characters, distinct, hashed as hex SHA-256", () => {
    const a = generateTokenSecret();
    const b = generateTokenSecret();
    expect(isTokenShaped(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(hashTokenSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(visiblePrefix(a)).toBe(a.slice(0, 12));
    expect(isTokenShaped("sdt_short")).toBe(false);
  });

  it("record use at most once a minute", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    expect(isLastUsedStale(null, now)).toBe(true);
    expect(isLastUsedStale(new Date(now.getTime() - 59_000), now)).toBe(false);
    expect(isLastUsedStale(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});
