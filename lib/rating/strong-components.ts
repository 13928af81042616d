import type { PairGraph } from "./cells";

/**
 * The number of strongly connected components of the "scored against" digraph of the pairs: an edge i → j when
 * i's score against j is at least `minScore` (and positive), j → i when j's is. Every model is a vertex, so a model
 * without battles is a component of its own. The Bradley–Terry maximum likelihood is finite exactly when this
 * digraph is strongly connected (Zermelo 1929, Ford 1957); each split between components is a direction in which
 * only the ridge holds the fit. If `componentOf` is given, each model's component number is written into it.
 * Iterative Tarjan, O(models + pairs).
 */
export function countStrongComponents(
  graph: PairGraph,
  total: ArrayLike<number>,
  scoreI: ArrayLike<number>,
  minScore: number,
  scratch: StrongComponentScratch = createStrongComponentScratch(graph),
  componentOf?: Int32Array,
): number {
  const { nModels: n, i, j } = graph;
  const { head, next, target, index, low, stack, onStack, callVertex, callEdge } = scratch;
  // adjacency lists: head[v] → edge → next[edge] → …, target[edge]
  head.fill(-1);
  let edges = 0;
  const threshold = Math.max(minScore, Number.MIN_VALUE);
  for (let p = 0; p < i.length; p++) {
    const s = scoreI[p]!;
    if (s >= threshold) {
      target[edges] = j[p]!;
      next[edges] = head[i[p]!]!;
      head[i[p]!] = edges++;
    }
    if (total[p]! - s >= threshold) {
      target[edges] = i[p]!;
      next[edges] = head[j[p]!]!;
      head[j[p]!] = edges++;
    }
  }

  index.fill(-1);
  onStack.fill(0);
  let counter = 0;
  let top = 0; // Tarjan's stack
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0) continue;
    let depth = 0;
    callVertex[0] = root;
    callEdge[0] = head[root]!;
    index[root] = low[root] = counter++;
    stack[top++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callVertex[depth]!;
      const edge = callEdge[depth]!;
      if (edge >= 0) {
        callEdge[depth] = next[edge]!;
        const w = target[edge]!;
        if (index[w]! < 0) {
          index[w] = low[w] = counter++;
          stack[top++] = w;
          onStack[w] = 1;
          depth++;
          callVertex[depth] = w;
          callEdge[depth] = head[w]!;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      // v is done: close its component if it is a root, then return to its caller
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--top]!;
          onStack[w] = 0;
          if (componentOf) componentOf[w] = components;
        } while (w !== v);
        components++;
      }
      depth--;
      if (depth >= 0) {
        const caller = callVertex[depth]!;
        low[caller] = Math.min(low[caller]!, low[v]!);
      }
    }
  }
  return components;
}

/** Buffers for `countStrongComponents`, reusable across calls on the same graph. */
export interface StrongComponentScratch {
  head: Int32Array;
  next: Int32Array;
  target: Int32Array;
  index: Int32Array;
  low: Int32Array;
  stack: Int32Array;
  onStack: Uint8Array;
  callVertex: Int32Array;
  callEdge: Int32Array;
}

export function createStrongComponentScratch(graph: PairGraph): StrongComponentScratch {
  const n = graph.nModels;
  const edges = 2 * graph.i.length;
  return {
    head: new Int32Array(n),
    next: new Int32Array(edges),
    target: new Int32Array(edges),
    index: new Int32Array(n),
    low: new Int32Array(n),
    stack: new Int32Array(n),
    onStack: new Uint8Array(n),
    callVertex: new Int32Array(n),
    callEdge: new Int32Array(n),
  };
}

/**
 * A test of whether a resample of the pairs (which can only drop battles) splits one of the data's strong
 * components (see `countStrongComponents`): `splits(draws)`. Both `counts` (the data) and `draws` hold three
 * numbers per pair p: battles i won (3p), j won (3p + 1), drawn (3p + 2); i scored against j if it won or drew one.
 * Only components that edges of score ≥ `robustScore` do not already hold together are tested (a resample keeps
 * such edges, in practice), each by a search forwards and one backwards from one of its models along the edges
 * the resample kept, which stop as soon as they have reached the whole component — usually after a small part of
 * its edges. Cost per test O(edges searched); setup O(models + pairs).
 */
export function createSplitTest(graph: PairGraph, counts: ArrayLike<number>, robustScore: number): (draws: ArrayLike<number>) => boolean {
  const n = graph.nModels;
  const { i, j } = graph;
  const nPairs = i.length;
  const total = new Float64Array(nPairs);
  const scoreI = new Float64Array(nPairs);
  for (let p = 0; p < nPairs; p++) {
    total[p] = counts[3 * p]! + counts[3 * p + 1]! + counts[3 * p + 2]!;
    scoreI[p] = counts[3 * p]! + 0.5 * counts[3 * p + 2]!;
  }
  const scratch = createStrongComponentScratch(graph);
  const component = new Int32Array(n);
  const nComponents = countStrongComponents(graph, total, scoreI, 0, scratch, component);
  const robust = new Int32Array(n);
  countStrongComponents(graph, total, scoreI, robustScore, scratch, robust);
  // a component is fragile if its models are not all in one robust component
  const fragile = new Uint8Array(nComponents);
  const robustOf = new Int32Array(nComponents).fill(-1);
  const size = new Int32Array(nComponents);
  const root = new Int32Array(nComponents);
  for (let m = 0; m < n; m++) {
    const c = component[m]!;
    if (size[c]++ === 0) root[c] = m;
    if (robustOf[c]! < 0) robustOf[c] = robust[m]!;
    else if (robustOf[c] !== robust[m]) fragile[c] = 1;
  }
  const toTest: number[] = [];
  for (let c = 0; c < nComponents; c++) if (fragile[c] && size[c]! > 1) toTest.push(c);
  if (toTest.length === 0) return () => false;

  // adjacency inside fragile components, both ways: for model v its out-edges, then its in-edges, each with
  // 2p + 0 for i → j (kept by a win of i, 3p, or a draw, 3p + 2) or 2p + 1 for j → i (a win of j, 3p + 1)
  const outDegree = new Int32Array(n + 1);
  const inDegree = new Int32Array(n + 1);
  const inside = (p: number): boolean => component[i[p]!] === component[j[p]!] && fragile[component[i[p]!]!] === 1;
  for (let p = 0; p < nPairs; p++) {
    if (!inside(p)) continue;
    const a = i[p]!;
    const b = j[p]!;
    if (counts[3 * p]! + counts[3 * p + 2]! > 0) {
      outDegree[a + 1]!++;
      inDegree[b + 1]!++;
    }
    if (counts[3 * p + 1]! + counts[3 * p + 2]! > 0) {
      outDegree[b + 1]!++;
      inDegree[a + 1]!++;
    }
  }
  for (let m = 0; m < n; m++) {
    outDegree[m + 1] = outDegree[m + 1]! + outDegree[m]!;
    inDegree[m + 1] = inDegree[m + 1]! + inDegree[m]!;
  }
  const outStart = outDegree;
  const inStart = inDegree;
  const outTarget = new Int32Array(outStart[n]!);
  const outDraw = new Int32Array(outStart[n]!);
  const inSource = new Int32Array(inStart[n]!);
  const inDraw = new Int32Array(inStart[n]!);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let p = 0; p < nPairs; p++) {
    if (!inside(p)) continue;
    const a = i[p]!;
    const b = j[p]!;
    if (counts[3 * p]! + counts[3 * p + 2]! > 0) {
      outTarget[outFill[a]!] = b;
      outDraw[outFill[a]!++] = 2 * p;
      inSource[inFill[b]!] = a;
      inDraw[inFill[b]!++] = 2 * p;
    }
    if (counts[3 * p + 1]! + counts[3 * p + 2]! > 0) {
      outTarget[outFill[b]!] = a;
      outDraw[outFill[b]!++] = 2 * p + 1;
      inSource[inFill[a]!] = b;
      inDraw[inFill[a]!++] = 2 * p + 1;
    }
  }

  const seen = new Int32Array(n);
  const queue = new Int32Array(n);
  let mark = 0;
  /** Whether the search from `start` along kept edges (outgoing or incoming) reaches `want` models. */
  const reachesAll = (
    start: number,
    want: number,
    edgeStart: Int32Array,
    neighbour: Int32Array,
    drawOf: Int32Array,
    draws: ArrayLike<number>,
  ): boolean => {
    mark++;
    seen[start] = mark;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) {
        const w = neighbour[e]!;
        if (seen[w] === mark) continue;
        const code = drawOf[e]!;
        const won = 3 * (code >> 1);
        if (draws[won + (code & 1)]! + draws[won + 2]! === 0) continue; // dropped by the resample
        seen[w] = mark;
        queue[tail++] = w;
        if (tail === want) return true;
      }
    }
    return false;
  };

  return (draws) => {
    for (const c of toTest) {
      const want = size[c]!;
      if (!reachesAll(root[c]!, want, outStart, outTarget, outDraw, draws)) return true;
      if (!reachesAll(root[c]!, want, inStart, inSource, inDraw, draws)) return true;
    }
    return false;
  };
}
