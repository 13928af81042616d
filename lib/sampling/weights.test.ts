import { describe, expect, it } from "vitest";
import {
  appearanceProbabilities,
  drawFromPlan,
  modelBoost,
  PAIR_MAX_BOOST,
  pairFactor,
  planSampling,
  samplingRecord,
  type SamplingModel,
} from "./weights";
import { createRng as seeded } from "@/lib/rating/rng";

const params = { targetVotes: 300, maxBoost: 3 };
const model = (id: string, over: Partial<SamplingModel> = {}): SamplingModel => ({
  id,
  organization: `org-${id}`,
  visibility: "PUBLIC",
  samplingWeight: 1,
  votes: 1000,
  ...over,
});
const noPairVotes = () => 1000;

describe("model boost", () => {
  it.each([
    [0, 3],
    [150, 2],
    [300, 1],
    [5000, 1],
  ])("at %i votes is %f", (votes, boost) => {
    expect(modelBoost(votes, params)).toBeCloseTo(boost, 12);
  });

  it("stays within [1, maxBoost] and never grows with votes", () => {
    let last = Infinity;
    for (let v = 0; v <= 400; v += 7) {
      const b = modelBoost(v, params);
      expect(b).toBeGreaterThanOrEqual(1);
      expect(b).toBeLessThanOrEqual(3);
      expect(b).toBeLessThanOrEqual(last);
      last = b;
    }
  });

  it("is 1 when maxBoost is 1 (boosting off)", () => {
    expect(modelBoost(0, { targetVotes: 300, maxBoost: 1 })).toBe(1);
  });
});

describe("pair factor", () => {
  it("is bounded by PAIR_MAX_BOOST and reaches 1 at the pair target", () => {
    expect(pairFactor(0, 10)).toBe(PAIR_MAX_BOOST);
    expect(pairFactor(5, 10)).toBeCloseTo(1.5, 12);
    expect(pairFactor(10, 10)).toBe(1);
    expect(pairFactor(99, 10)).toBe(1);
  });
});

describe("planSampling", () => {
  it("gives equal probabilities to equal, well-voted models", () => {
    const plan = planSampling([model("a"), model("b"), model("c")], noPairVotes, params);
    expect(plan.pairs).toHaveLength(3);
    for (const p of plan.pairs) expect(p.probability).toBeCloseTo(1 / 3, 12);
    expect(appearanceProbabilities(plan).reduce((s, x) => s + x, 0)).toBeCloseTo(2, 12);
  });

  it("favours a new model by its boost (weights multiply)", () => {
    const plan = planSampling([model("new", { votes: 0 }), model("b"), model("c")], noPairVotes, params);
    const weightOf = (x: string, y: string) =>
      plan.pairs.find((p) => [plan.models[p.i].id, plan.models[p.j].id].sort().join() === [x, y].sort().join())!.weight;
    expect(weightOf("new", "b")).toBeCloseTo(3, 12);
    expect(weightOf("b", "c")).toBeCloseTo(1, 12);
    const chance = appearanceProbabilities(plan);
    expect(chance[0]).toBeCloseTo(6 / 7, 12);
  });

  it("favours an under-voted pair by at most PAIR_MAX_BOOST", () => {
    const plan = planSampling([model("a"), model("b"), model("c")], (x, y) => ([x, y].sort().join() === "a,b" ? 0 : 1000), params);
    const ab = plan.pairs.find((p) => plan.models[p.i].id === "a" && plan.models[p.j].id === "b")!;
    expect(ab.factor).toBe(PAIR_MAX_BOOST);
    expect(ab.probability).toBeCloseTo(2 / 4, 12);
    expect(plan.params.pairTargetVotes).toBe(150);
  });

  it("never pairs two private-testing variants of the same organization", () => {
    const plan = planSampling(
      [
        model("p1", { organization: "Acme", visibility: "PRIVATE_TESTING" }),
        model("p2", { organization: "Acme", visibility: "PRIVATE_TESTING" }),
        model("q", { organization: "Other", visibility: "PRIVATE_TESTING" }),
        model("pub", { organization: "Acme" }),
      ],
      noPairVotes,
      params,
    );
    const ids = plan.pairs.map((p) => [plan.models[p.i].id, plan.models[p.j].id].join("-"));
    expect(ids).not.toContain("p1-p2");
    expect(ids).toEqual(expect.arrayContaining(["p1-q", "p1-pub", "p2-q", "p2-pub", "q-pub"]));
    expect(ids).toHaveLength(5);
  });

  it("leaves out withdrawn models and models with weight 0", () => {
    const plan = planSampling(
      [model("a"), model("w", { visibility: "WITHDRAWN" }), model("z", { samplingWeight: 0 }), model("b")],
      noPairVotes,
      params,
    );
    expect(plan.pairs.map((p) => [plan.models[p.i].id, plan.models[p.j].id].join("-"))).toEqual(["a-b"]);
    expect(plan.pairs[0].probability).toBe(1);
  });

  it("has no pair with fewer than two usable models", () => {
    const plan = planSampling([model("a")], noPairVotes, params);
    expect(plan.pairs).toEqual([]);
    expect(drawFromPlan(plan, Math.random)).toBeNull();
  });
});

describe("drawFromPlan", () => {
  it("draws pairs with their probabilities and each side half the time", () => {
    const plan = planSampling([model("new", { votes: 0 }), model("b"), model("c")], noPairVotes, params);
    const random = seeded(7);
    const seen = new Map<string, number>();
    let newOnLeft = 0;
    let withNew = 0;
    const n = 70_000;
    for (let k = 0; k < n; k++) {
      const d = drawFromPlan(plan, random)!;
      const key = [d.left.id, d.right.id].sort().join("-");
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if (d.left.id === "new" || d.right.id === "new") {
        withNew++;
        if (d.left.id === "new") newOnLeft++;
      }
    }
    expect(seen.get("b-new")! / n).toBeCloseTo(3 / 7, 2);
    expect(seen.get("b-c")! / n).toBeCloseTo(1 / 7, 2);
    expect(newOnLeft / withNew).toBeCloseTo(0.5, 2);
  });

  it("records the weights the battle was drawn with", () => {
    const plan = planSampling([model("a", { votes: 0 }), model("b")], noPairVotes, params);
    const drawn = drawFromPlan(plan, () => 0.1)!; // 0.1 < 0.5: the sides are swapped
    const record = samplingRecord(plan, drawn);
    expect(record).toMatchObject({
      version: "showdown-sampling-v1",
      params: { targetVotes: 300, maxBoost: 3 },
      pair: { probability: 1 },
      allowedPairs: 1,
    });
    expect(record.left.id).toBe("b");
    expect(record.right).toMatchObject({ id: "a", votes: 0, boost: 3, weight: 3 });
  });
});
