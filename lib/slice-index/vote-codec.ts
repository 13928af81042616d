import type { VotesByVoterCodes } from "./vote-scan";

/** Stored length contrast: Int16 steps of 1/32767 in a Uint16 column, UNKNOWN_STYLE when unknown. */
export const LENGTH_STEPS = 32767;
export const UNKNOWN_STYLE = 0x8000;
/**
 * The markdown contrasts are kept in one signed byte each, in steps of 1/127: an error of at most 0.004 on a value
 * whose spread is about 0.3 (noise that attenuates a coefficient by ~0.01%), for 3 bytes a vote instead of 6.
 */
export const COUNT_STEPS = 127;
export const toByte = (x: number) => Math.round(Math.max(-1, Math.min(1, x)) * COUNT_STEPS) & 0xff;

export const DEMO = 2;
/** The source column keeps the source code in its low two bits and the replay flag in this one (no extra byte a vote). */
export const REPLAY_BIT = 4;
export const SOURCE_MASK = 3;

/** Each record's style contrasts from its two stored words (see scanSegments): length NaN when unknown. Cost O(records). */
export function decodeStyle(
  count: number,
  low: (k: number) => number,
  high: (k: number) => number,
): NonNullable<VotesByVoterCodes["style"]> {
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
