import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { drawPair, getSamplingTable, type SamplingCandidate } from "../lib/queries/sampling";
import { markVotesChanged } from "../lib/slice-index/vote-index";
import { resetDatabase } from "./support/database";

let candidates: SamplingCandidate[];

beforeAll(async () => {
  await resetDatabase();
  const specs = [
    { name: "s-old", organization: "Alpha", visibility: "PUBLIC" as const },
    { name: "s-new", organization: "Beta", visibility: "PUBLIC" as const },
    { name: "s-priv1", organization: "Gamma", visibility: "PRIVATE_TESTING" as const },
    { name: "s-priv2", organization: "Gamma", visibility: "PRIVATE_TESTING" as const },
  ];
  const models = await Promise.all(
    specs.map((s) =>
      db().model.create({
        data: { ...s, displayName: s.name, license: "proprietary" },
        select: { id: true, name: true, organization: true, visibility: true, samplingWeight: true },
      }),
    ),
  );
  candidates = models;
  const id = Object.fromEntries(models.map((m) => [m.name, m.id]));
  // s-old has 400 counted votes (at the target, no boost); leak-flagged votes do not count.
  const votes: {
    voterKey: string;
    modelAId: string;
    modelBId: string;
    outcome: "A";
    source: "IMPORT" | "ARENA";
    identityLeak?: boolean;
  }[] = Array.from({ length: 400 }, (_, i) => ({
    voterKey: `sv${i % 30}`,
    modelAId: id["s-old"],
    modelBId: id["s-priv1"],
    outcome: "A" as const,
    source: "IMPORT" as const,
  }));
  votes.push(
    ...Array.from({ length: 50 }, (_, i) => ({
      voterKey: `sl${i}`,
      modelAId: id["s-new"],
      modelBId: id["s-old"],
      outcome: "A" as const,
      source: "ARENA" as const,
      identityLeak: true,
    })),
  );
  await db().vote.createMany({ data: votes });
  markVotesChanged();
});

describe("drawPair", () => {
  it("never pairs the two private variants of one provider, and records the weights it drew with", async () => {
    const seen = new Set<string>();
    for (let k = 0; k < 300; k++) {
      const { left, right, sampling } = await drawPair(candidates);
      const names = [left, right].map((id) => candidates.find((c) => c.id === id)!.name).sort();
      seen.add(names.join("+"));
      expect(names.join("+")).not.toBe("s-priv1+s-priv2");
      const record = sampling as { left: { id: string }; right: { id: string }; pair: { probability: number }; version: string };
      expect(record.left.id).toBe(left);
      expect(record.right.id).toBe(right);
      expect(record.pair.probability).toBeGreaterThan(0);
      expect(record.version).toBe("showdown-sampling-v1");
    }
    expect(seen.size).toBe(5);
  });

  it("refuses when no pair is allowed", async () => {
    const only = candidates.filter((c) => c.visibility === "PRIVATE_TESTING");
    const error = await drawPair(only).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("no_models");
  });
});

describe("getSamplingTable", () => {
  it("boosts the models with few counted votes and hides private codenames", async () => {
    const table = await getSamplingTable();
    expect(table.params).toMatchObject({ targetVotes: 300, maxBoost: 3 });
    const byOrg = (org: string) => table.rows.filter((r) => r.organization === org);
    const [old] = byOrg("Alpha");
    const [fresh] = byOrg("Beta");
    expect(old).toMatchObject({ name: "s-old", votes: 400, boost: 1 });
    expect(fresh).toMatchObject({ name: "s-new", votes: 0, boost: 3 });
    expect(fresh.probability).toBeGreaterThan(old.probability);
    expect(byOrg("Gamma").map((r) => r.name)).toEqual([null, null]);
    expect(table.rows.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(2, 10);
    expect(table.allowedPairs).toBe(5);
  });
});
