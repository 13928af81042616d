import { describe, expect, it } from "vitest";
import type { Leaderboard, LeaderboardRow } from "@/lib/leaderboard/build";
import { DEFAULT_POLICY, type Policy } from "@/lib/policy";
import { REGION_CODES } from "@/lib/slices";
import { boardsAgreeOnPolicy, snapshotOfBoards, toSliceData } from "./publish";
import { isSnapshotDue } from "./schedule";
import { sliceKeySchema } from "./schema";
import { filtersOfSliceKey, sliceOrder, snapshotSliceKeys } from "./slice-keys";

const NOW = new Date("2026-12-04T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("isSnapshotDue", () => {
  it.each([
    ["no snapshot yet", null, 24, true],
    ["newest 1 hour old, daily", hoursAgo(1), 24, false],
    ["newest 23.9 hours old, daily", hoursAgo(23.9), 24, false],
    ["newest exactly 24 hours old, daily", hoursAgo(24), 24, true],
    ["newest 30 hours old, daily", hoursAgo(30), 24, true],
    ["newest 2 hours old, every hour", hoursAgo(2), 1, true],
    ["a snapshot from the future (clock skew)", hoursAgo(-1), 24, false],
  ] as const)("%s", (_, newest, maxAgeHours, expected) => {
    expect(isSnapshotDue(newest, NOW, maxAgeHours)).toBe(expected);
  });
});

describe("slice keys", () => {
  it.each([
    ["all", {}],
    ["region:europe", { region: ["europe"] }],
    ["language:pt", { language: ["pt"] }],
  ] as const)("%s reads as filters", (key, filters) => {
    expect(filtersOfSliceKey(key)).toEqual(filters);
  });

  it.each(["region:atlantis", "language:xx", "country:US", ""])("refuses %j", (key) => {
    expect(() => filtersOfSliceKey(key)).toThrow(/Unknown snapshot slice key/);
  });

  it.each([
    ["all", true],
    ["region:europe", true],
    ["language:pt", true],
    ["language:por", false],
    ["country:US", false],
    ["ALL", false],
  ] as const)("the slice parameter %j is %s", (key, ok) => {
    expect(sliceKeySchema.safeParse(key).success).toBe(ok);
  });

  it("holds all votes, every region, and the languages with votes, sorted", () => {
    expect(snapshotSliceKeys(["pt", "en"])).toEqual(["all", ...REGION_CODES.map((r) => `region:${r}`), "language:en", "language:pt"]);
    expect(snapshotSliceKeys([])).toHaveLength(1 + REGION_CODES.length);
  });

  it("orders all, then regions, then languages", () => {
    expect(["language:de", "region:europe", "all", "language:ar", "region:africa"].sort(sliceOrder)).toEqual([
      "all",
      "region:africa",
      "region:europe",
      "language:ar",
      "language:de",
    ]);
  });
});

function row(over: Partial<LeaderboardRow>): LeaderboardRow {
  return {
    modelId: "m1",
    name: "model-1",
    displayName: "Model 1",
    organization: "Org",
    status: "ACTIVE",
    visibility: "PUBLIC",
    rating: 1010,
    lower: 1000,
    upper: 1020,
    se: 5,
    rank: 1,
    rankWorst: 2,
    unrated: null,
    votes: 40,
    voters: 30,
    wins: 20,
    losses: 15,
    ties: 5,
    bothBad: 0,
    ...over,
  } as LeaderboardRow;
}

function board(
  over: { isShown?: boolean; rows?: LeaderboardRow[]; policy?: Policy; votes?: number | null; voters?: number | null } = {},
): Leaderboard {
  const isShown = over.isShown ?? true;
  return {
    votes: over.votes ?? (isShown ? 400 : null),
    voters: over.voters ?? (isShown ? 60 : null),
    demoVotes: isShown ? 12 : null,
    isShown,
    rows: over.rows ?? [row({})],
    policy: over.policy ?? DEFAULT_POLICY,
    method: { name: "Bradley–Terry", interval: "sandwich", style: "none", voters: 60 },
    excludedVotes: { identityLeak: 1, excludedVoters: 2, replay: 3, unverifiedVoters: 4, total: 10 },
  } as unknown as Leaderboard;
}

describe("toSliceData", () => {
  it.each([
    ["a shown slice keeps its counts and rows", board(), { votes: 400, voters: 60, isShown: true, rows: 1 }],
    ["a thin slice keeps no rows and no counts", board({ isShown: false }), { votes: null, voters: null, isShown: false, rows: 0 }],
  ] as const)("%s", (_, b, expected) => {
    const slice = toSliceData("all", b);
    expect({ votes: slice.votes, voters: slice.voters, isShown: slice.isShown, rows: slice.rows.length }).toEqual(expected);
  });

  it("publishes no outcome shares, and marks deprecated models", () => {
    const [active, deprecated] = toSliceData("all", board({ rows: [row({}), row({ modelId: "m2", status: "DEPRECATED" })] })).rows;
    expect(Object.keys(active!).sort()).toEqual([
      "displayName",
      "lower",
      "modelId",
      "name",
      "organization",
      "rank",
      "rankWorst",
      "rating",
      "unrated",
      "upper",
      "voters",
      "votes",
    ]);
    expect(active!.isDeprecated).toBeUndefined();
    expect(deprecated!.isDeprecated).toBe(true);
  });
});

describe("snapshotOfBoards", () => {
  it("takes the method and counting rules from the all-votes board's policy", () => {
    const policy = { ...DEFAULT_POLICY, bootstrapRounds: 250, bootstrapSeed: 7, excludeReplayVotes: true };
    const snapshot = snapshotOfBoards(
      [
        ["all", board({ policy })],
        ["region:europe", board({ policy, isShown: false })],
      ],
      NOW,
      "0.1.0+abc",
    );
    expect(snapshot.dataCutoff).toBe(NOW);
    expect(snapshot.codeVersion).toBe("0.1.0+abc");
    expect(snapshot.method).toMatchObject({
      bootstrapRounds: 250,
      bootstrapSeed: 7,
      excludeReplayVotes: true,
      demoVotes: 12,
      interval: "sandwich",
    });
    expect(snapshot.method.excludedVotes).toEqual({ identityLeak: 1, excludedVoters: 2, replay: 3, unverifiedVoters: 4 });
    expect(snapshot.slices.map((s) => [s.key, s.isShown])).toEqual([
      ["all", true],
      ["region:europe", false],
    ]);
  });

  it.each([
    ["one policy", [DEFAULT_POLICY, DEFAULT_POLICY, DEFAULT_POLICY], true],
    ["a policy changed mid-way", [DEFAULT_POLICY, { ...DEFAULT_POLICY, minSliceVoters: 5 }, DEFAULT_POLICY], false],
  ] as const)("boards under %s agree: %s", (_, policies, expected) => {
    expect(boardsAgreeOnPolicy(policies.map((policy, k) => [`slice-${k}`, board({ policy })] as const))).toBe(expected);
  });
});
