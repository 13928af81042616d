import { NONE } from "./codes";

/** One vote in index form: small-integer codes (see codes.ts), time in unix seconds. */
export interface IndexedVote {
  seq: number;
  modelA: number;
  modelB: number;
  outcome: number;
  source: number;
  country: number;
  age: number;
  education: number;
  language: number;
  time: number;
  voter: number;
  /** The battle showed a replay (public-corpus) answer: counted, and counted apart (ScanResult.replayVotes). */
  replay?: boolean;
  /**
   * Answer style, for style control: FastChat's contrast (A − B)/(A + B + 1) of the two answers' tokens (length),
   * markdown headers, list items and bold spans, each in (−1, 1). Absent (or length NaN) when unknown.
   */
  style?: { length: number; headers: number; lists: number; bold: number } | null;
}

/** Stored length contrast: Int16 steps of 1/32767 in a Uint16 column, UNKNOWN_STYLE when unknown. */
const LENGTH_STEPS = 32767;
const UNKNOWN_STYLE = 0x8000;
/**
 * The markdown contrasts are kept in one signed byte each, in steps of 1/127: an error of at most 0.004 on a value
 * whose spread is about 0.3 (noise that attenuates a coefficient by ~0.01%), for 3 bytes a vote instead of 6.
 */
const COUNT_STEPS = 127;
const toByte = (x: number) => Math.round(Math.max(-1, Math.min(1, x)) * COUNT_STEPS) & 0xff;

/** Which code values a slice accepts, per attribute, and its half-open time range. */
export interface CompiledFilter {
  country: Uint8Array;
  age: Uint8Array;
  education: Uint8Array;
  language: Uint8Array;
  from: number;
  to: number;
}

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

const DEMO = 2;
/** The source column keeps the source code in its low two bits and the replay flag in this one (no extra byte a vote). */
const REPLAY_BIT = 4;
const SOURCE_MASK = 3;

/** Row k of the result is row rowAt[k] of main (below m) or of tail (from m on). */
function reorder8(main: Uint8Array, tail: Uint8Array, rowAt: Uint32Array, m: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(rowAt.length);
  for (let k = 0; k < rowAt.length; k++) {
    const r = rowAt[k];
    out[k] = r < m ? main[r] : tail[r - m];
  }
  return out;
}

function reorder16(main: Uint16Array, tail: Uint16Array, rowAt: Uint32Array, m: number): Uint16Array<ArrayBuffer> {
  const out = new Uint16Array(rowAt.length);
  for (let k = 0; k < rowAt.length; k++) {
    const r = rowAt[k];
    out[k] = r < m ? main[r] : tail[r - m];
  }
  return out;
}

function reorder32(main: Uint32Array, tail: Uint32Array, rowAt: Uint32Array, m: number): Uint32Array<ArrayBuffer> {
  const out = new Uint32Array(rowAt.length);
  for (let k = 0; k < rowAt.length; k++) {
    const r = rowAt[k];
    out[k] = r < m ? main[r] : tail[r - m];
  }
  return out;
}

/** The typed columns of a segment, by name (the persisted index file stores them in this order). */
export const SEGMENT_COLUMNS = ["modelA", "modelB", "outcome", "source", "country", "age", "education", "language", "time", "voter", "styleLength", "styleHeaders", "styleLists", "styleBold"] as const;
export type SegmentColumn = (typeof SEGMENT_COLUMNS)[number];
/** A segment's columns trimmed to its length, as stored in and read from the index file. */
export type SegmentParts = { n: number } & Record<SegmentColumn, Uint8Array | Uint16Array | Uint32Array>;
/** A whole VoteColumns as stored in the index file. */
export interface ColumnsParts {
  main: SegmentParts;
  tail: SegmentParts;
  inTail: Uint8Array<ArrayBuffer>;
  modelCount: number;
}

/** A growable set of parallel typed columns. */
class Segment {
  n = 0;
  modelA = new Uint16Array(0);
  modelB = new Uint16Array(0);
  outcome = new Uint8Array(0);
  source = new Uint8Array(0);
  country = new Uint8Array(0);
  age = new Uint8Array(0);
  education = new Uint8Array(0);
  language = new Uint8Array(0);
  time = new Uint32Array(0);
  voter = new Uint32Array(0);
  styleLength = new Uint16Array(0);
  styleHeaders = new Uint8Array(0);
  styleLists = new Uint8Array(0);
  styleBold = new Uint8Array(0);

  reserve(capacity: number): void {
    if (capacity <= this.voter.length) return;
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a.subarray(0, this.n));
      return b;
    };
    this.modelA = grow(this.modelA, (n) => new Uint16Array(n));
    this.modelB = grow(this.modelB, (n) => new Uint16Array(n));
    this.outcome = grow(this.outcome, (n) => new Uint8Array(n));
    this.source = grow(this.source, (n) => new Uint8Array(n));
    this.country = grow(this.country, (n) => new Uint8Array(n));
    this.age = grow(this.age, (n) => new Uint8Array(n));
    this.education = grow(this.education, (n) => new Uint8Array(n));
    this.language = grow(this.language, (n) => new Uint8Array(n));
    this.time = grow(this.time, (n) => new Uint32Array(n));
    this.voter = grow(this.voter, (n) => new Uint32Array(n));
    this.styleLength = grow(this.styleLength, (n) => new Uint16Array(n));
    this.styleHeaders = grow(this.styleHeaders, (n) => new Uint8Array(n));
    this.styleLists = grow(this.styleLists, (n) => new Uint8Array(n));
    this.styleBold = grow(this.styleBold, (n) => new Uint8Array(n));
  }

  /** Views of the filled part of each column: no copy. Rows below n are never rewritten in place, so they stay valid. */
  parts(): SegmentParts {
    const parts = { n: this.n } as SegmentParts;
    for (const c of SEGMENT_COLUMNS) parts[c] = this[c].subarray(0, this.n);
    return parts;
  }

  static fromParts(parts: SegmentParts): Segment {
    const s = new Segment();
    s.n = parts.n;
    for (const c of SEGMENT_COLUMNS) (s as unknown as Record<SegmentColumn, unknown>)[c] = parts[c];
    return s;
  }

  push(v: IndexedVote): void {
    // Doubling while small; past a million rows grow by a quarter, to bound the spare capacity.
    if (this.n === this.voter.length) this.reserve(this.n < 1 << 20 ? Math.max(1024, this.n * 2) : Math.ceil(this.n * 1.25));
    const i = this.n++;
    this.modelA[i] = v.modelA;
    this.modelB[i] = v.modelB;
    this.outcome[i] = v.outcome;
    this.source[i] = v.source | (v.replay ? REPLAY_BIT : 0);
    this.country[i] = v.country;
    this.age[i] = v.age;
    this.education[i] = v.education;
    this.language[i] = v.language;
    this.time[i] = v.time;
    this.voter[i] = v.voter;
    const style = v.style;
    if (style && Number.isFinite(style.length)) {
      this.styleLength[i] = Math.round(Math.max(-1, Math.min(1, style.length)) * LENGTH_STEPS) & 0xffff;
      this.styleHeaders[i] = toByte(style.headers);
      this.styleLists[i] = toByte(style.lists);
      this.styleBold[i] = toByte(style.bold);
    } else {
      this.styleLength[i] = UNKNOWN_STYLE;
      this.styleHeaders[i] = this.styleLists[i] = this.styleBold[i] = 0;
    }
  }
}

/**
 * Columnar copy of the votes (about 18 bytes a vote), kept sorted by voter so that one pass counts
 * distinct voters per slice and per model exactly: a voter's votes are contiguous, so "first time
 * this voter is seen for this model" is a comparison with the last voter seen for it. New votes go
 * to a small tail; voters who have votes in the tail are flagged so the pass can reconcile them.
 */
export class VoteColumns {
  private main = new Segment();
  private tail = new Segment();
  /** 1 for voters with at least one vote in the tail. */
  private inTail = new Uint8Array(0);
  modelCount = 0;

  get size(): number {
    return this.main.n + this.tail.n;
  }

  get tailSize(): number {
    return this.tail.n;
  }

  /** The columns as they are now, for the index file (views; the small voter flags copied, as they change in place). */
  parts(): ColumnsParts {
    return { main: this.main.parts(), tail: this.tail.parts(), inTail: this.inTail.slice(), modelCount: this.modelCount };
  }

  /** Columns read back from an index file. */
  static fromParts(parts: ColumnsParts): VoteColumns {
    const columns = new VoteColumns();
    columns.main = Segment.fromParts(parts.main);
    columns.tail = Segment.fromParts(parts.tail);
    columns.inTail = parts.inTail;
    columns.modelCount = parts.modelCount;
    return columns;
  }

  /** Makes room for this many more votes at once (avoids repeated doubling on a full load). */
  reserve(extra: number): void {
    this.tail.reserve(this.tail.n + extra);
  }

  /** Adds votes (any order). Call seal() after a batch. */
  append(votes: readonly IndexedVote[]): void {
    for (const v of votes) this.add(v);
  }

  /** Adds one vote (its fields are copied, so the caller may reuse the object). */
  add(v: IndexedVote): void {
    this.tail.push(v);
    if (v.voter >= this.inTail.length) {
      const grown = new Uint8Array(Math.max(1024, v.voter * 2 + 1));
      grown.set(this.inTail);
      this.inTail = grown;
    }
    this.inTail[v.voter] = 1;
    if (v.modelA >= this.modelCount) this.modelCount = v.modelA + 1;
    if (v.modelB >= this.modelCount) this.modelCount = v.modelB + 1;
  }

  /**
   * Folds the tail into the voter-sorted main part when it has grown past `maxTail` (or always
   * with maxTail 0). Cost O(n + voters): a counting sort by voter.
   */
  seal(maxTail = Math.max(50_000, this.main.n >> 4)): void {
    if (this.tail.n === 0 || this.tail.n <= maxTail) return;
    const total = this.main.n + this.tail.n;
    let voters = 0;
    for (const s of [this.main, this.tail]) for (let r = 0; r < s.n; r++) if (s.voter[r] + 1 > voters) voters = s.voter[r] + 1;
    const start = new Uint32Array(voters + 1);
    for (const s of [this.main, this.tail]) for (let r = 0; r < s.n; r++) start[s.voter[r] + 1]++;
    for (let v = 0; v < voters; v++) start[v + 1] += start[v];
    // where every row goes in voter order (stable: main rows first, then tail rows)
    const next = start.slice(0, voters);
    const rowAt = new Uint32Array(total); // position -> row (tail rows offset by main.n)
    for (let r = 0; r < this.main.n; r++) rowAt[next[this.main.voter[r]]++] = r;
    for (let r = 0; r < this.tail.n; r++) rowAt[next[this.tail.voter[r]]++] = this.main.n + r;
    const main = this.main;
    const tail = this.tail;
    const sorted = new Segment();
    sorted.n = total;
    // Column by column, dropping each old column once copied, to keep the peak memory low. Each
    // element type has its own copy loop so the loops stay monomorphic (and fast).
    const m = main.n;
    sorted.modelA = reorder16(main.modelA, tail.modelA, rowAt, m);
    sorted.modelB = reorder16(main.modelB, tail.modelB, rowAt, m);
    main.modelA = main.modelB = new Uint16Array(0);
    sorted.styleLength = reorder16(main.styleLength, tail.styleLength, rowAt, m);
    main.styleLength = new Uint16Array(0);
    for (const name of ["outcome", "source", "country", "age", "education", "language", "styleHeaders", "styleLists", "styleBold"] as const) {
      sorted[name] = reorder8(main[name], tail[name], rowAt, m);
      main[name] = new Uint8Array(0);
    }
    sorted.time = reorder32(main.time, tail.time, rowAt, m);
    main.time = new Uint32Array(0);
    sorted.voter = reorder32(main.voter, tail.voter, rowAt, m);
    this.main = sorted;
    this.tail = new Segment();
    this.inTail = new Uint8Array(this.inTail.length);
  }

  /**
   * Counts one slice in a single pass. Cost O(votes) with a handful of array reads per vote. With `byVoter`, also
   * records each matching vote (4 bytes) grouped by voter: see ScanResult.byVoter.
   */
  scan(f: CompiledFilter, records: ScanRecords = "none"): ScanResult {
    const byVoter = records !== "none";
    const withStyle = records === "style";
    const M = this.modelCount;
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

    const s = this.main;
    const { modelA, modelB, outcome, source, country, age, education, language, time, voter } = s;
    const inTail = this.inTail;
    const hasTail = this.tail.n > 0;
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

    const t2 = this.tail;
    const tailSeen = new Map<number, Set<number>>();
    const tailRecords: number[] = []; // voter, cell, style low, style high, …
    for (let r = 0; r < t2.n; r++) {
      if (f.country[t2.country[r]] === 0 || f.age[t2.age[r]] === 0 || f.education[t2.education[r]] === 0 || f.language[t2.language[r]] === 0) continue;
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
      result.byVoter = mergeTailRecords(starts!.view(), ids!.view(), codes!.subarray(0, recorded), tailRecords, styleLow?.subarray(0, recorded), styleHigh?.subarray(0, recorded));
    }
    return result;
  }

  /**
   * How many votes and distinct voters each value of each attribute has, in one pass (the same
   * contiguous-voter rule as scan()). `regionOf` maps a country code to its region code.
   */
  attributeCounts(regionOf: Uint8Array): AttributeCounts {
    const make = () => ({ votes: new Int32Array(256), voters: new Int32Array(256), last: new Int32Array(256).fill(-1) });
    const acc = { country: make(), region: make(), age: make(), education: make(), language: make() };
    const seenByVoter = new Map<number, Set<string>>(); // tail voters: "attribute:code" already counted
    const count = (key: keyof typeof acc, code: number, v: number, inTail: boolean) => {
      if (code === NONE) return;
      const a = acc[key];
      a.votes[code]++;
      if (!inTail) {
        if (a.last[code] !== v) {
          a.voters[code]++;
          a.last[code] = v;
          if (v < this.inTail.length && this.inTail[v] === 1) {
            let seen = seenByVoter.get(v);
            if (!seen) seenByVoter.set(v, (seen = new Set()));
            seen.add(`${key}:${code}`);
          }
        }
        return;
      }
      let seen = seenByVoter.get(v);
      if (!seen) seenByVoter.set(v, (seen = new Set()));
      if (!seen.has(`${key}:${code}`)) {
        a.voters[code]++;
        seen.add(`${key}:${code}`);
      }
    };
    for (const [segment, isTail] of [[this.main, false], [this.tail, true]] as const) {
      for (let r = 0; r < segment.n; r++) {
        const v = segment.voter[r];
        const c = segment.country[r];
        count("country", c, v, isTail);
        count("region", c === NONE ? NONE : regionOf[c], v, isTail);
        count("age", segment.age[r], v, isTail);
        count("education", segment.education[r], v, isTail);
        count("language", segment.language[r], v, isTail);
      }
    }
    const strip = (a: ReturnType<typeof make>) => ({ votes: a.votes, voters: a.voters });
    return { country: strip(acc.country), region: strip(acc.region), age: strip(acc.age), education: strip(acc.education), language: strip(acc.language) };
  }
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
    if (styleLow && styleHigh) result.style = decodeStyle(mainCount, (k) => styleLow[k], (k) => styleHigh[k]);
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
    result.style = decodeStyle(order.length, (k) => word(k, 2, styleLow), (k) => word(k, 3, styleHigh));
  }
  return result;
}

/** Each record's style contrasts from its two stored words (see scan): length NaN when unknown. Cost O(records). */
function decodeStyle(count: number, low: (k: number) => number, high: (k: number) => number): NonNullable<VotesByVoterCodes["style"]> {
  const length = new Float64Array(count);
  const headers = new Float64Array(count);
  const lists = new Float64Array(count);
  const bold = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const l = low(k);
    const h = high(k);
    length[k] = l === UNKNOWN_STYLE ? NaN : ((l << 16) >> 16) / LENGTH_STEPS;
    headers[k] = (((h & 0xff) << 24) >> 24) / COUNT_STEPS;
    lists[k] = ((((h >> 8) & 0xff) << 24) >> 24) / COUNT_STEPS;
    bold[k] = ((((h >> 16) & 0xff) << 24) >> 24) / COUNT_STEPS;
  }
  return { length, headers, lists, bold };
}

function acceptsAll(mask: Uint8Array): boolean {
  for (let i = 0; i < mask.length; i++) if (mask[i] === 0) return false;
  return true;
}

/** Votes and distinct voters per code of each demographic attribute (region derived from country). */
export interface AttributeCounts {
  country: { votes: Int32Array; voters: Int32Array };
  region: { votes: Int32Array; voters: Int32Array };
  age: { votes: Int32Array; voters: Int32Array };
  education: { votes: Int32Array; voters: Int32Array };
  language: { votes: Int32Array; voters: Int32Array };
}

/** An accept-everything filter, including "prefer not to say" values. */
export function acceptAll(): CompiledFilter {
  const all = () => new Uint8Array(256).fill(1);
  return { country: all(), age: all(), education: all(), language: all(), from: 0, to: 2 ** 32 };
}

/** A filter accepting only the listed codes of one attribute (never NONE). */
export function only(codes: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(256);
  for (const c of codes) if (c !== NONE) mask[c] = 1;
  return mask;
}
