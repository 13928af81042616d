import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as createRoute } from "../app/api/battles/route";
import { GET as streamRoute } from "../app/api/battles/[id]/stream/route";
import { POST as skipRoute } from "../app/api/battles/[id]/skip/route";
import { POST as voteRoute } from "../app/api/battles/[id]/vote/route";
import { db } from "../lib/db";
import { createContributor, resetDatabase } from "./support/database";
import { callJson, signInAs } from "./support/sessions";
import { createLiveModel, pauseLiveModels } from "./support/arena";
import { startFakeOpenAi, type FakeServer } from "./support/fake-openai";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

let fake: FakeServer;
let identifying: string[] = [];

beforeAll(async () => {
  await resetDatabase();
  await db().rateLimitCounter.deleteMany();
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(async () => {
  await pauseLiveModels();
  await createLiveModel(fake.url, "ok-one", { displayName: "Route Model One", organization: "Route Org", apiKey: "sk-route-secret" });
  await createLiveModel(fake.url, "ok-two", { displayName: "Route Model Two", organization: "Route Org", apiKey: "sk-route-secret" });
  identifying = (await db().model.findMany({ select: { name: true, displayName: true, organization: true } })).flatMap((m) => [
    m.name,
    m.displayName,
    m.organization,
  ]);
});

/** Reads a whole SSE response: the raw text and its events in order. */
async function readStream(id: string): Promise<{ raw: string; events: { event: string; data: any }[] }> {
  const response = await streamRoute(new Request(`http://localhost/api/battles/${id}/stream`), { params: Promise.resolve({ id }) });
  expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
  const raw = await response.text();
  expect(raw.startsWith("retry: ")).toBe(true); // no reconnection replaying the battle
  const events = raw
    .split("\n\n")
    .filter((block) => block.startsWith("event: "))
    .map((block) => {
      const [eventLine, dataLine] = block.split("\n");
      return { event: eventLine.replace("event: ", ""), data: JSON.parse(dataLine.replace("data: ", "")) };
    });
  return { raw, events };
}

function names(text: string): string[] {
  return identifying.filter((n) => text.includes(n));
}

describe("battle routes", () => {
  it("starts a typed-prompt battle, streams both sides together without names, and stores it", async () => {
    const user = await createContributor();
    signInAs(user);
    expect((await callJson(createRoute, { body: { prompt: " \n " } })).status).toBe(400);
    expect((await callJson(createRoute, { body: { prompt: "y".repeat(4001) } })).status).toBe(400);
    expect((await callJson(createRoute, { body: { prompt: 42 } })).status).toBe(400);
    const created = await callJson(createRoute, { body: { prompt: "Name three rivers." } });
    expect(created.status).toBe(201);
    expect(created.body.battle).toMatchObject({ state: "PENDING", prompt: "Name three rivers.", responseA: "" });
    expect(names(JSON.stringify(created.body))).toEqual([]);

    const id = created.body.battle.id;
    const before = fake.requests.length;
    const [first, second] = await Promise.all([readStream(id), readStream(id)]);
    expect(fake.requests.length - before).toBe(2); // two connections, one generation
    const row = await db().battle.findUniqueOrThrow({ where: { id } });
    for (const { raw, events } of [first, second]) {
      expect(names(raw)).toEqual([]);
      expect(raw).not.toContain("sk-route-secret");
      expect(new Set(events.map((e) => e.event))).toEqual(new Set(["wait", "delta", "done"]));
      const deltas = events.filter((e) => e.event === "delta");
      expect(deltas.map((e) => e.data.a).join("")).toBe(row.responseA);
      expect(deltas.map((e) => e.data.b).join("")).toBe(row.responseB);
      // Both sides end in the same frame: the last frame carries the end of both.
      expect(Object.keys(deltas[0].data).sort()).toEqual(["a", "b"]);
      expect(events.at(-1)!.event).toBe("done");
    }
  });

  it("finishes and stores the generation when the browser disconnects", async () => {
    const user = await createContributor();
    signInAs(user);
    const { body } = await callJson(createRoute, { body: { prompt: "Disconnect early" } });
    const response = await streamRoute(new Request("http://localhost/x"), { params: Promise.resolve({ id: body.battle.id }) });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect
      .poll(async () => (await db().battle.findUniqueOrThrow({ where: { id: body.battle.id } })).state, { timeout: 10_000 })
      .toBe("OPEN");
  });

  it("sends one side-agnostic void event when a provider fails", async () => {
    const user = await createContributor();
    signInAs(user);
    await pauseLiveModels();
    await createLiveModel(fake.url, "ok-three");
    await createLiveModel(fake.url, "fail-three");
    const { body } = await callJson(createRoute, { body: { prompt: "Will fail" } });
    const { events } = await readStream(body.battle.id);
    expect(events.filter((e) => e.event !== "wait")).toEqual([{ event: "void", data: { reason: "provider_error" } }]);
  });

  it("votes exactly once: 201, then 200 with the same reveal, 409 for a change, 404 for someone else", async () => {
    const user = await createContributor();
    signInAs(user);
    const { body } = await callJson(createRoute, { body: { prompt: "Vote on me" } });
    const id = body.battle.id;
    expect((await callJson(voteRoute, { params: { id }, body: { outcome: "A" } })).status).toBe(409); // not finished
    await readStream(id);
    const first = await callJson(voteRoute, { params: { id }, body: { outcome: "A" } });
    expect(first.status).toBe(201);
    expect(first.body.modelA.organization).toBe("Route Org");
    const retry = await callJson(voteRoute, { params: { id }, body: { outcome: "A" } });
    expect(retry).toEqual({ status: 200, body: first.body });
    expect((await callJson(voteRoute, { params: { id }, body: { outcome: "B" } })).status).toBe(409);
    signInAs(await createContributor());
    expect((await callJson(voteRoute, { params: { id }, body: { outcome: "A" } })).status).toBe(404);
    expect((await streamRoute(new Request("http://localhost/x"), { params: Promise.resolve({ id }) })).status).toBe(404);
    expect(await db().vote.count({ where: { battleId: id } })).toBe(1);
  });

  it("skips a sampled battle and draws another", async () => {
    const user = await createContributor();
    signInAs(user);
    const first = await callJson(createRoute, { body: {} });
    expect(first.body.battle.isSampled).toBe(true);
    const skipped = await callJson(skipRoute, { params: { id: first.body.battle.id } });
    expect(skipped.status).toBe(201);
    expect(skipped.body.battle.id).not.toBe(first.body.battle.id);
    expect(await db().battle.findUniqueOrThrow({ where: { id: first.body.battle.id } })).toMatchObject({
      state: "VOID",
      voidReason: "skipped",
    });
  });

  it("limits battles per contributor per hour with a 429 and a retry time", async () => {
    const user = await createContributor();
    signInAs(user);
    await db().policySettings.upsert({
      where: { id: 1 },
      create: { id: 1, battlesPerHourPerUser: 1 },
      update: { battlesPerHourPerUser: 1 },
    });
    try {
      expect((await callJson(createRoute, { body: { prompt: "one" } })).status).toBe(201);
      const request = new Request("http://localhost/api/battles", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt: "two" }),
      });
      const limited = await createRoute(request);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await limited.json()).error.code).toBe("rate_limited");
    } finally {
      await db().policySettings.update({ where: { id: 1 }, data: { battlesPerHourPerUser: 60 } });
    }
  });
});
