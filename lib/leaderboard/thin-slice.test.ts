import { describe, expect, it } from "vitest";
import { isSliceShown, publicCount, publicSliceSize, publicVoterCount } from "./thin-slice";

describe("thin slices show no exact counts", () => {
  it.each([
    // votes, voters, minimum -> public size
    [500, 20, 20, { votes: 500, voters: 20, belowMinimum: false, minVoters: 20 }],
    [500, 19, 20, { votes: null, voters: null, belowMinimum: true, minVoters: 20 }],
    [3, 1, 20, { votes: null, voters: null, belowMinimum: true, minVoters: 20 }],
    [0, 0, 20, { votes: null, voters: null, belowMinimum: true, minVoters: 20 }],
    [0, 0, 1, { votes: null, voters: null, belowMinimum: true, minVoters: 1 }],
    [1, 1, 1, { votes: 1, voters: 1, belowMinimum: false, minVoters: 1 }],
  ])("%i votes by %i voters, minimum %i", (votes, voters, min, expected) => {
    expect(publicSliceSize({ votes, voters }, min)).toEqual(expected);
    expect(isSliceShown({ votes, voters }, min)).toBe(!expected.belowMinimum);
  });

  it("withholds every count of a slice that is not shown, and the voters two audiences share under the minimum", () => {
    expect(publicCount(7, false)).toBeNull();
    expect(publicCount(7, true)).toBe(7);
    expect(publicVoterCount(19, 20)).toBeNull();
    expect(publicVoterCount(0, 20)).toBeNull();
    expect(publicVoterCount(20, 20)).toBe(20);
  });

  it("never lets two thin slices that differ by one voter be subtracted", () => {
    const a = publicSliceSize({ votes: 40, voters: 12 }, 20);
    const b = publicSliceSize({ votes: 43, voters: 13 }, 20);
    expect(a).toEqual(b);
  });
});
