import { describe, expect, it } from "vitest";
import { landingPathFor } from "./landing";

describe("landingPathFor", () => {
  it.each([
    ["CONTRIBUTOR", "/arena"],
    ["CUSTOMER", "/leaderboard"],
    ["ADMIN", "/admin"],
  ] as const)("%s lands on %s", (role, path) => {
    expect(landingPathFor(role)).toBe(path);
  });
});
