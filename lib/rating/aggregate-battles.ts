import type { AggregatedBattles, Battle, Outcome, PairCell } from "./types";

const OUTCOME_ORDER: readonly Outcome[] = ["A", "B", "TIE", "BOTH_BAD"];

/**
 * Counts battles into distinct (model a, model b, outcome) cells. Models are indexed in name order
 * (code-unit order, independent of locale) and cells sorted by (a, b, outcome A/B/TIE/BOTH_BAD), so the same
 * battles in any order give the same output. A model battling itself tells nothing about ratings; such battles
 * are dropped. Cost O(battles + cells · log cells).
 */
export function aggregateBattles(battles: readonly Battle[]): AggregatedBattles {
  const names = new Set<string>();
  for (const { modelA, modelB } of battles) {
    if (modelA === modelB) continue;
    names.add(modelA);
    names.add(modelB);
  }
  const models = [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const index = new Map(models.map((name, i) => [name, i]));
  const n = models.length;

  const counts = new Map<number, number>();
  for (const { modelA, modelB, outcome } of battles) {
    if (modelA === modelB) continue;
    const outcomeIndex = OUTCOME_ORDER.indexOf(outcome);
    if (outcomeIndex < 0) throw new RangeError(`unknown outcome ${String(outcome)}`);
    const key = ((index.get(modelA) ?? 0) * n + (index.get(modelB) ?? 0)) * OUTCOME_ORDER.length + outcomeIndex;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells: PairCell[] = [...counts.entries()]
    .sort(([x], [y]) => x - y)
    .map(([key, count]) => {
      const pair = Math.floor(key / OUTCOME_ORDER.length);
      return {
        a: Math.floor(pair / n),
        b: pair % n,
        outcome: OUTCOME_ORDER[key % OUTCOME_ORDER.length] ?? "TIE",
        count,
      };
    });
  return { models, cells };
}
