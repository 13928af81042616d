import { hashCluster, MAX_CLUSTERS } from "./sandwich";
import { FEATURES, STYLE_FEATURES, type StyledVoterVotes } from "./style-covariates";

/** Style control's view of the votes: which are fitted, between which local models, with z-scored features. */

/**
 * The fitted votes, read in place from the caller's arrays (a fit allocates O(models² + voters), not O(votes)):
 * vote v of voter g (start[g] ≤ v < start[g + 1]) is fitted if `used` is null or used[v] is 1, between local
 * models local[a[v]] and local[b[v]], its features z-scored on the fly as (x − mean)·scale.
 */
export interface Design {
  /** Fitted models, and fitted votes. */
  k: number;
  n: number;
  a: Int32Array;
  b: Int32Array;
  outcome: Uint8Array;
  columns: [Float64Array, Float64Array, Float64Array, Float64Array];
  start: Int32Array;
  /** Null when every vote is fitted. */
  used: Uint8Array | null;
  /** Model index → local index among the fitted models (−1: not fitted). */
  local: Int32Array;
  mean: Float64Array;
  sd: Float64Array;
  /** 1/sd for a feature that varies over the fitted votes, else 0 (it has no coefficient). */
  scale: Float64Array;
  /** 1 when the feature varies over the fitted votes. */
  active: Uint8Array;
  fitted: Int32Array;
  /** Voters with at least one fitted vote. */
  voters: number;
  /** Each voter's cluster (see MAX_CLUSTERS), < clusterSlots; `clusters` of the slots hold a fitted vote. */
  clusterOf: Int32Array;
  clusterSlots: number;
  clusters: number;
}

export function checkInput(votes: StyledVoterVotes): void {
  const n = votes.a.length;
  const { nModels, start, voterId } = votes;
  if (!Number.isInteger(nModels) || nModels < 0) throw new RangeError(`nModels must be a non-negative integer, got ${nModels}`);
  if (voterId && voterId.length !== start.length - 1)
    throw new RangeError(`voterId has ${voterId.length} entries for ${start.length - 1} voters`);
  for (const name of ["b", "outcome", ...STYLE_FEATURES] as const) {
    if (votes[name].length !== n) throw new RangeError(`${name} has ${votes[name].length} entries, a has ${n}`);
  }
  if (start.length < 1 || start[0] !== 0 || start[start.length - 1] !== n)
    throw new RangeError("start must run from 0 to the number of votes");
  for (let g = 0; g + 1 < start.length; g++) if (start[g + 1]! < start[g]!) throw new RangeError("start must be non-decreasing");
  // model indices and outcome codes are checked in `buildDesign`'s first pass, which reads them anyway
}

export function badVote(votes: StyledVoterVotes, v: number): RangeError {
  const { a, b, outcome, nModels } = votes;
  return outcome[v]! > 3
    ? new RangeError(`vote ${v} has outcome code ${outcome[v]}`)
    : new RangeError(`vote ${v} refers to model ${a[v]} vs ${b[v]}, outside 0..${nModels - 1}`);
}

/**
 * Checks each vote's models and outcome, selects the fitted votes (both models masked in, a ≠ b, every feature
 * finite), and finds the features' means and population sds over them as FastChat z-scores them (numpy's mean
 * and std; the mean first, so the sd loses no precision). Cost O(votes): two reads of the votes, no per-vote
 * allocation beyond a byte per vote when some are left out.
 */
export function buildDesign(votes: StyledVoterVotes, mask: ArrayLike<boolean | number> | undefined): Design {
  const { nModels, start, a, b, outcome, length, headers, lists, bold } = votes;
  const total = a.length;
  const inMask = new Uint8Array(nModels);
  for (let m = 0; m < nModels; m++) inMask[m] = mask ? (mask[m] ? 1 : 0) : 1;
  let used: Uint8Array | null = null;
  const seen = new Uint8Array(nModels);
  let sum0 = 0,
    sum1 = 0,
    sum2 = 0,
    sum3 = 0;
  let n = 0;
  for (let v = 0; v < total; v++) {
    const i = a[v]!;
    const j = b[v]!;
    if (!(i >= 0 && i < nModels && j >= 0 && j < nModels && outcome[v]! <= 3)) throw badVote(votes, v);
    const x0 = length[v]!;
    const x1 = headers[v]!;
    const x2 = lists[v]!;
    const x3 = bold[v]!;
    // x − x is NaN exactly when x is not finite
    if (i === j || !inMask[i] || !inMask[j] || x0 - x0 + (x1 - x1) + (x2 - x2) + (x3 - x3) !== 0) {
      if (!used) used = new Uint8Array(total).fill(1, 0, v);
      continue;
    }
    if (used) used[v] = 1;
    seen[i] = 1;
    seen[j] = 1;
    n++;
    sum0 += x0;
    sum1 += x1;
    sum2 += x2;
    sum3 += x3;
  }
  const local = new Int32Array(nModels).fill(-1);
  let k = 0;
  for (let m = 0; m < nModels; m++) if (seen[m]) local[m] = k++;
  const fitted = new Int32Array(k);
  for (let m = 0; m < nModels; m++) if (local[m]! >= 0) fitted[local[m]!] = m;

  const mean = Float64Array.from([sum0, sum1, sum2, sum3], (s) => (n > 0 ? s / n : 0));
  const [m0, m1, m2, m3] = mean as unknown as [number, number, number, number];
  let sq0 = 0,
    sq1 = 0,
    sq2 = 0,
    sq3 = 0;
  // each voter's rank among those with a fitted vote (−1: none), for the clusters
  const rank = new Int32Array(start.length - 1).fill(-1);
  let voters = 0;
  for (let g = 0; g + 1 < start.length; g++) {
    for (let v = start[g]!, end = start[g + 1]!; v < end; v++) {
      if (used && !used[v]) continue;
      if (rank[g] === -1) rank[g] = voters++;
      const c0 = length[v]! - m0;
      const c1 = headers[v]! - m1;
      const c2 = lists[v]! - m2;
      const c3 = bold[v]! - m3;
      sq0 += c0 * c0;
      sq1 += c1 * c1;
      sq2 += c2 * c2;
      sq3 += c3 * c3;
    }
  }
  const sd = Float64Array.from([sq0, sq1, sq2, sq3], (s) => (n > 0 ? Math.sqrt(s / n) : 0));
  // A constant feature (sd 0, or rounding noise around a constant) has no coefficient; FastChat would divide by 0.
  const active = new Uint8Array(FEATURES);
  const scale = new Float64Array(FEATURES);
  for (let f = 0; f < FEATURES; f++) {
    active[f] = sd[f]! > 1e-12 * Math.max(1, Math.abs(mean[f]!)) ? 1 : 0;
    scale[f] = active[f] ? 1 / sd[f]! : 0;
  }
  // Clusters: each voter its own while there are at most MAX_CLUSTERS, else hashed groups (see MAX_CLUSTERS); a
  // voter without a fitted vote adds nothing wherever it is put.
  const isPooled = voters > MAX_CLUSTERS;
  const clusterOf = isPooled
    ? Int32Array.from(rank, (_, g) => hashCluster(votes.voterId ? votes.voterId[g]! : g))
    : Int32Array.from(rank, (r) => Math.max(r, 0));
  let clusters = voters;
  if (isPooled) {
    const isTaken = new Uint8Array(MAX_CLUSTERS);
    for (let g = 0; g < rank.length; g++) if (rank[g]! >= 0) isTaken[clusterOf[g]!] = 1;
    clusters = isTaken.reduce((sum, t) => sum + t, 0);
  }
  return {
    k,
    n,
    a,
    b,
    outcome,
    columns: [length, headers, lists, bold],
    start,
    used,
    local,
    mean,
    sd,
    scale,
    active,
    fitted,
    voters,
    clusterOf,
    clusterSlots: isPooled ? MAX_CLUSTERS : voters,
    clusters,
  };
}

/**
 * Every `stride`-th fitted vote, copied into a design of its own (one voter; local model indices, so `local` is the
 * identity): a starting point only. Cost O(votes).
 */
export function subsample(design: Design, stride: number): Design {
  const { k, a, b, outcome, columns, used, local } = design;
  const n = Math.ceil(design.n / stride);
  const sub = {
    a: new Int32Array(n),
    b: new Int32Array(n),
    outcome: new Uint8Array(n),
    columns: [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)] as Design["columns"],
  };
  for (let v = 0, fitted = 0, u = 0; v < a.length && u < n; v++) {
    if (used && !used[v]) continue;
    if (fitted++ % stride !== 0) continue;
    sub.a[u] = local[a[v]!]!;
    sub.b[u] = local[b[v]!]!;
    sub.outcome[u] = outcome[v]!;
    for (let f = 0; f < FEATURES; f++) sub.columns[f]![u] = columns[f]![v]!;
    u++;
  }
  return {
    ...design,
    ...sub,
    n,
    start: Int32Array.of(0, n),
    used: null,
    local: Int32Array.from({ length: k }, (_, m) => m),
    voters: 1,
    clusterOf: Int32Array.of(0),
    clusterSlots: 1,
    clusters: 1,
  };
}
