import type { VotesByVoter } from "../../lib/rating/types";
import { UniformStream } from "../../lib/rating/rng";
import type { Outcome, PairCell } from "../../lib/rating/types";

/**
 * Seeded arena votes with known truth, in the shapes real arenas have, for the coverage and compare simulations:
 * a board of 30 models with uneven shares of the battles, voters who cast many votes with tastes of their own,
 * ties and both-bad votes that are likelier between close models. Everything here is plain typed arrays; a vote
 * costs two uniforms and one exponential, and nothing is allocated per vote.
 */

/** Models on the simulated board. */
export const BOARD_SIZE = 30;

/**
 * True base ratings (points): about 1000 ± 150, with close clusters as real boards have (three models within 10
 * points at the top, pairs and triples in the middle) and a long tail.
 */
export const BOARD_RATINGS: readonly number[] = [
  1290, 1255, 1250, 1245, 1190, 1160, 1150, 1148, 1120, 1090, 1060, 1050, 1045, 1010, 1000, 995, 980, 950, 930, 925, 920, 880, 850, 820,
  800, 790, 760, 730, 700, 680,
];

/**
 * Target share of battles each model appears in (Σ = 2, two models a battle): a few rare models (new or retired:
 * 0.5% and 1% of battles, at the top, middle and bottom of the board), most between 4% and 10%.
 */
export const BOARD_SHARES: readonly number[] = [
  0.005, 0.1, 0.08, 0.01, 0.09, 0.07, 0.06, 0.1, 0.02, 0.08, 0.005, 0.07, 0.06, 0.09, 0.1, 0.05, 0.04, 0.08, 0.01, 0.07, 0.06, 0.09, 0.05,
  0.04, 0.1, 0.005, 0.08, 0.06, 0.02, 0.08,
];

/** Probability of a draw (tie or both bad) between equal models; it falls as 4p(1 − p) with the win probability p. */
export const DRAW_AT_EVEN = 0.36;
/** Share of draws that are ties (the rest: both bad). */
export const TIE_SHARE_OF_DRAWS = 0.6;
const LN10_OVER_400 = Math.LN10 / 400;

/** Who votes in a group: how tastes vary between voters. */
export interface TasteModel {
  /** Standard deviation of a voter's private offset on a model they have a taste on (points). 0: no tastes. */
  sd: number;
  /** How many models (drawn uniformly without replacement per voter) carry such an offset. */
  models: number;
}

export const NO_TASTE: TasteModel = { sd: 0, models: 0 };

/** How many votes each voter casts: `mean`, or lognormal with that mean and log-sd `logSd` when logSd > 0. */
export interface VoteCounts {
  mean: number;
  logSd?: number;
}

/**
 * Ordered pair probabilities π_ab ∝ w_a·w_b (a ≠ b), with w solved so that each model's share of battles,
 * Σ_b π_ab + π_ba, matches `shares` (fixed-point iteration; the share is monotone in w). n×n row-major.
 */
export function pairDesign(shares: readonly number[]): Float64Array {
  const n = shares.length;
  const w = Float64Array.from(shares);
  const pi = new Float64Array(n * n);
  for (let iter = 0; iter < 500; iter++) {
    let total = 0;
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) total += w[a]! * w[b]!;
    let worst = 0;
    for (let a = 0; a < n; a++) {
      let share = 0;
      for (let b = 0; b < n; b++) if (a !== b) share += (2 * w[a]! * w[b]!) / total;
      worst = Math.max(worst, Math.abs(share / shares[a]! - 1));
      w[a] = w[a]! * Math.sqrt(shares[a]! / share);
    }
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) pi[a * n + b] = a === b ? 0 : (w[a]! * w[b]!) / total;
    if (worst < 1e-12) break;
  }
  return pi;
}

/** Each model's share of battles under an ordered pair design. */
export function sharesOf(pi: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      out[a] += pi[a * n + b]!;
      out[b] += pi[a * n + b]!;
    }
  }
  return out;
}

/** Walker's alias table over the n² ordered pairs: one uniform draws a pair. Setup O(n²). */
export class PairSampler {
  private readonly keep: Float64Array;
  private readonly alias: Int32Array;
  readonly size: number;

  constructor(pi: Float64Array) {
    const size = pi.length;
    this.size = size;
    this.keep = new Float64Array(size);
    this.alias = Int32Array.from({ length: size }, (_, k) => k);
    let total = 0;
    for (let k = 0; k < size; k++) total += pi[k]!;
    const scaled = Float64Array.from(pi, (p) => (p * size) / total);
    const small: number[] = [];
    const large: number[] = [];
    for (let k = 0; k < size; k++) (scaled[k]! < 1 ? small : large).push(k);
    while (small.length && large.length) {
      const s = small.pop()!;
      const l = large[large.length - 1]!;
      this.keep[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      if (scaled[l]! < 1) small.push(large.pop()!);
    }
    for (const k of large) this.keep[k] = 1;
    for (const k of small) this.keep[k] = 1; // rounding leftovers
  }

  /** An ordered pair index a·n + b. */
  draw(source: UniformStream): number {
    const u = source.nextDouble() * this.size;
    const k = Math.floor(u);
    return u - k < this.keep[k]! ? k : this.alias[k]!;
  }
}

/** A standard normal (Box–Muller, one of the pair). */
export function normal(source: UniformStream): number {
  return Math.sqrt(-2 * Math.log(1 - source.nextDouble())) * Math.cos(2 * Math.PI * source.nextDouble());
}

/**
 * Votes of many voters, appended group by group, in the vote index's encoding (see `VotesByVoter`): voter g cast
 * code[start[g]] .. code[start[g + 1] − 1], each code (a·n + b)·4 + outcome. Buffers grow by doubling and are reused
 * across boards (`reset`).
 */
export class VoteBuffer {
  start: Int32Array;
  voterId: Int32Array;
  code: Uint32Array;
  voters = 0;
  private readonly taste: Float64Array;
  private readonly permutation: Int32Array;
  private readonly pairProb: Float64Array;
  private readonly counts: Float64Array;

  constructor(
    readonly n: number,
    private readonly sampler: PairSampler,
  ) {
    this.start = new Int32Array(1024);
    this.voterId = new Int32Array(1024);
    this.code = new Uint32Array(1 << 16);
    this.taste = new Float64Array(n);
    this.permutation = Int32Array.from({ length: n }, (_, m) => m);
    this.pairProb = new Float64Array(n * n);
    this.counts = new Float64Array(n * n * 4);
  }

  get votes(): number {
    return this.start[this.voters]!;
  }

  reset(): void {
    this.voters = 0;
    this.start[0] = 0;
  }

  /**
   * Appends `voters` voters with ids firstId, firstId + 1, …, whose votes follow Bradley–Terry on `ratings` plus
   * each voter's private taste (`TasteModel`): a vote between a and b (pair drawn from the design) with
   * d = r_a + t_a − r_b − t_b has p = σ(d·ln10/400), a draw with probability D = DRAW_AT_EVEN·4p(1 − p) (ties
   * TIE_SHARE_OF_DRAWS of them, the rest both bad), A with p − D/2 and B with 1 − p − D/2. So a's expected score
   * (draws half) is exactly p: without tastes the population ratings are `ratings` themselves.
   * Cost O(votes) (one exponential each) plus O(n) per voter.
   */
  append(source: UniformStream, ratings: ArrayLike<number>, taste: TasteModel, counts: VoteCounts, voters: number, firstId: number): void {
    const n = this.n;
    const { pairProb, permutation } = this;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) pairProb[a * n + b] = 1 / (1 + Math.exp(-LN10_OVER_400 * (ratings[a]! - ratings[b]!)));
    const logSd = counts.logSd ?? 0;
    const logMean = Math.log(counts.mean) - (logSd * logSd) / 2;
    for (let g = 0; g < voters; g++) {
      const votes = logSd > 0 ? Math.max(1, Math.round(Math.exp(logMean + logSd * normal(source)))) : counts.mean;
      this.ensureCapacity(this.voters + 1, this.votes + votes);
      // the voter's tastes: partial Fisher–Yates over the models
      const tasted = taste.sd > 0 ? taste.models : 0;
      for (let k = 0; k < tasted; k++) {
        const pick = k + Math.floor(source.nextDouble() * (n - k));
        const m = permutation[pick]!;
        permutation[pick] = permutation[k]!;
        permutation[k] = m;
        this.taste[m] = taste.sd * normal(source);
      }
      const code = this.code;
      const t = this.taste;
      let at = this.votes;
      for (let v = 0; v < votes; v++) {
        const pair = this.sampler.draw(source);
        const a = Math.floor(pair / n);
        const b = pair - a * n;
        const shift = t[a]! - t[b]!;
        const p = shift === 0 ? pairProb[pair]! : 1 / (1 + Math.exp(-LN10_OVER_400 * (ratings[a]! - ratings[b]! + shift)));
        const draw = DRAW_AT_EVEN * 4 * p * (1 - p);
        const u = source.nextDouble();
        const outcome = u < p - draw / 2 ? 0 : u < 1 - draw ? 1 : u < 1 - draw * (1 - TIE_SHARE_OF_DRAWS) ? 2 : 3;
        code[at++] = pair * 4 + outcome;
      }
      for (let k = 0; k < tasted; k++) this.taste[permutation[k]!] = 0;
      this.voterId[this.voters] = firstId + g;
      this.voters++;
      this.start[this.voters] = at;
    }
  }

  /** Voters from..to−1 as `VotesByVoter` (views, no copy: `start` holds absolute offsets into `code`). */
  votesOf(from = 0, to = this.voters): VotesByVoter {
    return {
      start: this.start.subarray(from, to + 1),
      voterId: this.voterId.subarray(from, to),
      code: this.code,
      stride: this.n,
      modelOf: Int32Array.from({ length: this.n }, (_, m) => m),
    };
  }

  /** The votes of voters from..to−1 aggregated into cells (one object per non-empty cell). Cost O(votes + n²). */
  cellsOf(from = 0, to = this.voters): PairCell[] {
    const { counts, code, n } = this;
    counts.fill(0);
    for (let v = this.start[from]!, end = this.start[to]!; v < end; v++) counts[code[v]!]++;
    const cells: PairCell[] = [];
    for (let c = 0; c < counts.length; c++) {
      if (counts[c] === 0) continue;
      const pair = c >>> 2;
      cells.push({ a: Math.floor(pair / n), b: pair % n, outcome: OUTCOMES[c & 3]!, count: counts[c]! });
    }
    return cells;
  }

  /** Shares of ties and of both-bad votes among voters from..to−1. */
  drawRates(from = 0, to = this.voters): { ties: number; bothBad: number } {
    let ties = 0;
    let bothBad = 0;
    const first = this.start[from]!;
    const end = this.start[to]!;
    for (let v = first; v < end; v++) {
      const o = this.code[v]! & 3;
      if (o === 2) ties++;
      else if (o === 3) bothBad++;
    }
    const total = Math.max(1, end - first);
    return { ties: ties / total, bothBad: bothBad / total };
  }

  private ensureCapacity(voters: number, votes: number): void {
    if (voters + 1 > this.start.length) {
      const size = Math.max(voters + 1, 2 * this.start.length);
      const start = new Int32Array(size);
      start.set(this.start);
      this.start = start;
      const ids = new Int32Array(size);
      ids.set(this.voterId);
      this.voterId = ids;
    }
    if (votes > this.code.length) {
      const code = new Uint32Array(Math.max(votes, 2 * this.code.length));
      code.set(this.code);
      this.code = code;
    }
  }
}

const OUTCOMES: readonly Outcome[] = ["A", "B", "TIE", "BOTH_BAD"];

/** A seed for one part of a simulation, mixed from the run's seed and the part's coordinates (a safe integer). */
export function seedOf(seed: number, ...parts: number[]): number {
  let h = (seed >>> 0) ^ Math.imul(Math.floor(seed / 0x1_0000_0000) >>> 0, 0x2545f491);
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

/** Mean of per-replication values with its Monte Carlo error (sd / √R), as "0.951 ± 0.004". */
export function formatMean(values: ArrayLike<number>, digits = 3): string {
  const { mean, se } = meanAndError(values);
  return `${mean.toFixed(digits)} ± ${se.toFixed(digits)}`;
}

export function meanAndError(values: ArrayLike<number>): { mean: number; se: number } {
  const r = values.length;
  let mean = 0;
  for (let k = 0; k < r; k++) mean += values[k]!;
  mean /= r || 1;
  let ss = 0;
  for (let k = 0; k < r; k++) ss += (values[k]! - mean) ** 2;
  const se = r > 1 ? Math.sqrt(ss / (r - 1) / r) : NaN;
  return { mean: r > 0 ? mean : NaN, se };
}
