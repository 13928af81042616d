/**
 * The set of sequence numbers held above a moving floor, as a bitmap: sequence numbers are dense,
 * so ten million of them take 1.25 MB instead of the ~400 MB a Set would.
 */
export class SeqSet {
  private floor = 0; // every seq <= floor counts as held
  private bits = new Uint8Array(1024);

  has(seq: number): boolean {
    if (seq <= this.floor) return true;
    const i = seq - this.floor - 1;
    return i < this.bits.length * 8 && (this.bits[i >> 3] & (1 << (i & 7))) !== 0;
  }

  add(seq: number): void {
    if (seq <= this.floor) return;
    const i = seq - this.floor - 1;
    if (i >= this.bits.length * 8) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, (i >> 3) + 1024));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[i >> 3] |= 1 << (i & 7);
  }

  /** Everything at or below `floor` is held from now on; the bitmap drops what lies below. */
  raiseFloor(floor: number): void {
    if (floor <= this.floor) return;
    const shift = floor - this.floor;
    const next = new Uint8Array(Math.max(1024, this.bits.length - (shift >> 3)));
    for (let i = shift, n = this.bits.length * 8; i < n; i++) {
      if (this.bits[i >> 3] & (1 << (i & 7))) {
        const j = i - shift;
        next[j >> 3] |= 1 << (j & 7);
      }
    }
    this.bits = next;
    this.floor = floor;
  }

  get lowest(): number {
    return this.floor;
  }
}
