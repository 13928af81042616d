import { countAttributes, type AttributeCounts } from "./attribute-counts";
import type { CompiledFilter } from "./compile-filter";
import { scanSegments, type ScanRecords, type ScanResult } from "./vote-scan";
import { mergeByVoter, Segment, type ColumnsParts, type IndexedVote } from "./vote-segment";

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
    this.main = mergeByVoter(this.main, this.tail);
    this.tail = new Segment();
    this.inTail = new Uint8Array(this.inTail.length);
  }

  /**
   * Counts one slice in a single pass. Cost O(votes) with a handful of array reads per vote. With `byVoter`, also
   * records each matching vote (4 bytes) grouped by voter: see ScanResult.byVoter.
   */
  scan(f: CompiledFilter, records: ScanRecords = "none"): ScanResult {
    return scanSegments(this.main, this.tail, this.inTail, this.modelCount, f, records);
  }

  /**
   * How many votes and distinct voters each value of each attribute has, in one pass (the same
   * contiguous-voter rule as scan()). `regionOf` maps a country code to its region code.
   */
  attributeCounts(regionOf: Uint8Array): AttributeCounts {
    return countAttributes(this.main, this.tail, this.inTail, regionOf);
  }
}
