import { NONE } from "./codes";
import type { Segment } from "./vote-segment";

/** Votes and distinct voters per code of each demographic attribute (region derived from country). */
export interface AttributeCounts {
  country: { votes: Int32Array; voters: Int32Array };
  region: { votes: Int32Array; voters: Int32Array };
  age: { votes: Int32Array; voters: Int32Array };
  education: { votes: Int32Array; voters: Int32Array };
  language: { votes: Int32Array; voters: Int32Array };
}

/**
 * How many votes and distinct voters each value of each attribute has, over a voter-sorted main segment and its
 * tail (`tailVoters` flags the voters with tail votes), in one pass: see VoteColumns.attributeCounts.
 */
export function countAttributes(main: Segment, tail: Segment, tailVoters: Uint8Array, regionOf: Uint8Array): AttributeCounts {
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
        if (v < tailVoters.length && tailVoters[v] === 1) {
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
  for (const [segment, isTail] of [
    [main, false],
    [tail, true],
  ] as const) {
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
  return {
    country: strip(acc.country),
    region: strip(acc.region),
    age: strip(acc.age),
    education: strip(acc.education),
    language: strip(acc.language),
  };
}
