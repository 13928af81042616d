import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateBattle, settleBattle } from "../lib/battle/generation";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { createBattle, getArenaOptions, getCurrentBattle, getOrCreateOpenBattle, skipBattle } from "../lib/queries/battles";
import { recordVote } from "../lib/queries/votes";
import { createContributor, resetDatabase } from "./support/database";
import { createLiveModel, pauseLiveModels } from "./support/arena";
import { okAnswer, startFakeOpenAi, type FakeServer } from "./support/fake-openai";

let fake: FakeServer;

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : `unexpected: ${String(error)}`;
  }
  return "no error";
}

beforeAll(async () => {
  await resetDatabase();
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(pauseLiveModels);

/** Exactly these live models are active (earlier tests' models are paused). */
async function liveRoster(...modelIds: string[]) {
  const models = [];
  for (const id of modelIds) models.push(await createLiveModel(fake.url, id, { apiKey: "sk-battle-secret", timeoutMs: 1500 }));
  return models;
}

describe("live battles", () => {
  it("offers typed prompts only with two live models, and validates them", async () => {
    const user = await createContributor();
    expect(await getArenaOptions()).toEqual({ canTypePrompt: false, canSample: true });
    expect(await errorCode(createBattle(user.id, { prompt: "Hello" }))).toBe("no_models");
    await liveRoster("ok-a", "ok-b");
    expect(await getArenaOptions()).toEqual({ canTypePrompt: true, canSample: true });
    expect(await errorCode(createBattle(user.id, { prompt: "   \n  " }))).toBe("invalid_input");
    expect(await errorCode(createBattle(user.id, { prompt: "x".repeat(4001) }))).toBe("invalid_input");
  });

  it("creates a PENDING battle with its sampling record, generates once, and stores measurements", async () => {
    const user = await createContributor();
    const [a, b] = await liveRoster("ok-a", "ok-b");
    const battle = await createBattle(user.id, { prompt: "Why is the sky blue?" });
    expect(battle).toMatchObject({ state: "PENDING", prompt: "Why is the sky blue?", isSampled: false, responseA: "", responseB: "" });
    expect(JSON.stringify(battle)).not.toMatch(/live-ok|Testing Org/);
    const before = fake.requests.length;
    // Two stream requests (two tabs, or two replicas) at once: one claims and generates, the other waits.
    await Promise.all([settleBattle(battle.id), settleBattle(battle.id), settleBattle(battle.id)]);
    expect(fake.requests.length - before).toBe(2);
    expect(await generateBattle(battle.id)).toBe(false);
    const row = await db().battle.findUniqueOrThrow({ where: { id: battle.id }, include: { prompt: true } });
    expect(row.state).toBe("OPEN");
    expect(new Set([row.modelAId, row.modelBId])).toEqual(new Set([a.id, b.id]));
    expect(row.prompt.source).toBe("user");
    expect(row.sampling).toBeTruthy();
    expect(row.responseA).toBe(okAnswer("Why is the sky blue?").join(""));
    expect(row.featuresA).toMatchObject({ tokens: 15, isTokensEstimated: false, headers: 1, listItems: 2, boldSpans: 1 });
    expect((row.featuresA as { latencyMs: number }).latencyMs).toBeGreaterThan(0);
    expect(row.leakTerms).toEqual([]);
    expect(fake.requests.at(-1)!.authorization).toBe("Bearer sk-battle-secret");
    expect((await getCurrentBattle(user.id))?.responseA).toBe(row.responseA);
  });

  it.each([
    ["fail-x", "provider_error"],
    ["malformed-x", "provider_error"],
    ["slow-x", "timeout"],
  ])("voids the battle when one side is %s, storing nothing of either side", async (bad, reason) => {
    const user = await createContributor();
    await liveRoster("ok-a", bad);
    const battle = await createBattle(user.id, { prompt: "Tell me a joke" });
    await settleBattle(battle.id);
    const row = await db().battle.findUniqueOrThrow({ where: { id: battle.id } });
    expect(row).toMatchObject({ state: "VOID", voidReason: reason, responseA: "", responseB: "", featuresA: null });
    expect(await errorCode(recordVote({ battleId: battle.id, userId: user.id, outcome: "A" }))).toBe("battle_closed");
    expect(await db().vote.count({ where: { battleId: battle.id } })).toBe(0);
  });

  it("voids a stale GENERATING claim left by a crashed process", async () => {
    const user = await createContributor();
    await liveRoster("ok-a", "ok-b");
    const battle = await createBattle(user.id, { prompt: "Anything" });
    await db().battle.update({
      where: { id: battle.id },
      data: { state: "GENERATING", generationStartedAt: new Date(Date.now() - 10 * 60_000) },
    });
    await settleBattle(battle.id);
    expect(await db().battle.findUniqueOrThrow({ where: { id: battle.id } })).toMatchObject({ state: "VOID", voidReason: "timeout" });
  });

  it("flags an identity leak: the vote is accepted, marked, and the reveal says so", async () => {
    const user = await createContributor();
    await liveRoster("ok-a", "leaky-a");
    const battle = await createBattle(user.id, { prompt: "Who are you?" });
    expect(await errorCode(recordVote({ battleId: battle.id, userId: user.id, outcome: "A" }))).toBe("battle_closed");
    await settleBattle(battle.id);
    const row = await db().battle.findUniqueOrThrow({ where: { id: battle.id } });
    expect(row.leakTerms).toEqual(expect.arrayContaining(["Claude", "Anthropic"]));
    const reveal = await recordVote({ battleId: battle.id, userId: user.id, outcome: "B" });
    expect(reveal.isIdentityLeak).toBe(true);
    expect(await db().vote.findUniqueOrThrow({ where: { battleId: battle.id } })).toMatchObject({ identityLeak: true, excluded: false });
  });

  it("stores votes of an excluded voter as excluded", async () => {
    const user = await createContributor();
    await pauseLiveModels();
    await db().voterReview.create({ data: { userId: user.id, status: "EXCLUDED", score: 100, votesTested: 20 } });
    const battle = await createBattle(user.id);
    await recordVote({ battleId: battle.id, userId: user.id, outcome: "TIE" });
    expect(await db().vote.findUniqueOrThrow({ where: { battleId: battle.id } })).toMatchObject({ excluded: true, identityLeak: false });
  });
});

describe("sampled battles and skipping", () => {
  it("answers a corpus prompt at once with two replay models", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    expect(battle.state).toBe("OPEN");
    expect(battle.isSampled).toBe(true);
    expect(battle.responseA.length).toBeGreaterThan(0);
    const row = await db().battle.findUniqueOrThrow({ where: { id: battle.id } });
    expect(row.featuresA).toMatchObject({ isTokensEstimated: true });
    expect(row.sampling).toBeTruthy();
  });

  it("lets live models answer corpus prompts too, so replay and live models meet; live pairs stream", async () => {
    const user = await createContributor();
    const [live] = await liveRoster("ok-a");
    const kinds = new Set<string>();
    for (let i = 0; i < 40 && kinds.size < 2; i++) {
      const battle = await createBattle(user.id);
      const row = await db().battle.findUniqueOrThrow({ where: { id: battle.id }, select: { modelAId: true, modelBId: true } });
      const withLive = row.modelAId === live.id || row.modelBId === live.id;
      kinds.add(withLive ? "mixed" : "replay");
      // A replay pair is answered at once; a pair with a live model is PENDING until streamed.
      expect(battle.state).toBe(withLive ? "PENDING" : "OPEN");
      if (withLive) {
        await settleBattle(battle.id);
        expect(await db().battle.findUniqueOrThrow({ where: { id: battle.id } })).toMatchObject({ state: "OPEN" });
      }
    }
    // The new live model is boosted (no votes yet), so it is drawn within a few battles.
    expect(kinds).toEqual(new Set(["mixed", "replay"]));
  });

  it("skips a sampled prompt: the battle is void with reason skipped, and cannot be skipped twice", async () => {
    const user = await createContributor();
    const other = await createContributor();
    const battle = await createBattle(user.id);
    expect(await errorCode(skipBattle(other.id, battle.id))).toBe("not_found");
    await skipBattle(user.id, battle.id);
    expect(await db().battle.findUniqueOrThrow({ where: { id: battle.id } })).toMatchObject({ state: "VOID", voidReason: "skipped" });
    expect(await errorCode(skipBattle(user.id, battle.id))).toBe("battle_closed");
    expect(await getCurrentBattle(user.id)).toBeNull();
  });

  it("closes an unfinished earlier battle when a new one starts", async () => {
    const user = await createContributor();
    const first = await createBattle(user.id);
    const second = await createBattle(user.id);
    expect(await db().battle.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "VOID", voidReason: "abandoned" });
    expect((await getCurrentBattle(user.id))?.id).toBe(second.id);
  });

  it("leaves exactly one unfinished battle when one contributor starts 15 at once", async () => {
    const user = await createContributor();
    const other = await createContributor();
    const otherBattle = await createBattle(other.id);
    const started = await Promise.all(Array.from({ length: 15 }, () => createBattle(user.id)));
    expect(new Set(started.map((b) => b.id)).size).toBe(15); // every start answered with a battle of its own
    const unfinished = await db().battle.findMany({
      where: { createdById: user.id, state: { in: ["PENDING", "GENERATING", "OPEN"] } },
      select: { id: true },
    });
    expect(unfinished).toHaveLength(1);
    expect((await getCurrentBattle(user.id))?.id).toBe(unfinished[0].id);
    const closed = await db().battle.findMany({
      where: { createdById: user.id, id: { not: unfinished[0].id } },
      select: { state: true, voidReason: true },
    });
    expect(closed).toHaveLength(14);
    expect(closed.every((b) => b.state === "VOID" && b.voidReason === "abandoned")).toBe(true);
    // another contributor's battle is untouched
    expect((await getCurrentBattle(other.id))?.id).toBe(otherBattle.id);
  });

  it("agrees on one battle when 15 page loads find none at once", async () => {
    const user = await createContributor();
    const shown = await Promise.all(Array.from({ length: 15 }, () => getOrCreateOpenBattle(user.id)));
    expect(new Set(shown.map((b) => b.id)).size).toBe(1);
    expect(await db().battle.count({ where: { createdById: user.id } })).toBe(1);
  });

  it("closes a battle still generating when a new one starts, and its generation cannot reopen it", async () => {
    const user = await createContributor();
    const first = await createBattle(user.id);
    await db().battle.update({ where: { id: first.id }, data: { state: "PENDING", responseA: "", responseB: "" } });
    await db().battle.update({ where: { id: first.id }, data: { state: "GENERATING" } });
    const second = await createBattle(user.id);
    expect(await db().battle.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "VOID", voidReason: "abandoned" });
    expect(await generateBattle(first.id)).toBe(false); // no longer PENDING: nobody may claim it
    expect((await getCurrentBattle(user.id))?.id).toBe(second.id);
  });
});
