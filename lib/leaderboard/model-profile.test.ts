import { describe, expect, it } from "vitest";
import type { ListKey } from "@/lib/filters";
import { groupAudiences, headToHeadRecords, type AudienceRating } from "./model-profile";

const OPPONENTS = [
  { id: "b", name: "b", displayName: "Bravo" },
  { id: "c", name: "c", displayName: "Charlie" },
  { id: "d", name: "d", displayName: "Delta" },
];

describe("headToHeadRecords", () => {
  // the index's models: me = "a" at 0; cells keep the side each model was shown on
  const all = {
    modelIds: ["a", "b", "c", "d", "private"],
    cells: [
      { a: 0, b: 1, outcome: "A" as const, count: 3 }, // a shown as A, won
      { a: 1, b: 0, outcome: "A" as const, count: 1 }, // b shown as A, won: a lost
      { a: 0, b: 1, outcome: "TIE" as const, count: 2 },
      { a: 2, b: 0, outcome: "B" as const, count: 4 }, // a shown as B, won
      { a: 2, b: 0, outcome: "BOTH_BAD" as const, count: 2 },
      { a: 0, b: 4, outcome: "A" as const, count: 9 }, // an opponent not public: never named
      { a: 1, b: 2, outcome: "A" as const, count: 5 }, // not this model's battle
    ],
  };

  it.each([
    ["b", { battles: 6, wins: 3, losses: 1, ties: 2, bothBad: 0 }],
    ["c", { battles: 6, wins: 4, losses: 0, ties: 0, bothBad: 2 }],
  ] as const)("record against %s", (opponent, record) => {
    const rows = headToHeadRecords(all, "a", OPPONENTS, ["c", "a", "b"]);
    expect(rows.find((r) => r.opponentId === opponent)).toMatchObject(record);
  });

  it("lists only opponents met, in leaderboard order, with win fractions counting ties as half", () => {
    const rows = headToHeadRecords(all, "a", OPPONENTS, ["c", "a", "b"]);
    expect(rows.map((r) => r.opponentId)).toEqual(["c", "b"]);
    expect(rows.find((r) => r.opponentId === "b")!.winFraction).toBeCloseTo((3 + 1) / 6);
    expect(rows.find((r) => r.opponentId === "c")!.winFraction).toBeCloseTo((4 + 1) / 6);
  });

  it("orders opponents off the board by name", () => {
    expect(headToHeadRecords(all, "a", OPPONENTS, []).map((r) => r.displayName)).toEqual(["Bravo", "Charlie"]);
  });
});

function audience(key: ListKey, value: string, over: Partial<AudienceRating>): AudienceRating {
  return {
    key,
    value,
    label: value,
    sliceVotes: 100,
    sliceVoters: 40,
    modelVotes: 50,
    rating: 1000,
    lower: 990,
    upper: 1010,
    rank: 1,
    rankWorst: 1,
    ratedModels: 5,
    difference: 0,
    test: null,
    ...over,
  };
}

describe("groupAudiences", () => {
  const test = (p: number) => ({ lower: -1, upper: 1, p, q: 1, significant: false });
  const ratings = [
    audience("region", "europe", { difference: -20, test: test(0.001) }),
    audience("region", "asia", { difference: 15, test: test(0.04) }),
    audience("region", "africa", { rating: null, difference: null, modelVotes: 3 }),
    audience("region", "americas", { rating: null, difference: null, modelVotes: 9 }),
    null, // a slice under the voter minimum
    audience("language", "pt", { difference: 5, test: test(0.5) }),
  ];
  const groups = groupAudiences(ratings, ["region", "language", "country"], { region: 6, language: 1, country: 2, age: 0, education: 0 });

  it.each([
    ["region", ["asia", "europe"], ["americas", "africa"], 2],
    ["language", ["pt"], [], 0],
    ["country", [], [], 2],
  ] as const)("%s: rated most favourable first, unrated by votes, the rest omitted", (key, rated, unrated, omitted) => {
    const group = groups.find((g) => g.key === key)!;
    expect(group.rated.map((r) => r.value)).toEqual(rated);
    expect(group.unrated.map((r) => r.value)).toEqual(unrated);
    expect(group.omitted).toBe(omitted);
  });

  it("tests the differences as one family (Benjamini–Hochberg)", () => {
    const q = Object.fromEntries(groups.flatMap((g) => g.rated).map((r) => [r.value, r.test!.q]));
    expect(q.europe).toBeCloseTo(0.003);
    expect(q.asia).toBeCloseTo(0.06);
    expect(q.pt).toBeCloseTo(0.5);
    expect(groups[0]!.rated.find((r) => r.value === "europe")!.test!.significant).toBe(true);
    expect(groups[0]!.rated.find((r) => r.value === "asia")!.test!.significant).toBe(false); // q 0.06 > 5%
  });
});
