import type { PairCell } from "./types";

/** A model's battles in a slice: wins, losses, ties and both-bad votes (self-battles ignored). */
export interface ModelRecord {
  battles: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
}

/**
 * Wins, losses, ties and both-bad votes of every model, from the cells (self-battles ignored). Cost O(cells).
 */
export function modelRecords(cells: readonly PairCell[], n: number): ModelRecord[] {
  const counts = Array.from({ length: n }, () => ({ battles: 0, wins: 0, losses: 0, ties: 0, bothBad: 0 }));
  for (const { a, b, outcome, count } of cells) {
    if (a === b) continue;
    const left = counts[a]!;
    const right = counts[b]!;
    left.battles += count;
    right.battles += count;
    if (outcome === "A") {
      left.wins += count;
      right.losses += count;
    } else if (outcome === "B") {
      right.wins += count;
      left.losses += count;
    } else if (outcome === "TIE") {
      left.ties += count;
      right.ties += count;
    } else {
      left.bothBad += count;
      right.bothBad += count;
    }
  }
  return counts;
}
