import type { Rng } from "@/lib/rating";
import { styleFeatures, voteStyleColumns, type VoteStyle } from "@/lib/style/features";
import { makeVoters, type DemoVoter } from "./population";
import {
  audienceOffset,
  baseStrength,
  drawOutcome,
  preferenceLogit,
  styleCoefficients,
  styleContrasts,
  type DemoOutcome,
} from "./preferences";

/** A roster model as the simulation sees it: its name and AlpacaEval 2.0 LC win rate (percent). */
export interface DemoModel {
  name: string;
  winRate: number;
}

/**
 * Models that joined the arena late, by name: days before `now` they entered (the newest roster release). Votes
 * before that never drew them, so they have fewer votes, and small audiences honestly show "not enough votes".
 */
export const LATE_ENTRIES: Readonly<Record<string, number>> = { "gpt-4o-mini-2024-07-18": 30 };

/** A replay prompt: the models' real answers to it, by roster name. */
export interface DemoPrompt {
  outputs: Readonly<Record<string, string>>;
}

/** Style features of one answer, as a vote's columns store them. */
interface SideStyle {
  tokens: number;
  headers: number;
  lists: number;
  bold: number;
}

/** The simulated votes, one entry per vote in each column, in time order. */
export interface SimulatedVotes {
  voters: DemoVoter[];
  voter: Int32Array;
  modelA: Int32Array;
  modelB: Int32Array;
  prompt: Int32Array;
  outcome: DemoOutcome[];
  /** Milliseconds since the epoch. */
  time: Float64Array;
  style: VoteStyle[];
}

/**
 * Each answer's style features, measured exactly as a live or replayed battle's are (styleFeatures with no
 * provider token count, so tokens are estimated; then voteStyleColumns): null where the corpus has no answer.
 * Cost O(total answer length).
 */
export function answerStyles(prompts: readonly DemoPrompt[], models: readonly DemoModel[]): (SideStyle | null)[][] {
  const none = { outputTokens: null, latencyMs: null, firstTokenMs: null };
  return prompts.map((p) =>
    models.map((m) => {
      const text = p.outputs[m.name];
      if (text === undefined) return null;
      const s = voteStyleColumns(styleFeatures(text, none), null);
      return { tokens: s.tokensA!, headers: s.headersA!, lists: s.listsA!, bold: s.boldA! };
    }),
  );
}

/**
 * Simulates `count` votes by `voterCount` voters (lib/demo/population.ts) under the preference model
 * (lib/demo/preferences.ts): each vote is cast at a uniform time in the `days` days before `now`, on a uniformly drawn
 * pair of distinct models in the arena then (LATE_ENTRIES), shown in random order, and a uniformly drawn prompt both
 * models answered. Deterministic
 * for a given random source. Cost O(count + voters · models) after the style table.
 */
export function simulateDemoVotes(options: {
  rng: Rng;
  models: readonly DemoModel[];
  styles: readonly (SideStyle | null)[][];
  count: number;
  voters: number;
  now: number;
  days: number;
}): SimulatedVotes {
  const { rng, models, styles, count, now, days } = options;
  const M = models.length;
  if (M < 2) throw new RangeError("the demo needs at least two models");
  const base = models.map((m) => baseStrength(m.winRate));
  const voters = makeVoters(rng, options.voters, count, M);
  const all = models.map((_, m) => m);
  const late = all.filter((m) => LATE_ENTRIES[models[m]!.name] !== undefined);
  const early = all.filter((m) => LATE_ENTRIES[models[m]!.name] === undefined);
  const available = (time: number) =>
    late.length === 0 ? all : all.filter((m) => !late.includes(m) || time >= now - LATE_ENTRIES[models[m]!.name]! * 86_400_000);
  if (early.length < 2) throw new RangeError("the demo needs two models present from the start");
  const order: { voter: number; a: number; b: number; prompt: number; outcome: DemoOutcome; time: number; style: VoteStyle }[] = [];
  for (let v = 0; v < voters.length; v++) {
    const voter = voters[v]!;
    const strength = base.map((s, m) => s + audienceOffset(voter, models[m]!.name) + voter.taste[m]!);
    const coefficients = styleCoefficients(voter);
    coefficients.length += voter.lengthTaste;
    for (let k = 0; k < voter.votes; k++) {
      const time = Math.floor(now - rng() * days * 86_400_000);
      const open = available(time);
      const i = Math.floor(rng() * open.length);
      let j = Math.floor(rng() * (open.length - 1));
      if (j >= i) j += 1;
      const [a, b] = [open[i]!, open[j]!];
      let prompt = Math.floor(rng() * styles.length);
      for (let tries = 0; (!styles[prompt]![a] || !styles[prompt]![b]) && tries < styles.length; tries++)
        prompt = (prompt + 1) % styles.length;
      const sa = styles[prompt]![a];
      const sb = styles[prompt]![b];
      if (!sa || !sb) throw new RangeError(`no prompt has answers of both ${models[a]!.name} and ${models[b]!.name}`);
      const style: VoteStyle = {
        tokensA: sa.tokens,
        tokensB: sb.tokens,
        headersA: sa.headers,
        headersB: sb.headers,
        listsA: sa.lists,
        listsB: sb.lists,
        boldA: sa.bold,
        boldB: sb.bold,
      };
      const logit = preferenceLogit(strength[a]!, strength[b]!, coefficients, styleContrasts(style));
      const outcome = drawOutcome(rng, logit, base[a]!, base[b]!);
      order.push({ voter: v, a, b, prompt, outcome, time, style });
    }
  }
  order.sort((x, y) => x.time - y.time);
  return {
    voters,
    voter: Int32Array.from(order, (o) => o.voter),
    modelA: Int32Array.from(order, (o) => o.a),
    modelB: Int32Array.from(order, (o) => o.b),
    prompt: Int32Array.from(order, (o) => o.prompt),
    outcome: order.map((o) => o.outcome),
    time: Float64Array.from(order, (o) => o.time),
    style: order.map((o) => o.style),
  };
}
