import { LENGTH_STEPS, REPLAY_BIT, toByte, UNKNOWN_STYLE } from "./vote-codec";

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

/** The typed columns of a segment, by name (the persisted index file stores them in this order). */
export const SEGMENT_COLUMNS = [
  "modelA",
  "modelB",
  "outcome",
  "source",
  "country",
  "age",
  "education",
  "language",
  "time",
  "voter",
  "styleLength",
  "styleHeaders",
  "styleLists",
  "styleBold",
] as const;
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
export class Segment {
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

/**
 * The rows of main and tail in one segment sorted by voter (stable: main rows first, then tail rows). Cost
 * O(n + voters): a counting sort by voter. Both inputs are spent: main's columns are dropped as they are copied.
 */
export function mergeByVoter(main: Segment, tail: Segment): Segment {
  const total = main.n + tail.n;
  let voters = 0;
  for (const s of [main, tail]) for (let r = 0; r < s.n; r++) if (s.voter[r] + 1 > voters) voters = s.voter[r] + 1;
  const start = new Uint32Array(voters + 1);
  for (const s of [main, tail]) for (let r = 0; r < s.n; r++) start[s.voter[r] + 1]++;
  for (let v = 0; v < voters; v++) start[v + 1] += start[v];
  // where every row goes in voter order (stable: main rows first, then tail rows)
  const next = start.slice(0, voters);
  const rowAt = new Uint32Array(total); // position -> row (tail rows offset by main.n)
  for (let r = 0; r < main.n; r++) rowAt[next[main.voter[r]]++] = r;
  for (let r = 0; r < tail.n; r++) rowAt[next[tail.voter[r]]++] = main.n + r;
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
  return sorted;
}
