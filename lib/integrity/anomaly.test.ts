import { describe, expect, it } from "vitest";
import { alternativeDistribution, ANOMALY_ALPHA, nullDistribution, outcomePrior, PRIOR_FLOOR, PRIOR_VOTES, testVoter, type TestedVote } from "./anomaly";
import { createRng as seeded } from "@/lib/rating/rng";

/** Pairs where the first model is usually preferred (probabilities of the four outcomes). */
const CROWD = [0.6, 0.25, 0.1, 0.05];

function draw(random: () => number, probs: number[]): 0 | 1 | 2 | 3 {
  let r = random();
  for (let o = 0; o < 4; o++) {
    r -= probs[o];
    if (r < 0) return o as 0 | 1 | 2 | 3;
  }
  return 3;
}

const others = (n: number): [number, number, number, number] => CROWD.map((p) => Math.round(p * n)) as [number, number, number, number];

describe("distributions", () => {
  it("smooths the null and sums both to 1", () => {
    expect(nullDistribution([0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25]);
    const p = nullDistribution([6, 2, 1, 1]);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    const q = alternativeDistribution([6, 2, 1, 1]);
    expect(q).toEqual([0.125, 0.625, 0.125, 0.125]);
  });
});

describe("board-wide prior", () => {
  it("shares the win outcomes between the sides, floors rare outcomes, and sums to 1", () => {
    const g = outcomePrior([500, 300, 190, 10]);
    expect(g[0]).toBeCloseTo(g[1], 12);
    expect(g.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(g[3]).toBeGreaterThanOrEqual(PRIOR_FLOOR / 1.01);
    expect(outcomePrior([0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("pulls a sparse pair's null towards the board", () => {
    const g = outcomePrior([400, 400, 150, 50]);
    const p = nullDistribution([3, 2, 0, 0], g);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(p[3]).toBeCloseTo((PRIOR_VOTES * g[3]) / (5 + PRIOR_VOTES), 12);
  });

  it("splits the underdog when the crowd is level", () => {
    expect(alternativeDistribution([4, 4, 1, 1])).toEqual([0.375, 0.375, 0.125, 0.125]);
  });
});

describe("testVoter", () => {
  it("flags a voter who judges every answer both bad on sparse pairs, when the board rarely does", () => {
    const prior = outcomePrior([400, 400, 150, 10]);
    const votes: TestedVote[] = Array.from({ length: 24 }, (_, i) => ({ others: [2 + (i % 3), 3, 1, 0], choice: 3 }));
    expect(testVoter(votes, { prior }).isFlagged).toBe(true);
  });

  it("does not flag voters who choose like a sparse crowd with the board's shares", () => {
    const random = seeded(5);
    const shares = [0.4, 0.4, 0.15, 0.05];
    const prior = outcomePrior([4000, 4000, 1500, 500]);
    let flagged = 0;
    for (let v = 0; v < 500; v++) {
      const votes: TestedVote[] = Array.from({ length: 60 }, () => {
        const others = [0, 0, 0, 0] as [number, number, number, number];
        for (let k = 0; k < 6; k++) others[draw(random, shares)]++;
        return { others, choice: draw(random, shares) };
      });
      if (testVoter(votes, { prior }).isFlagged) flagged++;
    }
    expect(flagged / 500).toBeLessThanOrEqual(ANOMALY_ALPHA * 10);
  });

  it("does not flag honest voters who choose like the crowd (false flags well under alpha × 10)", () => {
    const random = seeded(1);
    let flagged = 0;
    const voters = 500;
    for (let v = 0; v < voters; v++) {
      const votes: TestedVote[] = Array.from({ length: 200 }, () => ({ others: others(1000), choice: draw(random, CROWD) }));
      if (testVoter(votes).isFlagged) flagged++;
    }
    expect(flagged / voters).toBeLessThanOrEqual(ANOMALY_ALPHA * 10);
  });

  it("flags a voter who always picks the underdog", () => {
    const votes: TestedVote[] = Array.from({ length: 30 }, () => ({ others: others(1000), choice: 1 }));
    const result = testVoter(votes);
    expect(result.isFlagged).toBe(true);
    expect(result.votesTested).toBe(30);
    expect(result.e).toBeGreaterThan(1 / ANOMALY_ALPHA);
  });

  it("flags a voter who clicks at random, given enough votes", () => {
    const random = seeded(3);
    const votes: TestedVote[] = Array.from({ length: 300 }, () => ({ others: others(1000), choice: Math.floor(random() * 4) as 0 | 1 | 2 | 3 }));
    expect(testVoter(votes).isFlagged).toBe(true);
  });

  it("needs a minimum number of tested votes", () => {
    const votes: TestedVote[] = Array.from({ length: 19 }, () => ({ others: others(1000), choice: 3 }));
    const result = testVoter(votes);
    expect(result.logE).toBeGreaterThan(Math.log(1 / ANOMALY_ALPHA));
    expect(result.isFlagged).toBe(false);
  });

  it("skips pairs with too few votes from others", () => {
    const votes: TestedVote[] = Array.from({ length: 50 }, () => ({ others: [2, 0, 0, 0], choice: 1 }));
    expect(testVoter(votes)).toMatchObject({ votesTested: 0, logE: 0, isFlagged: false });
  });

  it("does not depend on the order of the votes", () => {
    const random = seeded(9);
    const votes: TestedVote[] = Array.from({ length: 40 }, () => ({ others: others(200 + Math.floor(random() * 500)), choice: draw(random, [0.25, 0.25, 0.25, 0.25]) }));
    expect(testVoter([...votes].reverse()).logE).toBeCloseTo(testVoter(votes).logE, 9);
  });
});
