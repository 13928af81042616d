import type { PairCounts } from "./cells";
import { countStrongComponents, createStrongComponentScratch } from "./strong-components";

/**
 * What the votes of a slice can say about a model's rating:
 * - `rated`: in the slice's main identified group, where the maximum likelihood exists and is unique;
 * - `undefeated`: it (or a group it belongs to) never lost against the rated group, so its likelihood keeps rising
 *   as its rating goes to +∞ (a perfect record): no finite rating, only "above";
 * - `winless`: the mirror image, never won (nor tied) against the rated group;
 * - `unlinked`: in the same comparison graph, but linked to the rated group only through other unrated models
 *   both ways round (e.g. it only beat a winless model and only lost to an undefeated one);
 * - `disconnected`: it never met the rated group, directly or through others: ratings across the two groups are not
 *   comparable at all;
 * - `no-battles`: no battles in the slice.
 */
export type Identification = "rated" | "undefeated" | "winless" | "unlinked" | "disconnected" | "no-battles";

export interface IdentifiedModels {
  status: Identification[];
  /** Indices of the `rated` models, ascending. */
  rated: number[];
}

/**
 * Finds the models whose Bradley–Terry maximum likelihood exists and is unique. The likelihood is bounded with a
 * unique optimum (up to the common shift) exactly when the "scored against" digraph — i → j when i won or drew at
 * least once against j — is strongly connected (Zermelo 1929, Ford 1957). So: the undirected comparison graph is
 * split into connected components, the one with the most battles is the slice's board, and within it the strongly
 * connected component with the most battles is the rated group. Every other model is classified against that
 * group by reachability in the digraph (see `Identification`). A slice whose votes all tie is one rated group.
 * Cost O(models + pairs).
 */
export function identifyModels(pairs: PairCounts): IdentifiedModels {
  const n = pairs.nModels;
  const status: Identification[] = new Array<Identification>(n).fill("no-battles");
  const nPairs = pairs.i.length;
  const total = new Float64Array(nPairs);
  const scoreI = new Float64Array(nPairs);
  const battlesOf = new Float64Array(n);
  for (let p = 0; p < nPairs; p++) {
    const t = pairs.winsI[p]! + pairs.winsJ[p]! + pairs.draws[p]!;
    total[p] = t;
    scoreI[p] = pairs.winsI[p]! + 0.5 * pairs.draws[p]!;
    battlesOf[pairs.i[p]!] += t;
    battlesOf[pairs.j[p]!] += t;
  }

  // Undirected components (union-find), weighed by battles.
  const parent = Int32Array.from({ length: n }, (_, m) => m);
  const find = (m: number): number => {
    while (parent[m] !== m) {
      parent[m] = parent[parent[m]!]!;
      m = parent[m]!;
    }
    return m;
  };
  for (let p = 0; p < nPairs; p++) if (total[p]! > 0) parent[find(pairs.i[p]!)] = find(pairs.j[p]!);
  const componentWeight = new Float64Array(n);
  for (let m = 0; m < n; m++) componentWeight[find(m)] += battlesOf[m]!;
  let board = -1;
  for (let m = 0; m < n; m++) {
    if (battlesOf[m]! > 0 && (board < 0 || componentWeight[find(m)]! > componentWeight[board]!)) board = find(m);
  }
  if (board < 0) return { status, rated: [] };

  // Strong components of the "scored against" digraph; the heaviest one on the board is rated.
  const strong = new Int32Array(n);
  const count = countStrongComponents(pairs, total, scoreI, 0, createStrongComponentScratch(pairs), strong);
  const strongWeight = new Float64Array(count);
  for (let m = 0; m < n; m++) if (find(m) === board) strongWeight[strong[m]!] += battlesOf[m]!;
  let main = -1;
  for (let c = 0; c < count; c++) if (main < 0 || strongWeight[c]! > strongWeight[main]!) main = c;

  // Reachability from and to the rated group along "scored against" edges (adjacency in compressed rows).
  const adjacency = (isForward: boolean): { start: Int32Array; to: Int32Array } => {
    const start = new Int32Array(n + 1);
    const edge = (p: number, fromI: boolean) => (fromI ? scoreI[p]! > 0 : total[p]! - scoreI[p]! > 0);
    // i → j when i scored against j; backwards, the same edges reversed
    for (let p = 0; p < nPairs; p++) {
      if (edge(p, true)) start[(isForward ? pairs.i[p]! : pairs.j[p]!) + 1]++;
      if (edge(p, false)) start[(isForward ? pairs.j[p]! : pairs.i[p]!) + 1]++;
    }
    for (let m = 0; m < n; m++) start[m + 1] += start[m]!;
    const next = start.slice(0, n);
    const to = new Int32Array(start[n]!);
    for (let p = 0; p < nPairs; p++) {
      if (edge(p, true)) to[next[isForward ? pairs.i[p]! : pairs.j[p]!]!++] = isForward ? pairs.j[p]! : pairs.i[p]!;
      if (edge(p, false)) to[next[isForward ? pairs.j[p]! : pairs.i[p]!]!++] = isForward ? pairs.i[p]! : pairs.j[p]!;
    }
    return { start, to };
  };
  const reach = ({ start, to }: { start: Int32Array; to: Int32Array }): Uint8Array => {
    const seen = new Uint8Array(n);
    const stack = new Int32Array(n);
    let top = 0;
    for (let m = 0; m < n; m++) {
      if (strong[m] === main) {
        seen[m] = 1;
        stack[top++] = m;
      }
    }
    while (top > 0) {
      const v = stack[--top]!;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        if (!seen[to[e]!]) {
          seen[to[e]!] = 1;
          stack[top++] = to[e]!;
        }
      }
    }
    return seen;
  };
  const beatenByRated = reach(adjacency(true)); // the rated group scored against it, transitively
  const beatsRated = reach(adjacency(false)); // it scored against the rated group, transitively
  const rated: number[] = [];
  for (let m = 0; m < n; m++) {
    if (battlesOf[m] === 0) continue;
    if (find(m) !== board) status[m] = "disconnected";
    else if (strong[m] === main) {
      status[m] = "rated";
      rated.push(m);
    } else if (beatsRated[m] && !beatenByRated[m]) status[m] = "undefeated";
    else if (beatenByRated[m] && !beatsRated[m]) status[m] = "winless";
    else status[m] = "unlinked";
  }
  return { status, rated };
}

/**
 * The pairs among `models` only, re-indexed 0..models.length−1 in the given order (what the fit of an identified
 * group sees). Cost O(pairs).
 */
export function restrictPairs(pairs: PairCounts, models: readonly number[]): PairCounts {
  const local = new Int32Array(pairs.nModels).fill(-1);
  models.forEach((m, k) => (local[m] = k));
  const keep: number[] = [];
  for (let p = 0; p < pairs.i.length; p++) if (local[pairs.i[p]!]! >= 0 && local[pairs.j[p]!]! >= 0) keep.push(p);
  const pick = (xs: Float64Array) => Float64Array.from(keep, (p) => xs[p]!);
  // keep i < j in the new numbering
  const i = new Int32Array(keep.length);
  const j = new Int32Array(keep.length);
  const winsI = pick(pairs.winsI);
  const winsJ = pick(pairs.winsJ);
  keep.forEach((p, k) => {
    const a = local[pairs.i[p]!]!;
    const b = local[pairs.j[p]!]!;
    if (a < b) {
      i[k] = a;
      j[k] = b;
    } else {
      i[k] = b;
      j[k] = a;
      const w = winsI[k]!;
      winsI[k] = winsJ[k]!;
      winsJ[k] = w;
    }
  });
  return { nModels: models.length, i, j, winsI, winsJ, draws: pick(pairs.draws) };
}
