/**
 * Pair sampling maths (pure: no I/O, no clock, the random source is passed in).
 *
 * model weight = admin samplingWeight × boost(votes)
 *   boost(v) = 1 + (maxBoost − 1) × max(0, 1 − v / targetVotes)   — in [1, maxBoost], maxBoost at 0 votes
 * pair weight  = weight(a) × weight(b) × pairFactor(pairVotes)
 *   pairFactor(v) = 1 + (PAIR_MAX_BOOST − 1) × max(0, 1 − v / pairTargetVotes)  — in [1, PAIR_MAX_BOOST]
 *   pairTargetVotes = ceil(targetVotes / (models − 1)): a model's target spread evenly over its opponents
 * A pair of two private-testing variants of the same organization has weight 0, and so does any
 * pair with a withdrawn model or a model whose samplingWeight is 0. Probabilities are the pair
 * weights divided by their sum.
 */

export const SAMPLING_VERSION = "showdown-sampling-v1";
/** The under-voted-pair factor never exceeds this. */
export const PAIR_MAX_BOOST = 2;

export type SamplingVisibility = "PUBLIC" | "PRIVATE_TESTING" | "WITHDRAWN";

export interface SamplingModel {
  id: string;
  organization: string;
  visibility: SamplingVisibility;
  /** The admin's relative weight (1 normal, 0 never drawn). */
  samplingWeight: number;
  /** Counted votes involving this model. */
  votes: number;
}

export interface SamplingParams {
  targetVotes: number;
  maxBoost: number;
}

export interface WeightedModel extends SamplingModel {
  boost: number;
  weight: number;
}

export interface WeightedPair {
  /** Indexes into the weighted models (i < j). */
  i: number;
  j: number;
  votes: number;
  factor: number;
  weight: number;
  probability: number;
}

export interface SamplingPlan {
  params: SamplingParams & { pairTargetVotes: number; pairMaxBoost: number; version: string };
  models: WeightedModel[];
  /** Only pairs with a positive weight. */
  pairs: WeightedPair[];
  totalWeight: number;
}

/** boost(v): linear from maxBoost at 0 votes down to 1 at targetVotes and beyond. O(1). */
export function modelBoost(votes: number, params: SamplingParams): number {
  const maxBoost = Math.max(1, params.maxBoost);
  const target = Math.max(1, params.targetVotes);
  return 1 + (maxBoost - 1) * Math.max(0, 1 - Math.max(0, votes) / target);
}

/** pairFactor(v): linear from PAIR_MAX_BOOST at 0 votes down to 1 at pairTargetVotes. O(1). */
export function pairFactor(votes: number, pairTargetVotes: number): number {
  return 1 + (PAIR_MAX_BOOST - 1) * Math.max(0, 1 - Math.max(0, votes) / Math.max(1, pairTargetVotes));
}

/** Whether the two models may ever meet (weight aside). */
export function isAllowedPair(a: SamplingModel, b: SamplingModel): boolean {
  if (a.id === b.id) return false;
  if (a.visibility === "WITHDRAWN" || b.visibility === "WITHDRAWN") return false;
  return !(a.visibility === "PRIVATE_TESTING" && b.visibility === "PRIVATE_TESTING" && a.organization === b.organization);
}

/**
 * Weights every model and every allowed pair and normalises the pair weights to probabilities.
 * `pairVotes(a, b)` gives the counted votes between two model ids. Cost O(models²).
 */
export function planSampling(
  models: readonly SamplingModel[],
  pairVotes: (a: string, b: string) => number,
  params: SamplingParams,
): SamplingPlan {
  const pairTargetVotes = Math.max(1, Math.ceil(params.targetVotes / Math.max(1, models.length - 1)));
  const weighted: WeightedModel[] = models.map((m) => {
    const boost = modelBoost(m.votes, params);
    const base = Number.isFinite(m.samplingWeight) ? Math.max(0, m.samplingWeight) : 0;
    return { ...m, boost, weight: base * boost };
  });
  const pairs: WeightedPair[] = [];
  let totalWeight = 0;
  for (let i = 0; i < weighted.length; i++) {
    for (let j = i + 1; j < weighted.length; j++) {
      const a = weighted[i];
      const b = weighted[j];
      if (a.weight <= 0 || b.weight <= 0 || !isAllowedPair(a, b)) continue;
      const votes = pairVotes(a.id, b.id);
      const factor = pairFactor(votes, pairTargetVotes);
      const weight = a.weight * b.weight * factor;
      pairs.push({ i, j, votes, factor, weight, probability: 0 });
      totalWeight += weight;
    }
  }
  for (const p of pairs) p.probability = p.weight / totalWeight;
  return {
    params: {
      targetVotes: params.targetVotes,
      maxBoost: params.maxBoost,
      pairTargetVotes,
      pairMaxBoost: PAIR_MAX_BOOST,
      version: SAMPLING_VERSION,
    },
    models: weighted,
    pairs,
    totalWeight,
  };
}

/** The probability that each model takes part in the next battle (sums to 2 over all models). */
export function appearanceProbabilities(plan: SamplingPlan): number[] {
  const out = new Array<number>(plan.models.length).fill(0);
  for (const p of plan.pairs) {
    out[p.i] += p.probability;
    out[p.j] += p.probability;
  }
  return out;
}

export interface DrawnPair {
  /** The model shown on the left as A, and on the right as B. */
  left: WeightedModel;
  right: WeightedModel;
  pair: WeightedPair;
}

/**
 * Draws one pair with probability proportional to its weight, then the sides with a fair coin.
 * `random` returns numbers in [0, 1). Null when no pair has a positive weight. Cost O(pairs).
 */
export function drawFromPlan(plan: SamplingPlan, random: () => number): DrawnPair | null {
  if (plan.pairs.length === 0 || !(plan.totalWeight > 0)) return null;
  let r = random() * plan.totalWeight;
  let chosen = plan.pairs[plan.pairs.length - 1];
  for (const p of plan.pairs) {
    r -= p.weight;
    if (r < 0) {
      chosen = p;
      break;
    }
  }
  const first = plan.models[chosen.i];
  const second = plan.models[chosen.j];
  const isSwapped = random() < 0.5;
  return { left: isSwapped ? second : first, right: isSwapped ? first : second, pair: chosen };
}

/** What a battle stores about how its pair was drawn (Battle.sampling). */
export function samplingRecord(plan: SamplingPlan, drawn: DrawnPair) {
  const model = (m: WeightedModel) => ({ id: m.id, samplingWeight: m.samplingWeight, votes: m.votes, boost: m.boost, weight: m.weight });
  return {
    version: plan.params.version,
    params: {
      targetVotes: plan.params.targetVotes,
      maxBoost: plan.params.maxBoost,
      pairTargetVotes: plan.params.pairTargetVotes,
      pairMaxBoost: plan.params.pairMaxBoost,
    },
    left: model(drawn.left),
    right: model(drawn.right),
    pair: { votes: drawn.pair.votes, factor: drawn.pair.factor, weight: drawn.pair.weight, probability: drawn.pair.probability },
    allowedPairs: plan.pairs.length,
    totalWeight: plan.totalWeight,
  };
}
