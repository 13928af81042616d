import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import type { LeaderboardFilters } from "../lib/filters";
import type { Outcome } from "../lib/generated/prisma/enums";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR, listAudit } from "../lib/queries/audit";
import { getLeaderboard } from "../lib/queries/leaderboard";
import { updatePolicy } from "../lib/queries/policy";
import { getRatingHistory, getSnapshot, listSnapshots, publishSnapshot, publishSnapshotIfDue } from "../lib/queries/snapshots";
import { seedRoster } from "../lib/seed";
import { markVotesChanged } from "../lib/slice-index/vote-index";
import { resetDatabase } from "./support/database";

let models: { id: string; name: string }[] = [];
/** Ids of the snapshots this file published, in order. */
const publishedHere: string[] = [];

/** A small deterministic random source (the tests' own; the app's is in lib/rating). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Votes by 40 voters: 20 in Germany speaking German, 20 in Brazil speaking Portuguese, plus three
 * English speakers in the US (too few to rank). Model i beats model j with odds exp(strength gap).
 */
async function addVotes(count: number, seed: number, strengths: number[]) {
  const rand = lcg(seed);
  const people = [
    ...Array.from({ length: 20 }, (_, i) => ({ key: `import:de-${i}`, country: "DE", region: "europe", language: "de" })),
    ...Array.from({ length: 20 }, (_, i) => ({ key: `import:br-${i}`, country: "BR", region: "americas", language: "pt" })),
  ];
  const english = Array.from({ length: 3 }, (_, i) => ({ key: `import:us-${i}`, country: "US", region: "americas", language: "en" }));
  const data = Array.from({ length: count }, (_, n) => {
    const person = n % 50 === 0 ? english[(n / 50) % 3] : people[n % people.length];
    const a = Math.floor(rand() * models.length);
    const b = (a + 1 + Math.floor(rand() * (models.length - 1))) % models.length;
    const pA = 1 / (1 + Math.exp(strengths[b] - strengths[a]));
    const u = rand();
    const outcome: Outcome = u < 0.1 ? "TIE" : rand() < pA ? "A" : "B";
    return {
      voterKey: person.key,
      modelAId: models[a].id,
      modelBId: models[b].id,
      outcome,
      source: "IMPORT" as const,
      country: person.country,
      region: person.region,
      language: person.language,
      ageBand: "25-34",
      education: "master",
      createdAt: new Date(Date.now() - Math.floor(rand() * 30) * 86_400_000),
    };
  });
  await db().vote.createMany({ data });
  markVotesChanged(); // written behind the index's back: have the next read catch up at once
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await resetDatabase();
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
  await seedRoster();
  models = await db().model.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 4 });
  await addVotes(800, 1, [0.8, 0.3, 0, -0.5]);
});

describe("published snapshots", () => {
  it("store the all, region and language slices with the leaderboard's numbers", async () => {
    const summary = await publishSnapshot({ trigger: "cli", actor: CLI_ACTOR });
    publishedHere.push(summary.id);
    expect(summary.sliceKeys).toEqual([
      "all",
      "region:africa",
      "region:americas",
      "region:asia",
      "region:europe",
      "region:oceania",
      "language:de",
      "language:en",
      "language:pt",
    ]);
    expect(summary.trigger).toBe("cli");
    expect(summary.codeVersion).toMatch(/^0\.1\.0\+([0-9a-f]{12}|unknown)$/);
    expect(summary.method).toMatchObject({ bootstrapRounds: 100, bootstrapSeed: 42, minSliceVoters: 20, minModelVotes: 30, demoVotes: 0 });
    expect(Math.abs(Date.parse(summary.dataCutoff) - Date.now())).toBeLessThan(60_000);

    const snapshot = (await getSnapshot(summary.id))!;
    for (const [key, filters] of [
      ["all", {}],
      ["region:europe", { region: ["europe"] }],
      ["language:pt", { language: ["pt"] }],
    ] as [string, LeaderboardFilters][]) {
      const board = await getLeaderboard(filters);
      const slice = snapshot.slices.find((s) => s.key === key)!;
      expect(board.isShown, key).toBe(true);
      expect(slice).toMatchObject({ votes: board.votes, voters: board.voters, isShown: true });
      expect(slice.rows).toEqual(
        board.rows.map((r) => ({
          modelId: r.modelId,
          name: r.name,
          displayName: r.displayName,
          organization: r.organization,
          rating: r.rating,
          lower: r.lower,
          upper: r.upper,
          rank: r.rank,
          rankWorst: r.rankWorst,
          unrated: r.unrated,
          votes: r.votes,
          voters: r.voters,
        })),
      );
      expect(slice.rows.every((r) => r.rating !== null)).toBe(true);
    }
    const english = snapshot.slices.find((s) => s.key === "language:en")!;
    // under the voter minimum: no exact counts, stored or served (lib/leaderboard/thin-slice)
    expect(english).toMatchObject({ votes: null, voters: null, isShown: false, rows: [] });
    expect(snapshot.slices.find((s) => s.key === "region:africa")).toMatchObject({ votes: null, voters: null, rows: [] });

    const onlyEurope = (await getSnapshot(summary.id, { slice: "region:europe" }))!;
    expect(onlyEurope.slices.map((s) => s.key)).toEqual(["region:europe"]);
    expect(await getSnapshot("no-such-snapshot")).toBeNull();

    const [entry] = await listAudit({ entity: "snapshot", take: 1 });
    expect(entry).toMatchObject({ action: "snapshot.publish", entityId: summary.id, actorEmail: CLI_ACTOR.email });
  });

  it("cannot be edited or deleted: the database refuses", async () => {
    const [latest] = await listSnapshots({ take: 1 });
    const attempts: [string, () => Promise<unknown>][] = [
      ["update snapshot", () => db().leaderboardSnapshot.update({ where: { id: latest.id }, data: { codeVersion: "tampered" } })],
      ["delete snapshot", () => db().leaderboardSnapshot.delete({ where: { id: latest.id } })],
      ["update slice", () => db().snapshotSlice.updateMany({ where: { snapshotId: latest.id }, data: { votes: 1 } })],
      ["delete slice", () => db().snapshotSlice.deleteMany({ where: { snapshotId: latest.id } })],
      ["raw update", () => db().$executeRaw`UPDATE "SnapshotSlice" SET rows = '[]'::jsonb WHERE "snapshotId" = ${latest.id}`],
    ];
    for (const [what, attempt] of attempts) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, what).toBeInstanceOf(Error);
      expect(String((error as Error).message), what).toMatch(/append-only/);
    }
    const after = (await getSnapshot(latest.id))!;
    expect(after.codeVersion).toBe(latest.codeVersion);
    expect(after.slices).toHaveLength(latest.sliceKeys.length);
    expect(after.slices.find((s) => s.key === "all")!.rows.length).toBeGreaterThan(0);
  });

  it("publishSnapshotIfDue publishes once when several processes run it at the same time", async () => {
    // Make the newest snapshot older than the (one-second) maximum age.
    const maxAgeHours = 1 / 3600;
    await sleep(1100);
    const before = await db().leaderboardSnapshot.count();
    const results = await Promise.all([
      publishSnapshotIfDue(maxAgeHours),
      publishSnapshotIfDue(maxAgeHours),
      publishSnapshotIfDue(maxAgeHours),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await db().leaderboardSnapshot.count()).toBe(before + 1);
    const published = results.find((r) => r !== null)!;
    expect(published.trigger).toBe("scheduled");
    publishedHere.push(published.id);
    // Not due again right away, nor with the default 24 hours.
    expect(await publishSnapshotIfDue(maxAgeHours)).toBeNull();
    expect(await publishSnapshotIfDue()).toBeNull();
    expect(await db().leaderboardSnapshot.count()).toBe(before + 1);
  });

  it("getRatingHistory returns a model's published ratings oldest first", async () => {
    // Votes that favour the weakest model, so its rating moves between snapshots.
    await addVotes(600, 2, [-0.5, 0, 0.3, 1.5]);
    const latest = await publishSnapshot({ trigger: "admin", actor: CLI_ACTOR });
    publishedHere.push(latest.id);
    const model = models[3];
    const history = await getRatingHistory(model.id);
    expect(history.map((p) => p.snapshotId)).toEqual(publishedHere);
    expect(history).toHaveLength(3);
    const newestFirst = (await listSnapshots()).map((s) => s.id).filter((id) => publishedHere.includes(id));
    expect(newestFirst).toEqual([...publishedHere].reverse());
    for (let i = 1; i < history.length; i++)
      expect(Date.parse(history[i].createdAt)).toBeGreaterThanOrEqual(Date.parse(history[i - 1].createdAt));
    const last = history[history.length - 1];
    const published = (await getSnapshot(latest.id, { slice: "all" }))!.slices[0].rows.find((r) => r.modelId === model.id)!;
    expect(last).toMatchObject({
      snapshotId: latest.id,
      rating: published.rating,
      lower: published.lower,
      upper: published.upper,
      rank: published.rank,
      dataCutoff: latest.dataCutoff,
    });
    expect(last.rating!).toBeGreaterThan(history[0].rating!);

    const europe = await getRatingHistory(model.id, "region:europe");
    expect(europe).toHaveLength(history.length);
    expect(await getRatingHistory(model.id, "language:en")).toEqual([]); // never ranked there
    expect(await getRatingHistory("no-such-model")).toEqual([]);
  });
});
