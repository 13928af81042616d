import type { Rng } from "../types";

/**
 * Test helper, not part of the module: the uniform stream of numpy's `np.random.default_rng(seed=0)` (PCG64,
 * XSL-RR output, 128-bit LCG; `random()` = (next_uint64 >> 11) · 2⁻⁵³). With it, `bootstrapRatings` draws
 * exactly the multinomials FastChat's `compute_bootstrap_bt` drew, so bounds can be compared tightly.
 * The initial state is numpy's SeedSequence(0) output, read from `default_rng(0).bit_generator.state`.
 */
const NUMPY_SEED0_STATE = 35399562948360463058890781895381311971n;
const NUMPY_SEED0_INC = 87136372517582989555478159403783844777n;
const MULTIPLIER = 0x2360ed051fc65da44385df649fccf645n;
const MASK128 = (1n << 128n) - 1n;
const MASK64 = (1n << 64n) - 1n;

/** numpy's PCG64 from seed 0 as an `Rng`. */
export function createNumpySeed0Rng(): Rng {
  let state = NUMPY_SEED0_STATE;
  const nextUint64 = (): bigint => {
    state = (state * MULTIPLIER + NUMPY_SEED0_INC) & MASK128;
    const hi = state >> 64n;
    const xored = (hi ^ state) & MASK64;
    const rot = hi >> 58n;
    return ((xored >> rot) | (xored << ((64n - rot) & 63n))) & MASK64;
  };
  return () => Number(nextUint64() >> 11n) / 9007199254740992;
}
