/**
 * What one part of `npm run simulate` reports: the figures it measured (each with its Monte Carlo error where it
 * is a rate), and whether they meet the promise stated on the methodology page.
 */
export interface SimulationSection {
  title: string;
  /** Human-readable lines, one figure each, e.g. "coverage 0.951 ± 0.004 (target 0.93–0.97)". */
  lines: string[];
  /** True when every target of this section is met. */
  ok: boolean;
}

/** Options every section accepts: a seed, and `quick` for a smaller run (tests and a first look). */
export interface SimulationOptions {
  seed: number;
  quick: boolean;
}

/** A rate with its binomial Monte Carlo standard error, as "0.951 ± 0.004". */
export function formatRate(successes: number, trials: number, digits = 3): string {
  const p = trials > 0 ? successes / trials : NaN;
  const se = trials > 0 ? Math.sqrt((p * (1 - p)) / trials) : NaN;
  return `${p.toFixed(digits)} ± ${se.toFixed(digits)}`;
}
