import type { CompiledFilter } from "./compile-filter";
import { decodeStyle, DEMO, REPLAY_BIT, SOURCE_MASK } from "./vote-codec";
import type { Segment } from "./vote-segment";

/** What a scan of one slice counts. */
export interface ScanResult {
  /** Ordered cell counts: index ((a * modelCount + b) * 4 + outcome). */
  cells: Int32Array;
  modelCount: number;
  votes: number;
  voters: number;
  demoVotes: number;
  /** Votes of the slice in battles that showed a replay answer (public text a voter could look up). */
  replayVotes: number;
  modelVoters: Int32Array;
  lastTime: number;
  /**
   * With scan(f, true): the slice's votes grouped by voter, voters ascending (a voter's main and tail votes
   * together): voter k = voterId[k] cast votes start[k]..start[k + 1] − 1, each as its cell index
   * (a · modelCount + b) · 4 + outcome. What voter-clustered intervals sum over.
   */
  byVoter?: VotesByVoterCodes;
}

/** A slice's votes by voter (see ScanResult.byVoter), with each vote's answer style when asked for. */
export interface VotesByVoterCodes {
  start: Int32Array;
  voterId: Int32Array;
  code: Uint32Array;
  /** With records "style": per vote, the four style contrasts (see IndexedVote.style); length NaN when unknown. */
  style?: { length: Float64Array; headers: Float64Array; lists: Float64Array; bold: Float64Array };
}

/** What a scan records besides counts: nothing, the votes by voter, or those with their answer style. */
export type ScanRecords = "none" | "votes" | "style";

/** An append-only typed array that doubles when full. */
class GrowableU32 {
  data: Uint32Array;
  n = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.n === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n++] = x;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.n);
  }
}

/**
 * Counts one slice of the votes held as a voter-sorted main segment and an unsorted tail (`inTail` flags the voters
 * with tail votes; see VoteColumns), in a single pass. Cost O(votes) with a handful of array reads per vote. With
 * `records`, also records each matching vote (4 bytes) grouped by voter: see ScanResult.byVoter.
 */
export function scanSegments(
  main: Segment,
  tail: Segment,
  inTail: Uint8Array,
  modelCount: number,
  f: CompiledFilter,
  records: ScanRecords,
): ScanResult {
  const byVoter = records !== "none";
  const withStyle = records === "style";
  const M = modelCount;
  const cells = new Int32Array(M * M * 4);
  const modelVoters = new Int32Array(M);
  const lastVoterOfModel = new Int32Array(M).fill(-1);
  let votes = 0;
  let demoVotes = 0;
  let replayVotes = 0;
  let voters = 0;
  let lastTime = 0;
  // Voters with tail votes: the models (and whether) they matched in the main part.
  const mainSeen = new Map<number, Set<number>>();

  const s = main;
  const { modelA, modelB, outcome, source, country, age, education, language, time, voter } = s;
  const hasTail = tail.n > 0;
  const countryOk = f.country;
  const ageOk = f.age;
  const educationOk = f.education;
  const languageOk = f.language;
  const from = f.from;
  const to = f.to;
  // Attributes without a filter are not looked at (the branch is predicted once).
  const byCountry = !acceptsAll(countryOk);
  const byAge = !acceptsAll(ageOk);
  const byEducation = !acceptsAll(educationOk);
  const byLanguage = !acceptsAll(languageOk);
  const byTime = from > 0 || to < 2 ** 32;
  let lastVoter = -1;
  // The records by voter (main part: already in voter order). Sized for every row at once: the pages a small
  // slice never writes are never made resident, and a large one is not copied while it grows.
  // Plain arrays and counters, not method calls: this loop runs once per vote.
  const codes = byVoter ? new Uint32Array(s.n) : null;
  const starts = byVoter ? new GrowableU32(1024) : null;
  const ids = byVoter ? new GrowableU32(1024) : null;
  let recorded = 0;
  // raw style codes per record: the length contrast's 16 bits, and the three markdown bytes in another word
  const styleLow = withStyle ? new Uint32Array(s.n) : null;
  const styleHigh = withStyle ? new Uint32Array(s.n) : null;
  const { styleLength, styleHeaders, styleLists, styleBold } = s;
  for (let r = 0, n = s.n; r < n; r++) {
    if (byCountry && countryOk[country[r]] === 0) continue;
    if (byAge && ageOk[age[r]] === 0) continue;
    if (byEducation && educationOk[education[r]] === 0) continue;
    if (byLanguage && languageOk[language[r]] === 0) continue;
    const t = time[r];
    if (byTime && (t < from || t >= to)) continue;
    const v = voter[r];
    const a = modelA[r];
    const b = modelB[r];
    const cell = (a * M + b) * 4 + outcome[r];
    cells[cell]++;
    votes++;
    const src = source[r];
    if ((src & SOURCE_MASK) === DEMO) demoVotes++;
    if (src & REPLAY_BIT) replayVotes++;
    if (t > lastTime) lastTime = t;
    if (v !== lastVoter) {
      voters++;
      lastVoter = v;
      if (starts) {
        starts.push(recorded);
        ids!.push(v);
      }
    }
    if (codes) {
      if (styleLow) {
        styleLow[recorded] = styleLength[r];
        styleHigh![recorded] = styleHeaders[r] | (styleLists[r] << 8) | (styleBold[r] << 16);
      }
      codes[recorded++] = cell;
    }
    if (lastVoterOfModel[a] !== v) {
      modelVoters[a]++;
      lastVoterOfModel[a] = v;
    }
    if (lastVoterOfModel[b] !== v) {
      modelVoters[b]++;
      lastVoterOfModel[b] = v;
    }
    if (hasTail && inTail[v] === 1) {
      let seen = mainSeen.get(v);
      if (!seen) mainSeen.set(v, (seen = new Set()));
      seen.add(a).add(b);
    }
  }

  const t2 = tail;
  const tailSeen = new Map<number, Set<number>>();
  const tailRecords: number[] = []; // voter, cell, style low, style high, …
  for (let r = 0; r < t2.n; r++) {
    if (f.country[t2.country[r]] === 0 || f.age[t2.age[r]] === 0 || f.education[t2.education[r]] === 0 || f.language[t2.language[r]] === 0)
      continue;
    const t = t2.time[r];
    if (t < f.from || t >= f.to) continue;
    const v = t2.voter[r];
    const a = t2.modelA[r];
    const b = t2.modelB[r];
    const cell = (a * M + b) * 4 + t2.outcome[r];
    cells[cell]++;
    if (byVoter) {
      tailRecords.push(v, cell, t2.styleLength[r], t2.styleHeaders[r] | (t2.styleLists[r] << 8) | (t2.styleBold[r] << 16));
    }
    votes++;
    if ((t2.source[r] & SOURCE_MASK) === DEMO) demoVotes++;
    if (t2.source[r] & REPLAY_BIT) replayVotes++;
    if (t > lastTime) lastTime = t;
    const before = mainSeen.get(v);
    let seen = tailSeen.get(v);
    if (!before && !seen) voters++;
    if (!seen) tailSeen.set(v, (seen = new Set()));
    for (const m of [a, b]) {
      if (!before?.has(m) && !seen.has(m)) modelVoters[m]++;
      seen.add(m);
    }
  }
  const result: ScanResult = { cells, modelCount: M, votes, voters, demoVotes, replayVotes, modelVoters, lastTime };
  if (byVoter) {
    starts!.push(recorded);
    result.byVoter = mergeTailRecords(
      starts!.view(),
      ids!.view(),
      codes!.subarray(0, recorded),
      tailRecords,
      styleLow?.subarray(0, recorded),
      styleHigh?.subarray(0, recorded),
    );
  }
  return result;
}

/**
 * The main part's records (voter runs in ascending voter order) with the tail's records (voter, cell, style low,
 * style high quadruples in any order) merged in: each voter's tail votes join the voter's run, or open a new one
 * in order. Style words are decoded when given. Cost O(main voters) without tail records, else O(main records +
 * tail records · log).
 */
function mergeTailRecords(
  start: Uint32Array,
  voterId: Uint32Array,
  code: Uint32Array,
  tail: number[],
  styleLow?: Uint32Array,
  styleHigh?: Uint32Array,
): VotesByVoterCodes {
  const T = 4;
  const tailCount = tail.length / T;
  const mainCount = code.length;
  if (tailCount === 0) {
    // the main part alone is already grouped by voter: hand it over as it is
    const result: VotesByVoterCodes = { start: Int32Array.from(start), voterId: Int32Array.from(voterId), code };
    if (styleLow && styleHigh)
      result.style = decodeStyle(
        mainCount,
        (k) => styleLow[k],
        (k) => styleHigh[k],
      );
    return result;
  }
  // position k of the result holds record order[k]: < mainCount from the main part, else tail record − mainCount
  const order = new Uint32Array(mainCount + tailCount);
  const tailOrder = Array.from({ length: tailCount }, (_, k) => k).sort((x, y) => tail[T * x] - tail[T * y] || x - y);
  const outStart: number[] = [0];
  const outId: number[] = [];
  let n = 0;
  let t = 0;
  const mainVoters = voterId.length;
  const tailVoter = (k: number) => tail[T * tailOrder[k]];
  for (let g = 0; g <= mainVoters; g++) {
    const id = g < mainVoters ? voterId[g] : Infinity;
    // tail-only voters that come before this main voter
    while (t < tailCount && tailVoter(t) < id) {
      const v = tailVoter(t);
      while (t < tailCount && tailVoter(t) === v) order[n++] = mainCount + tailOrder[t++];
      outId.push(v);
      outStart.push(n);
    }
    if (g === mainVoters) break;
    for (let k = start[g]; k < start[g + 1]; k++) order[n++] = k;
    while (t < tailCount && tailVoter(t) === id) order[n++] = mainCount + tailOrder[t++];
    outId.push(id);
    outStart.push(n);
  }
  const result: VotesByVoterCodes = {
    start: Int32Array.from(outStart),
    voterId: Int32Array.from(outId),
    code: Uint32Array.from(order, (k) => (k < mainCount ? code[k] : tail[T * (k - mainCount) + 1])),
  };
  if (styleLow && styleHigh) {
    const word = (k: number, offset: number, main: Uint32Array) => {
      const from = order[k];
      return from < mainCount ? main[from] : tail[T * (from - mainCount) + offset];
    };
    result.style = decodeStyle(
      order.length,
      (k) => word(k, 2, styleLow),
      (k) => word(k, 3, styleHigh),
    );
  }
  return result;
}

function acceptsAll(mask: Uint8Array): boolean {
  for (let i = 0; i < mask.length; i++) if (mask[i] === 0) return false;
  return true;
}
