import { describe, expect, it } from "vitest";
import { safeAuthRedirect, safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/arena", "/arena"],
    ["/models/gpt-4o?tab=history#chart", "/models/gpt-4o?tab=history#chart"],
    ["/leaderboard?country=BR,PT", "/leaderboard?country=BR,PT"],
    ["/admin/audit?from=2025-01-01&to=2025-02-01", "/admin/audit?from=2025-01-01&to=2025-02-01"],
    [["/profile", "//evil.example"], "/profile"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    "/\\evil.example/phish", // the reported one: browsers follow /\host as //host
    "//evil.example",
    "///evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%09/evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "HTTPS://evil.example/",
    "http:evil.example",
    "//evil.example/%2F..",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "\t/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " /evil",
    "evil.example",
    "/foo\u0000bar",
    "/\u2028/evil.example",
    "/%E2%80%A8/evil.example",
    "/100%zz",
    "",
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value, "/fallback")).toBe("/fallback");
  });

  it.each([undefined, null, 42, {}, []])("refuses the non-string %j", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });
});

describe("safeAuthRedirect (next-auth's redirect callback)", () => {
  const baseUrl = "https://showdown.example";
  it.each([
    ["/arena", "https://showdown.example/arena"],
    ["https://showdown.example/profile?next=/arena", "https://showdown.example/profile?next=/arena"],
    ["https://evil.example/phish", "https://showdown.example"],
    ["https://showdown.example.evil.example/", "https://showdown.example"],
    ["http://showdown.example/arena", "https://showdown.example"],
    ["/\\evil.example/phish", "https://showdown.example/"],
    ["//evil.example", "https://showdown.example/"],
    ["javascript:alert(1)", "https://showdown.example"],
    ["https://showdown.example/\\evil.example", "https://showdown.example/"],
  ])("%s → %s", (url, expected) => {
    expect(safeAuthRedirect({ url, baseUrl })).toBe(expected);
  });
});
