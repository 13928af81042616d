import { describe, expect, it } from "vitest";
import {
  ANOMALY_ALPHA,
  ANOMALY_MIN_VOTES,
  ANOMALY_RECHECK_FACTOR,
  EMPTY_EVIDENCE,
  FIXED_ALTERNATIVES,
  FIXED_WEIGHT,
  MAX_MODEL_ALTERNATIVES,
  MODEL_WEIGHT,
  PRIOR_FLOOR,
  PRIOR_VOTES,
  boardPrior,
  extendEvidence,
  extendLogProducts,
  isFlagged,
  isTestedVote,
  mixtureLog,
  predictiveNull,
  reviewAction,
  strongestAlternative,
  type Choice,
  type EvidenceState,
  type EvidenceVote,
} from "./anomaly";
import { createRng } from "@/lib/rating/rng";

type Four = [number, number, number, number];
const FIXED = FIXED_ALTERNATIVES.length;
const BOARD: Four = [4000, 4000, 1500, 500];

/** One outcome drawn from probabilities over the four choices. */
function draw(random: () => number, probs: ArrayLike<number>): Choice {
  let r = random();
  for (let o = 0; o < 4; o++) {
    r -= probs[o]!;
    if (r < 0) return o as Choice;
  }
  return 3;
}

/** log E_k of every component after one vote alone (both models in slots 0 and 1). */
function singleFactors(p: ArrayLike<number>, choice: Choice): number[] {
  const logE = new Array<number>(FIXED + 4).fill(0);
  extendLogProducts(logE, 0, p, choice, 0, 1);
  return logE;
}

/** log Σ_k w_k E_k written out term by term, with `unmet` model slots' weight at product 1. */
function bruteMixture(logE: Record<string, number>, models: number): number {
  let sum = 0;
  for (const k of FIXED_ALTERNATIVES) sum += FIXED_WEIGHT * Math.exp(logE[k] ?? 0);
  for (const [key, value] of Object.entries(logE)) if (key.includes(":")) sum += MODEL_WEIGHT * Math.exp(value);
  sum += MODEL_WEIGHT * 2 * (MAX_MODEL_ALTERNATIVES - models);
  return Math.log(sum);
}

describe("the predictive null", () => {
  it("shares the win outcomes between the sides, floors rare outcomes and sums to 1", () => {
    const g = boardPrior([500, 300, 190, 10]);
    expect(g[0]).toBeCloseTo(g[1]!, 12);
    expect(g[0]! + g[1]! + g[2]! + g[3]!).toBeCloseTo(1, 12);
    expect(g[3]).toBeGreaterThanOrEqual(PRIOR_FLOOR / 1.01);
    expect(Array.from(boardPrior([0, 0, 0, 0]))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("is the Dirichlet-multinomial predictive: prior alone on an empty pair, counts dominating a busy one", () => {
    const g = boardPrior(BOARD);
    expect(Array.from(predictiveNull([0, 0, 0, 0], g))).toEqual(Array.from(g));
    const p = predictiveNull([3, 2, 0, 0], g);
    expect(p[3]).toBeCloseTo((PRIOR_VOTES * g[3]!) / (5 + PRIOR_VOTES), 12);
    const busy = predictiveNull([60_000, 30_000, 8_000, 2_000], g);
    expect(busy[0]).toBeCloseTo(0.6, 3);
    for (const q of [p, busy]) expect(q[0]! + q[1]! + q[2]! + q[3]!).toBeCloseTo(1, 12);
  });
});

describe("each factor has expectation exactly 1 under the predictive null (exact summation)", () => {
  const random = createRng(11);
  const cases: Four[] = [
    [0, 0, 0, 0],
    [1, 0, 0, 0],
    [3, 3, 1, 0],
    [5, 0, 0, 9],
    [700, 200, 70, 30],
    [20, 900, 60, 20],
    [50_000, 49_000, 20_000, 1_000],
    ...Array.from({ length: 40 }, () => Array.from({ length: 4 }, () => Math.floor(random() ** 3 * 2000)) as Four),
  ];
  const priors = [boardPrior([0, 0, 0, 0]), boardPrior(BOARD), boardPrior([900, 100, 0, 0])];
  it.each(cases.map((c) => [c.join("/"), c] as const))("counts %s", (_, counts) => {
    for (const prior of priors) {
      const p = predictiveNull(counts, prior);
      const expectation = new Array<number>(FIXED + 4).fill(0);
      for (let o = 0; o < 4; o++) {
        singleFactors(p, o as Choice).forEach((logFactor, k) => (expectation[k]! += p[o]! * Math.exp(logFactor)));
      }
      for (const e of expectation) expect(e).toBeCloseTo(1, 12);
    }
  });
});

describe("the e-process", () => {
  it("starts at M = 1, and its weights sum to 1", () => {
    expect(FIXED * FIXED_WEIGHT + 2 * MAX_MODEL_ALTERNATIVES * MODEL_WEIGHT).toBeCloseTo(1, 14);
    expect(mixtureLog([0, 0, 0, 0, 0, 0], 0, 0)).toBeCloseTo(0, 14);
    expect(mixtureLog(new Array(FIXED + 20).fill(0), 0, 10)).toBeCloseTo(0, 14);
  });

  it("fixes a vote's factor when it is cast: later records never change it", () => {
    const vote: EvidenceVote = { modelA: "x", modelB: "y", choice: 1 };
    const first = extendEvidence(EMPTY_EVIDENCE, vote, [40, 10, 5, 1], BOARD);
    const snapshot = structuredClone(first);
    // The crowd's record of the pair then turns around; the voter votes again on it.
    const second = extendEvidence(first, vote, [40, 400, 5, 1], BOARD);
    expect(first).toEqual(snapshot);
    const alone = extendEvidence(EMPTY_EVIDENCE, vote, [40, 400, 5, 1], BOARD);
    for (const key of Object.keys(second.logE)) expect(second.logE[key]).toBeCloseTo(first.logE[key]! + alone.logE[key]!, 12);
    expect(second.votesTested).toBe(2);
  });

  it("extending vote by vote gives the product of the factors each computed from its own past", () => {
    const random = createRng(5);
    const models = ["a", "b", "c", "d", "e"];
    let state: EvidenceState = EMPTY_EVIDENCE;
    const sums: Record<string, number> = {};
    let max = 0;
    for (let t = 0; t < 300; t++) {
      const i = Math.floor(random() * models.length);
      const j = (i + 1 + Math.floor(random() * (models.length - 1))) % models.length;
      const vote: EvidenceVote = { modelA: models[i]!, modelB: models[j]!, choice: Math.floor(random() * 4) as Choice };
      const counts = Array.from({ length: 4 }, () => Math.floor(random() * 50)) as Four;
      const single = extendEvidence(EMPTY_EVIDENCE, vote, counts, BOARD);
      for (const [k, v] of Object.entries(single.logE)) sums[k] = (sums[k] ?? 0) + v;
      state = extendEvidence(state, vote, counts, BOARD);
      max = Math.max(max, state.logMixture);
      expect(state.logMixture).toBeCloseTo(
        bruteMixture(state.logE, Object.keys(state.logE).filter((k) => k.startsWith("favours:")).length),
        9,
      );
    }
    for (const [k, v] of Object.entries(sums)) expect(state.logE[k]).toBeCloseTo(v, 9);
    expect(state.votesTested).toBe(300);
    expect(state.logMax).toBeCloseTo(max, 12);
  });

  it("adds a model met mid-stream at product 1: the same mixture as if its components were there from the start", () => {
    const random = createRng(8);
    const g = boardPrior(BOARD);
    const early: EvidenceVote[] = Array.from({ length: 30 }, () => ({
      modelA: "a",
      modelB: "b",
      choice: draw(random, [0.2, 0.5, 0.2, 0.1]),
    }));
    let state: EvidenceState = EMPTY_EVIDENCE;
    // From the start: slots a = 0, b = 1, c = 2, all at log 0.
    const full = new Array<number>(FIXED + 6).fill(0);
    const p = new Float64Array(4);
    for (const vote of early) {
      state = extendEvidence(state, vote, [30, 20, 5, 2], BOARD);
      extendLogProducts(full, 0, predictiveNull([30, 20, 5, 2], g, p), vote.choice, 0, 1);
    }
    expect(Object.keys(state.logE).some((k) => k.endsWith(":c"))).toBe(false);
    expect(state.logMixture).toBeCloseTo(mixtureLog(full, 0, 3), 12);
    // c joins: its components enter with their prior weight and the factors of this first vote only.
    const late: EvidenceVote = { modelA: "c", modelB: "a", choice: 0 };
    const joined = extendEvidence(state, late, [0, 0, 0, 0], BOARD);
    extendLogProducts(full, 0, predictiveNull([0, 0, 0, 0], g, p), 0, 2, 0);
    expect(joined.logE["favours:c"]).toBeCloseTo(full[FIXED + 4]!, 12);
    expect(joined.logE["against:c"]).toBeCloseTo(full[FIXED + 5]!, 12);
    expect(joined.logE["favours:c"]).toBeCloseTo(extendEvidence(EMPTY_EVIDENCE, late, [0, 0, 0, 0], BOARD).logE["favours:c"]!, 12);
    expect(joined.logMixture).toBeCloseTo(mixtureLog(full, 0, 3), 12);
    expect(joined.logMixture).toBeCloseTo(bruteMixture(joined.logE, 3), 12);
  });

  it("gives no component to models beyond MAX_MODEL_ALTERNATIVES (weight 0), and keeps M a proper mixture", () => {
    let state: EvidenceState = EMPTY_EVIDENCE;
    for (let m = 0; m < MAX_MODEL_ALTERNATIVES + 4; m += 2) {
      state = extendEvidence(state, { modelA: `m${m}`, modelB: `m${m + 1}`, choice: 0 }, [10, 10, 2, 1], BOARD);
    }
    const favoured = Object.keys(state.logE).filter((k) => k.startsWith("favours:"));
    expect(favoured.length).toBe(MAX_MODEL_ALTERNATIVES);
    expect(state.logE[`favours:m${MAX_MODEL_ALTERNATIVES}`]).toBeUndefined();
    expect(state.logMixture).toBeCloseTo(bruteMixture(state.logE, MAX_MODEL_ALTERNATIVES), 9);
  });

  it("leaves a model's components untouched on votes without it", () => {
    const state = extendEvidence(EMPTY_EVIDENCE, { modelA: "a", modelB: "b", choice: 0 }, [10, 10, 3, 1], BOARD);
    const next = extendEvidence(state, { modelA: "c", modelB: "d", choice: 0 }, [10, 10, 3, 1], BOARD);
    expect(next.logE["favours:a"]).toBe(state.logE["favours:a"]);
    expect(next.logE["against:b"]).toBe(state.logE["against:b"]);
  });
});

/**
 * A board where "top" beats everyone about 70% of the time (ties and both-bad 20%), with a crowd record of
 * `crowd` votes per pair, and one voter's stream: `pick(opponent, isTopLeft)` returns the choice.
 */
function voterOnBoard(
  battles: number,
  crowd: number,
  pick: (random: () => number, p: ArrayLike<number>, isTopLeft: boolean) => Choice,
  seed = 1,
) {
  const random = createRng(seed);
  const g = boardPrior(BOARD);
  let state: EvidenceState = EMPTY_EVIDENCE;
  let flaggedAfter = -1;
  for (let t = 1; t <= battles; t++) {
    const isTopLeft = random() < 0.5;
    const opponent = `m${Math.floor(random() * 10)}`;
    const counts: Four = isTopLeft
      ? [0.7 * crowd, 0.1 * crowd, 0.15 * crowd, 0.05 * crowd]
      : [0.1 * crowd, 0.7 * crowd, 0.15 * crowd, 0.05 * crowd];
    const p = predictiveNull(counts, g);
    state = extendEvidence(
      state,
      { modelA: isTopLeft ? "top" : opponent, modelB: isTopLeft ? opponent : "top", choice: pick(random, p, isTopLeft) },
      counts,
      BOARD,
    );
    if (flaggedAfter < 0 && isFlagged(state)) flaggedAfter = t;
  }
  return { state, flaggedAfter };
}

describe("power and calibration", () => {
  it("flags a booster of a strong model (it always wins when shown) within 60 battles", () => {
    const { flaggedAfter, state } = voterOnBoard(120, 1000, (_r, _p, isTopLeft) => (isTopLeft ? 0 : 1));
    expect(flaggedAfter).toBeGreaterThan(0);
    expect(flaggedAfter).toBeLessThanOrEqual(60);
    expect(strongestAlternative(state.logE)).toBe("favours");
  });

  it("flags a voter who always votes against a strong model", () => {
    const { flaggedAfter, state } = voterOnBoard(120, 1000, (_r, _p, isTopLeft) => (isTopLeft ? 1 : 0));
    expect(flaggedAfter).toBeGreaterThan(0);
    expect(["against", "underdog", "random"]).toContain(strongestAlternative(state.logE));
  });

  it("flags always-the-same-button voters after the minimum number of votes", () => {
    for (const button of [0, 3] as Choice[]) {
      const { flaggedAfter, state } = voterOnBoard(60, 1000, () => button);
      expect(flaggedAfter).toBe(ANOMALY_MIN_VOTES);
      expect(strongestAlternative(state.logE)).toBe(button === 0 ? "left" : "bothBad");
    }
  });

  it("rarely flags voters who choose like the crowd, on busy and on thin pairs (well under α × 5)", () => {
    let flagged = 0;
    const voters = 1000;
    for (let v = 0; v < voters; v++) {
      const crowd = v % 2 === 0 ? 1000 : 3;
      if (voterOnBoard(200, crowd, (random, p) => draw(random, p), 100 + v).flaggedAfter > 0) flagged++;
    }
    expect(flagged / voters).toBeLessThanOrEqual(ANOMALY_ALPHA * 5);
  });
});

describe("flag and review rules", () => {
  const threshold = Math.log(1 / ANOMALY_ALPHA);
  const at = (logMixture: number, votesTested = 50): EvidenceState => ({
    logE: {},
    logMixture,
    logMax: Math.max(0, logMixture),
    votesTested,
  });

  it("flags at M ≥ 1/α now, after the minimum number of tested votes", () => {
    expect(isFlagged(at(threshold))).toBe(true);
    expect(isFlagged(at(threshold - 1e-9))).toBe(false);
    expect(isFlagged(at(threshold + 5, ANOMALY_MIN_VOTES - 1))).toBe(false);
    const faded: EvidenceState = { ...at(1), logMax: threshold + 3 }; // an early streak that has faded
    expect(isFlagged(faded)).toBe(false);
  });

  it.each([
    ["no review, below the threshold", at(threshold - 1), null, "none"],
    ["no review, at the threshold", at(threshold), null, "flag"],
    ["open flag", at(1), { status: "FLAGGED" as const, score: 5000 }, "refresh"],
    ["excluded", at(1), { status: "EXCLUDED" as const, score: 5000 }, "refresh"],
    ["cleared, same evidence", at(Math.log(5000)), { status: "CLEARED" as const, score: 5000 }, "none"],
    ["cleared, grown 1000-fold", at(Math.log(5000 * ANOMALY_RECHECK_FACTOR)), { status: "CLEARED" as const, score: 5000 }, "reflag"],
    ["cleared with no evidence, grown to the threshold", at(threshold), { status: "CLEARED" as const, score: 0 }, "reflag"],
  ])("%s", (_, state, review, action) => {
    expect(reviewAction(state, review)).toBe(action);
  });

  it("tests every vote except identity leaks", () => {
    expect(isTestedVote({ isIdentityLeak: false })).toBe(true);
    expect(isTestedVote({ isIdentityLeak: true })).toBe(false);
  });

  it("names the strongest kind of alternative, never the model, and nothing before any grew", () => {
    expect(strongestAlternative({})).toBeNull();
    expect(strongestAlternative({ random: -2, "favours:x": -1 })).toBeNull();
    expect(strongestAlternative({ random: 1, "favours:x": 3 })).toBe("favours");
    expect(strongestAlternative({ underdog: 3, "against:x": 3 })).toBe("underdog");
  });
});
