import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as compareRoute } from "../app/api/compare/route";
import { GET as leaderboardRoute } from "../app/api/leaderboard/route";
import { importBattlesFile } from "../lib/import";
import { getComparison } from "../lib/queries/compare";
import { getLeaderboard } from "../lib/queries/leaderboard";
import { resetDatabase } from "./support/database";

const FIXTURES = path.resolve(import.meta.dirname, "../lib/rating/__fixtures__/fastchat");
const get = async (route: (r: Request) => Promise<Response>, query: string) => {
  const response = await route(new Request(`http://localhost/api/x?${query}`));
  return { status: response.status, body: await response.json() };
};

describe("intervals, identification and tested audience differences on the 20k fixture", () => {
  beforeAll(async () => {
    await resetDatabase();
    await importBattlesFile(path.join(FIXTURES, "battles-20k.jsonl.gz"));
  });

  it("the board's intervals are voter-clustered by default, with rank ranges; FastChat's bootstrap on request", async () => {
    const board = await getLeaderboard({});
    expect(board.method).toMatchObject({ interval: "sandwich", style: "none", voters: 1000 });
    const rated = board.rows.filter((r) => r.rating !== null);
    expect(rated.length).toBeGreaterThan(10);
    for (const r of rated) {
      expect(r.se).toBeGreaterThan(0);
      // 1,000 voters pooled into 512 hashed groups: t with 511 degrees of freedom, 1.9646
      expect((r.upper! - r.lower!) / (2 * r.se!)).toBeCloseTo(1.9646, 3);
      expect(r.rankWorst).toBeGreaterThanOrEqual(r.rank!);
      expect(r.unrated).toBeNull();
    }
    expect(rated.some((r) => r.rankWorst! > r.rank!)).toBe(true);
    const mean = rated.reduce((s, r) => s + r.rating!, 0) / rated.length;
    expect(mean).toBeCloseTo(1000, 6);
    const fastchat = await getLeaderboard({}, { interval: "vote-bootstrap" });
    expect(fastchat.method.interval).toBe("vote-bootstrap");
    for (const r of fastchat.rows) expect(r.rating).toBeCloseTo(board.rows.find((x) => x.modelId === r.modelId)!.rating!, 6);
  });

  it("the API takes interval= and style=, and refuses unknown values with what to use", async () => {
    const ok = await get(leaderboardRoute, "country=DE&interval=voter-bootstrap");
    expect(ok.status).toBe(200);
    expect(ok.body.method.interval).toBe("voter-bootstrap");
    const bad = await get(leaderboardRoute, "interval=jackknife");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/interval=sandwich/);
  });

  it("compares two audiences per model with a difference, an interval, p and q", async () => {
    const { status, body } = await get(compareRoute, "a.country=US&b.country=IN");
    expect(status).toBe(200);
    expect(body.a.voters).toBeGreaterThan(20);
    expect(body.models.length).toBeGreaterThan(5);
    for (const m of body.models) {
      expect(m.lower).toBeLessThanOrEqual(m.difference);
      expect(m.upper).toBeGreaterThanOrEqual(m.difference);
      expect(m.q).toBeGreaterThanOrEqual(m.p);
      expect(m.significant).toBe(m.q < 0.05);
      expect(m.difference).toBeCloseTo(m.ratingB - m.ratingA, 6);
    }
    const refused = await get(compareRoute, "a.country=XX&colour=red");
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("a.country=XX");
    expect(refused.body.error.message).toContain("colour");
  });

  it("an audience against everyone shares its voters, and against itself differs by nothing", async () => {
    const overlap = await getComparison({ country: ["DE"] }, {});
    expect(overlap.sharedVoters).toBe(overlap.a.voters);
    const same = await getComparison({ country: ["DE"] }, { country: ["DE"] });
    for (const m of same.models) {
      expect(Math.abs(m.difference)).toBeLessThan(1e-6);
      expect(m.significant).toBe(false);
    }
  });
});

describe("what the votes cannot identify is said, not printed as a number", () => {
  beforeAll(async () => {
    await resetDatabase();
    const lines: string[] = [];
    const add = (a: string, b: string, winner: string, n: number) => {
      for (let i = 0; i < n; i++)
        lines.push(
          JSON.stringify({
            model_a: a,
            model_b: b,
            winner,
            judge: `j${lines.length % 40}`,
            tstamp: 1735700000 + lines.length,
            country: "DE",
          }),
        );
    };
    for (const [a, b] of [
      ["core-a", "core-b"],
      ["core-b", "core-c"],
      ["core-a", "core-c"],
    ] as const) {
      add(a, b, "model_a", 25);
      add(a, b, "model_b", 20);
      add(a, b, "tie", 5);
    }
    add("perfect", "core-a", "model_a", 20);
    add("core-b", "perfect", "model_b", 20);
    add("island-a", "island-b", "model_a", 20);
    add("island-a", "island-b", "model_b", 20);
    const fs = await import("node:fs");
    const os = await import("node:os");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "showdown-ident-")), "battles.jsonl");
    fs.writeFileSync(file, lines.join("\n") + "\n");
    await importBattlesFile(file);
  });

  it("a perfect record is unrankable and two groups that never met are not ranked together", async () => {
    const { status, body } = await get(leaderboardRoute, "");
    expect(status).toBe(200);
    const row = (name: string) => body.rows.find((r: { name: string }) => r.name === name);
    expect(row("perfect")).toMatchObject({ rating: null, lower: null, rank: null, unrated: "undefeated", votes: 40 });
    expect(row("island-a")).toMatchObject({ rating: null, unrated: "disconnected" });
    expect(row("island-b")).toMatchObject({ rating: null, unrated: "disconnected" });
    const rated = body.rows.filter((r: { rating: number | null }) => r.rating !== null);
    expect(rated.map((r: { name: string }) => r.name).sort()).toEqual(["core-a", "core-b", "core-c"]);
    // centred over the rated group only: the perfect record drags nothing
    expect(rated.reduce((s: number, r: { rating: number }) => s + r.rating, 0) / 3).toBeCloseTo(1000, 6);
  });
});

describe("style control through the whole path: import with conv_metadata, vote index, leaderboard", () => {
  const STYLE = path.resolve(import.meta.dirname, "../lib/rating/__fixtures__/style-control");
  beforeAll(async () => {
    await resetDatabase();
    await importBattlesFile(path.join(STYLE, "battles-style-12k.jsonl.gz"));
  });

  it("matches FastChat's compute_style_control within 1 rating point and shows the coefficients with intervals", async () => {
    const fs = await import("node:fs");
    const expected = JSON.parse(fs.readFileSync(path.join(STYLE, "fastchat_style_control.json"), "utf8")) as {
      style_control: { ratings: Record<string, number>; coefficients: Record<string, number> };
      plain_bt: Record<string, number>;
    };
    const { status, body } = await get(leaderboardRoute, "style=control");
    expect(status).toBe(200);
    expect(body.method).toMatchObject({ style: "control", interval: "sandwich", voters: 600 });
    expect(body.style.votes).toBe(12000);
    expect(body.style.unknown).toBe(0);
    for (const row of body.rows) expect(Math.abs(row.rating - expected.style_control.ratings[row.name]!), row.name).toBeLessThan(1);
    for (const c of body.style.coefficients) {
      expect(Math.abs(c.estimate - expected.style_control.coefficients[c.feature]!), c.feature).toBeLessThan(0.01);
      expect(c.lower).toBeLessThan(c.estimate);
      expect(c.upper).toBeGreaterThan(c.estimate);
    }
    // without style control, the plain fit (FastChat's compute_bt)
    const plain = await getLeaderboard({});
    expect(plain.style).toBeNull();
    for (const row of plain.rows) expect(Math.abs(row.rating! - expected.plain_bt[row.name]!), row.name).toBeLessThan(0.5);
  });
});
