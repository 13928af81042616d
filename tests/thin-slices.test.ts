import { beforeAll, describe, expect, it, vi } from "vitest";
import * as compareRoute from "../app/api/compare/route";
import * as leaderboardRoute from "../app/api/leaderboard/route";
import * as snapshotRoute from "../app/api/snapshots/[id]/route";
import { db } from "../lib/db";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR } from "../lib/queries/audit";
import { getModelAudiences, getModelProfile } from "../lib/queries/model-profile";
import { updatePolicy } from "../lib/queries/policy";
import { publishSnapshot } from "../lib/queries/snapshots";
import { seedRoster } from "../lib/seed";
import { markVotesChanged } from "../lib/slice-index/vote-index";
import { resetDatabase } from "./support/database";
import { callJson, createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

const get = (handler: Parameters<typeof callJson>[0], query: string, params: Record<string, string> = {}) =>
  callJson(handler, { method: "GET", url: `http://localhost/api/x?${query}`, params });

/** Every number a response holds under a key that counts votes or people (nested). */
function countFields(value: unknown, out: [string, unknown][] = [], key = ""): [string, unknown][] {
  if (Array.isArray(value)) value.forEach((v) => countFields(v, out, key));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) countFields(v, out, k);
  else if (/^(votes|voters|demoVotes|replayVotes|sharedVoters|battles|wins|losses|ties|bothBad)$/.test(key)) out.push([key, value]);
  return out;
}

let models: string[];

beforeAll(async () => {
  await resetDatabase();
  await seedRoster();
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR); // 20 voters per slice
  models = (await db().model.findMany({ where: { visibility: "PUBLIC" }, select: { id: true }, orderBy: { name: "asc" }, take: 3 })).map(
    (m) => m.id,
  );
  // Germany: 30 voters (shown). France: 3 voters, 4 votes (thin), one of them in a replay battle.
  const vote = (voter: string, country: string, i: number, replay = false) => ({
    voterKey: `import:${voter}`,
    modelAId: models[i % 3]!,
    modelBId: models[(i + 1) % 3]!,
    outcome: (i % 2 ? "A" : "B") as "A" | "B",
    source: "IMPORT" as const,
    country,
    region: "europe",
    language: country === "DE" ? "de" : "fr",
    replay,
  });
  await db().vote.createMany({
    data: [
      ...Array.from({ length: 300 }, (_, i) => vote(`de-${i % 30}`, "DE", i)),
      vote("fr-1", "FR", 0, true),
      vote("fr-1", "FR", 1),
      vote("fr-2", "FR", 2),
      vote("fr-3", "FR", 3),
    ],
  });
  markVotesChanged();
});

describe("a slice under the voter minimum", () => {
  it("shows no exact counts through /api/leaderboard: nulls, belowMinimum, the minimum as the only hint", async () => {
    const { status, body } = await get(leaderboardRoute.GET, "country=FR");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      isShown: false,
      belowMinimum: true,
      votes: null,
      voters: null,
      demoVotes: null,
      replayVotes: null,
      lastVoteAt: null,
      rows: [],
    });
    expect(body.policy.minSliceVoters).toBe(20);
    expect(countFields(body).filter(([, v]) => v !== null && v !== 0)).toEqual([]);
    expect(body.pairwise).toEqual({ modelIds: [], winFraction: [], battles: [] });

    const shown = (await get(leaderboardRoute.GET, "country=DE")).body;
    expect(shown).toMatchObject({ isShown: true, belowMinimum: false, votes: 300, voters: 30, replayVotes: 0 });
  });

  it("cannot be recovered by subtracting two shown slices' totals from one another when one side is thin", async () => {
    // Europe (DE + FR) is shown; Germany is shown; France is not. Europe − Germany would be France's counts:
    // Europe is exact (it is big enough), and that difference is the risk the methodology page states.
    const europe = (await get(leaderboardRoute.GET, "region=europe")).body;
    const france = (await get(leaderboardRoute.GET, "country=FR")).body;
    expect(europe.votes).toBe(304);
    expect(france.votes).toBeNull();
    expect(europe.replayVotes).toBe(1);
  });

  it("shows no exact counts through /api/compare, nor the voters two audiences share under the minimum", async () => {
    const { status, body } = await get(compareRoute.GET, "a.country=DE&b.country=FR");
    expect(status).toBe(200);
    expect(body.a).toMatchObject({ votes: 300, voters: 30, isShown: true, belowMinimum: false });
    expect(body.b).toMatchObject({ votes: null, voters: null, isShown: false, belowMinimum: true });
    expect(body.sharedVoters).toBeNull();
    expect(body.models).toEqual([]);

    // Everyone against France: the overlap is France itself (3 voters), so it is withheld too.
    const overlap = (await get(compareRoute.GET, "b.country=FR")).body;
    expect(overlap.sharedVoters).toBeNull();
    // Everyone against Germany: 30 shared voters, at the minimum or above, shown.
    expect((await get(compareRoute.GET, "b.country=DE")).body.sharedVoters).toBe(30);
  });

  it("stores and serves snapshots without a thin slice's counts", async () => {
    const summary = await publishSnapshot({ trigger: "cli", actor: CLI_ACTOR });
    signInAs(await createAccount("CUSTOMER"));
    const { status, body: response } = await get(snapshotRoute.GET, "", { id: summary.id });
    signInAs(null);
    expect(status).toBe(200);
    const body = response.snapshot;
    const french = body.slices.find((s: { key: string }) => s.key === "language:fr");
    expect(french).toMatchObject({ votes: null, voters: null, isShown: false, rows: [] });
    expect(body.slices.find((s: { key: string }) => s.key === "language:de")).toMatchObject({ votes: 300, voters: 30, isShown: true });
    const stored = await db().snapshotSlice.findFirstOrThrow({
      where: { snapshotId: summary.id, sliceKey: "language:fr" },
      select: { votes: true, voters: true },
    });
    expect(stored).toEqual({ votes: 0, voters: 0 });
  });

  it("gives model pages no counts while the whole board is under the minimum", async () => {
    await updatePolicy({ ...DEFAULT_POLICY, minSliceVoters: 1000 }, CLI_ACTOR);
    try {
      const name = (await db().model.findUniqueOrThrow({ where: { id: models[0]! }, select: { name: true } })).name;
      const profile = (await getModelProfile(name))!;
      expect(profile.overallVoters).toBeNull();
      expect(profile.replayVotes).toBeNull();
      expect(profile.overall).toBeNull();
      expect(profile.headToHead).toEqual([]);
      const audiences = await getModelAudiences(models[0]!, null, profile.policy);
      expect(audiences.flatMap((a) => [...a.rated, ...a.unrated])).toEqual([]);
    } finally {
      await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
    }
  });
});
