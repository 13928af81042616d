// Style control's promises, checked on simulated arenas with known truth: the voter-clustered 95% intervals of
// the ratings and style coefficients cover the truth about 95% of the time (the vote-level ones, which treat a
// voter's votes as independent, do not), and a fit of 1M votes of 100 models, with its intervals, takes ~200 ms.
// Usage: npx tsx scripts/simulate/style-control.ts [--quick], or as the "style" section of scripts/simulate.ts.
import { simulateStyledVotes, type StyledVotesSpec } from "../../lib/rating/__fixtures__/styled-votes";
import { fitStyleControl, STYLE_FEATURES, type StyleControlResult } from "../../lib/rating/style-control";
import { formatRate, type SimulationOptions, type SimulationSection } from "./report";

/** A small arena: 10 models of uneven shares, 200 voters casting 40 votes on average, each with strong tastes of their own. */
const ARENA: Omit<StyledVotesSpec, "voterSeed"> = { models: 10, voters: 200, votesPerVoter: 40, seed: 1, voterTaste: 1.2 };

/** The numbers a 95% interval should cover: centred ratings, then the four coefficients. */
function estimates(result: StyleControlResult): number[] {
  return [...result.ratings.map((r) => r!.rating), ...STYLE_FEATURES.map((f) => result.coefficients[f]!.estimate)];
}

/** Each vote its own "voter": the vote-level intervals a fit that ignores voters would print. */
function asIndependentVotes<T extends { start: Int32Array; a: Int32Array; voterId?: Int32Array }>(votes: T): T {
  return { ...votes, start: Int32Array.from({ length: votes.a.length + 1 }, (_, v) => v), voterId: undefined };
}

/**
 * Coverage of the 95% intervals over `replicates` arenas drawn from the same models with new voters. The truth is
 * the population value of what the fit estimates (with voters' tastes averaged in), taken from one fit of 300
 * times as many voters: its own error is ~6% of a replicate's standard error.
 */
function coverage(options: SimulationOptions): { lines: string[]; ok: boolean } {
  const replicates = options.quick ? 100 : 1000;
  const truth = estimates(fitStyleControl(simulateStyledVotes({ ...ARENA, voters: 300 * ARENA.voters, voterSeed: options.seed })));
  const k = ARENA.models;
  const hits = { ratings: [0, 0], coefficients: [0, 0] }; // [clustered, vote-level]
  let ratingTrials = 0;
  let coefficientTrials = 0;
  for (let r = 0; r < replicates; r++) {
    const votes = simulateStyledVotes({ ...ARENA, voterSeed: options.seed + 1 + r });
    const fits = [fitStyleControl(votes), fitStyleControl(asIndependentVotes(votes))];
    fits.forEach((fit, which) => {
      fit.ratings.forEach((row, m) => {
        if (row!.lower! <= truth[m]! && truth[m]! <= row!.upper!) hits.ratings[which]!++;
      });
      STYLE_FEATURES.forEach((f, i) => {
        const c = fit.coefficients[f]!;
        if (c.lower! <= truth[k + i]! && truth[k + i]! <= c.upper!) hits.coefficients[which]!++;
      });
    });
    ratingTrials += k;
    coefficientTrials += STYLE_FEATURES.length;
  }
  // met when the coverage is within 2 Monte Carlo errors of the band (quick runs have few arenas)
  const inTarget = (h: number, n: number) => {
    const p = h / n;
    return Math.abs(p - Math.min(0.97, Math.max(0.93, p))) <= 2 * Math.sqrt((p * (1 - p)) / n);
  };
  return {
    lines: [
      `${replicates} arenas of ${ARENA.voters} voters × ~${ARENA.votesPerVoter} votes, ${k} models, voter taste sd ${ARENA.voterTaste}`,
      `ratings: voter-clustered coverage ${formatRate(hits.ratings[0]!, ratingTrials)} (target 0.93–0.97 within MC error); vote-level ${formatRate(hits.ratings[1]!, ratingTrials)}`,
      `coefficients: voter-clustered coverage ${formatRate(hits.coefficients[0]!, coefficientTrials)} (target 0.93–0.97 within MC error); vote-level ${formatRate(hits.coefficients[1]!, coefficientTrials)}`,
    ],
    ok: inTarget(hits.ratings[0]!, ratingTrials) && inTarget(hits.coefficients[0]!, coefficientTrials),
  };
}

/** Wall time of the fit with its intervals on 1M votes of 100 models (best and median of several runs). */
function timing(options: SimulationOptions): { lines: string[]; ok: boolean } {
  const runs = options.quick ? 3 : 9;
  const lines: string[] = [];
  let ok = true;
  for (const voters of [10_000, 50_000, 200_000]) {
    const votes = simulateStyledVotes({ models: 100, voters, votesPerVoter: 1_000_000 / voters, seed: options.seed });
    const times: number[] = [];
    let result: StyleControlResult | null = null;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      result = fitStyleControl(votes);
      times.push(performance.now() - started);
    }
    times.sort((x, y) => x - y);
    const median = times[Math.floor(times.length / 2)]!;
    ok &&= median < 250;
    lines.push(
      `${votes.a.length.toLocaleString("en")} votes, 100 models, ${voters.toLocaleString("en")} voters: best ${times[0]!.toFixed(0)} ms, median ${median.toFixed(0)} ms (${result!.newtonSteps} Newton steps; goal ~200 ms)`,
    );
  }
  return { lines, ok };
}

/** Style control's section of the simulation report. */
export function simulateStyleControl(options: SimulationOptions): SimulationSection {
  const cover = coverage(options);
  const time = timing(options);
  return { title: "Style control (voter-clustered sandwich)", lines: [...cover.lines, ...time.lines], ok: cover.ok && time.ok };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = simulateStyleControl({ seed: 2024, quick: process.argv.includes("--quick") });
  console.log(`${section.title}: ${section.ok ? "promises held" : "NOT held"}`);
  for (const line of section.lines) console.log(`  ${line}`);
}
