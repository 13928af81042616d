import type { Rng } from "./types";

/** 32-bit outputs generated per refill: the generator runs in a tight loop with its state in locals. */
const BLOCK = 512;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/**
 * A seeded stream of xoshiro128** (Blackman & Vigna) outputs, state filled from the seed by splitmix32, generated
 * in blocks of 512 (which the sequence does not depend on). `nextDouble` is a 53-bit uniform in [0, 1) built
 * from two consecutive 32-bit outputs (27 + 26 bits); `nextUint32` hands out one output. Same seed, same
 * sequence, on every platform. Not cryptographic. Both methods are small enough to be inlined into hot loops.
 * Cost O(1) per number (~2 ns per 32-bit output).
 */
export class UniformStream {
  private readonly state = new Int32Array(4);
  private readonly block = new Uint32Array(BLOCK);
  private next = BLOCK;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    // Both halves of the seed feed the state, so seeds differing only above bit 32 still differ.
    let mix = (seed >>> 0) ^ Math.imul(Math.floor(seed / 0x1_0000_0000) >>> 0, 0x9e3779b9);
    for (let k = 0; k < 4; k++) {
      mix = (mix + 0x9e3779b9) | 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.state[k] = z ^ (z >>> 16);
    }
    if ((this.state[0]! | this.state[1]! | this.state[2]! | this.state[3]!) === 0) this.state[0] = 1; // the all-zero state is a fixed point
  }

  /** The next output, an integer in [0, 2³²). */
  nextUint32(): number {
    if (this.next === BLOCK) this.refill();
    return this.block[this.next++]!;
  }

  /** A uniform in [0, 1) with 53 random bits: the top 27 bits of one output, then the top 26 of the next. */
  nextDouble(): number {
    if (this.next >= BLOCK - 1) return (this.nextUint32() >>> 5) * (TWO_POW_26 / TWO_POW_53) + (this.nextUint32() >>> 6) / TWO_POW_53;
    const high = this.block[this.next]! >>> 5;
    const low = this.block[this.next + 1]! >>> 6;
    this.next += 2;
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  /**
   * Writes the next `count` outputs (integers in [0, 2³²)) into out[0..count): the same numbers `count` calls of
   * `nextUint32` would give, generated in one tight loop. For hot loops that read them from the array.
   */
  fillUint32(out: Uint32Array, count: number = out.length): void {
    let k = 0;
    while (k < count && this.next < BLOCK) out[k++] = this.block[this.next++]!;
    if (k < count) generate(this.state, out, k, count);
  }

  private refill(): void {
    generate(this.state, this.block, 0, BLOCK);
    this.next = 0;
  }
}

/** Writes xoshiro128** outputs from `state` (advanced in place) into out[from..to). */
function generate(state: Int32Array, out: Uint32Array, from: number, to: number): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  for (let k = from; k < to; k++) {
    const x = Math.imul(s1, 5);
    out[k] = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

/**
 * A seeded source of uniforms in [0, 1): the `nextDouble`s of a `UniformStream`. Same seed, same sequence, on
 * every platform. Not cryptographic. Cost O(1) per number.
 */
export function createRng(seed: number): Rng {
  const stream = new UniformStream(seed);
  return () => stream.nextDouble();
}
