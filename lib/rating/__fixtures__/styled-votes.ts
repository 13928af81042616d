import { createRng } from "../rng";
import { styleContrast, type StyledVoterVotes } from "../style-control";
import type { Rng } from "../types";

/**
 * Seeded synthetic votes with style, in the shapes real arenas have: uneven model shares, models with a style of
 * their own (long or short answers, more or less markdown), voters casting very different numbers of votes
 * (heavy-tailed), each with tastes of their own (how much they like length, and a liking along a "taste axis" of
 * the models) that make one voter's votes depend on each other. For tests and simulations only.
 */
export interface StyledVotesSpec {
  models: number;
  voters: number;
  /** Mean votes per voter; the counts are heavy-tailed (lognormal, sd 1 on the log scale) and at least 1. */
  votesPerVoter: number;
  /** Seed of the models (strengths, shares, styles) and, unless `voterSeed` is given, of the voters and votes. */
  seed: number;
  /** Seed of the voters and their votes: another one gives a new sample of voters of the same models. */
  voterSeed?: number;
  /** Natural-log-odds per unit of contrast, added to A's logit: length, headers, lists, bold. Default [1, 0.3, 0.3, 0.3]. */
  style?: [number, number, number, number];
  /** Sd of a voter's own length liking and of their taste along the models' taste axis (log-odds). Default 0.5. */
  voterTaste?: number;
  /** Share of ties, of which a quarter are "both bad". Default 0.15. */
  tieShare?: number;
}

export interface StyledVotes extends StyledVoterVotes {
  /** The models' strengths in natural-log-odds (mean 0): the part of the logit that is not style or taste. */
  strength: Float64Array;
}

function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

function poisson(rng: Rng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let count = 0;
  for (let product = rng(); product > limit; product *= rng()) count++;
  return count;
}

/** Draws a data set; the same spec gives the same votes. Cost O(votes). */
export function simulateStyledVotes(spec: StyledVotesSpec): StyledVotes {
  let rng = createRng(spec.seed);
  const { models: k, voters } = spec;
  const [gLength, gHeaders, gLists, gBold] = spec.style ?? [1, 0.3, 0.3, 0.3];
  const taste = spec.voterTaste ?? 0.5;
  const tieShare = spec.tieShare ?? 0.15;
  const strength = new Float64Array(k);
  const share = new Float64Array(k);
  const tokens = new Float64Array(k);
  const headerRate = new Float64Array(k);
  const listRate = new Float64Array(k);
  const boldRate = new Float64Array(k);
  const axis = new Float64Array(k);
  let mean = 0;
  for (let m = 0; m < k; m++) {
    strength[m] = 0.6 * normal(rng);
    mean += strength[m]! / k;
    share[m] = Math.exp(0.7 * normal(rng));
    tokens[m] = Math.exp(6 + 0.5 * normal(rng));
    headerRate[m] = 0.8 * Math.exp(normal(rng));
    listRate[m] = 2 * Math.exp(normal(rng));
    boldRate[m] = 1.5 * Math.exp(normal(rng));
    axis[m] = normal(rng);
  }
  for (let m = 0; m < k; m++) strength[m] = strength[m]! - mean;
  const cumulative = new Float64Array(k);
  for (let m = 0, s = 0; m < k; m++) cumulative[m] = s += share[m]!;
  const pick = (): number => {
    const target = rng() * cumulative[k - 1]!;
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  if (spec.voterSeed !== undefined) rng = createRng(spec.voterSeed);
  const counts = new Int32Array(voters);
  let total = 0;
  for (let g = 0; g < voters; g++) {
    counts[g] = Math.max(1, Math.round(spec.votesPerVoter * Math.exp(normal(rng) - 0.5)));
    total += counts[g]!;
  }
  const out: StyledVotes = {
    nModels: k,
    start: new Int32Array(voters + 1),
    a: new Int32Array(total),
    b: new Int32Array(total),
    outcome: new Uint8Array(total),
    length: new Float64Array(total),
    headers: new Float64Array(total),
    lists: new Float64Array(total),
    bold: new Float64Array(total),
    voterId: Int32Array.from({ length: voters }, (_, g) => g),
    strength,
  };
  let v = 0;
  for (let g = 0; g < voters; g++) {
    out.start[g] = v;
    const lengthTaste = taste * normal(rng);
    const axisTaste = taste * normal(rng);
    for (let c = 0; c < counts[g]!; c++, v++) {
      const a = pick();
      let b = pick();
      while (b === a) b = pick();
      const length = styleContrast(
        Math.round(tokens[a]! * Math.exp(0.4 * normal(rng))),
        Math.round(tokens[b]! * Math.exp(0.4 * normal(rng))),
      );
      const headers = styleContrast(poisson(rng, headerRate[a]!), poisson(rng, headerRate[b]!));
      const lists = styleContrast(poisson(rng, listRate[a]!), poisson(rng, listRate[b]!));
      const bold = styleContrast(poisson(rng, boldRate[a]!), poisson(rng, boldRate[b]!));
      const logit =
        strength[a]! -
        strength[b]! +
        (gLength + lengthTaste) * length +
        gHeaders * headers +
        gLists * lists +
        gBold * bold +
        axisTaste * (axis[a]! - axis[b]!);
      out.a[v] = a;
      out.b[v] = b;
      out.length[v] = length;
      out.headers[v] = headers;
      out.lists[v] = lists;
      out.bold[v] = bold;
      out.outcome[v] = rng() < tieShare ? (rng() < 0.25 ? 3 : 2) : rng() < 1 / (1 + Math.exp(-logit)) ? 0 : 1;
    }
  }
  out.start[voters] = v;
  return out;
}
