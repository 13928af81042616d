/**
 * Counted votes per ordered model pair (A shown left) and outcome, over all counted votes,
 * kept up to date as the index loads rows: one array increment per vote, so sampling and the
 * anomaly detector read totals in O(1) without scanning the votes.
 */
export class PairCounts {
  private cap = 0;
  private cells = new Int32Array(0);
  private perModel = new Int32Array(0);
  /** Counted votes by outcome code over all pairs (A, B, TIE, BOTH_BAD). */
  readonly outcomes = [0, 0, 0, 0];

  private grow(code: number): void {
    let cap = Math.max(16, this.cap);
    while (code >= cap) cap *= 2;
    const cells = new Int32Array(cap * cap * 4);
    for (let a = 0; a < this.cap; a++) cells.set(this.cells.subarray(a * this.cap * 4, (a + 1) * this.cap * 4), a * cap * 4);
    const perModel = new Int32Array(cap);
    perModel.set(this.perModel);
    this.cap = cap;
    this.cells = cells;
    this.perModel = perModel;
  }

  /** Counts one vote between model codes a (left) and b (right) with outcome code 0..3. */
  add(a: number, b: number, outcome: number): void {
    if (a >= this.cap || b >= this.cap) this.grow(Math.max(a, b));
    this.cells[(a * this.cap + b) * 4 + outcome]++;
    this.perModel[a]++;
    this.perModel[b]++;
    this.outcomes[outcome]++;
  }

  /** The counts as stored in the index file (copies: the live arrays change in place). */
  parts(): { cap: number; cells: Int32Array<ArrayBuffer>; perModel: Int32Array<ArrayBuffer>; outcomes: number[] } {
    return { cap: this.cap, cells: this.cells.slice(), perModel: this.perModel.slice(), outcomes: [...this.outcomes] };
  }

  static fromParts(parts: {
    cap: number;
    cells: Int32Array<ArrayBuffer>;
    perModel: Int32Array<ArrayBuffer>;
    outcomes: number[];
  }): PairCounts {
    const p = new PairCounts();
    p.cap = parts.cap;
    p.cells = parts.cells;
    p.perModel = parts.perModel;
    for (let o = 0; o < 4; o++) p.outcomes[o] = parts.outcomes[o] ?? 0;
    return p;
  }

  /** Votes involving model code m. */
  model(m: number): number {
    return m >= 0 && m < this.cap ? this.perModel[m] : 0;
  }

  /** Votes with a on the left and b on the right, for outcome code 0..3. */
  cell(a: number, b: number, outcome: number): number {
    return a >= 0 && b >= 0 && a < this.cap && b < this.cap ? this.cells[(a * this.cap + b) * 4 + outcome] : 0;
  }

  /** Votes between a and b in either orientation. */
  pair(a: number, b: number): number {
    let n = 0;
    for (let o = 0; o < 4; o++) n += this.cell(a, b, o) + this.cell(b, a, o);
    return n;
  }
}
