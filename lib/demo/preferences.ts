import type { Rng } from "@/lib/rating";
import type { AgeBand, Education } from "@/lib/slices";
import type { VoteStyle } from "@/lib/style/features";

/**
 * The demo's preference model: how a simulated voter chooses between two real answers of the replay corpus.
 * The log-odds that answer A wins over answer B is
 *
 *   (s_A + audience_A + taste_A) − (s_B + audience_B + taste_B) + β_length · c_length + β_markdown · c_markdown
 *
 * - s: the model's base strength, logit of its AlpacaEval 2.0 length-controlled win rate (data/replay/models.json);
 * - audience: the built-in offsets of AUDIENCE_EFFECTS for every audience the voter belongs to (a voter who
 *   preferred not to say an answer belongs to no audience defined by it);
 * - taste: the voter's own offset per model (normal, sd 0.4): votes of one voter are correlated, as real ones are,
 *   so voter-clustered intervals matter;
 * - c_length, c_markdown: the answers' style contrasts, (x_A − x_B) / (x_A + x_B + 1) of tokens, and of headers +
 *   list items + bold spans, as the vote's style columns store them (the same features style control fits);
 * - β_length = 0.5 for everyone, −1.8 more for voters aged 55 and over, plus the voter's own length taste;
 *   β_markdown = 0.5 for everyone, −1.8 more for doctorate holders (STYLE_EFFECTS).
 *
 * 12% of votes have no winner: "both bad" with probability σ(−(base_A + base_B)/2 − 1) (27% for two average models,
 * 73% for two weak ones), otherwise a tie. One log-odds unit is about 174
 * rating points (400 / ln 10). The README's "What the demo shows" table lists the same effects.
 */

/** An audience: every given attribute must match (a voter's undisclosed answer matches nothing). */
export interface Audience {
  country?: string;
  region?: string;
  language?: string;
  age?: readonly AgeBand[];
  education?: readonly Education[];
}

export interface AudienceEffect {
  /** Names the effect in the methodology page's table (messages: demo.effects.<id>). */
  id: "showcase" | "asia" | "europe" | "german" | "young";
  audience: Audience;
  /** Log-odds added to each named model's strength (roster names). */
  offsets: Readonly<Record<string, number>>;
}

/** The README's example audience, and side A of the comparison page's default: 25–34 year-olds in Brazil writing in Portuguese. */
export const SHOWCASE_AUDIENCE = { country: "BR", age: ["25-34"], language: "pt" } as const satisfies Audience;

export const AUDIENCE_EFFECTS: readonly AudienceEffect[] = [
  { id: "showcase", audience: SHOWCASE_AUDIENCE, offsets: { "Meta-Llama-3.1-70B-Instruct-Turbo": 1.4, "gemini-pro": 0.9 } },
  { id: "asia", audience: { region: "asia" }, offsets: { "Qwen2-72B-Instruct": 0.9, "Yi-34B-Chat": 0.7 } },
  { id: "europe", audience: { region: "europe" }, offsets: { "Mixtral-8x7B-Instruct-v0.1": 0.8, "Mistral-7B-Instruct-v0.2": 0.7 } },
  { id: "german", audience: { language: "de" }, offsets: { "claude-3-opus-20240229": 0.8 } },
  { id: "young", audience: { age: ["18-24"] }, offsets: { "gpt-4o-mini-2024-07-18": 0.6 } },
];

/** How answer style sways votes (log-odds per unit of style contrast), for everyone and for some audiences. */
export const STYLE_EFFECTS = {
  length: { everyone: 0.5, extra: { audience: { age: ["55-64", "65+"] } as Audience, value: -1.8 } },
  markdown: { everyone: 0.5, extra: { audience: { education: ["doctorate"] } as Audience, value: -1.8 } },
} as const;

export const TIE_SHARE = 0.12;

/** The demographic answers a preference depends on (a DemoVoter has them). */
export interface VoterProfile {
  country: string | null;
  region: string | null;
  language: string | null;
  ageBand: AgeBand | null;
  education: Education | null;
}

/** Logit of a win rate given in percent: a model's base strength. */
export function baseStrength(winRatePercent: number): number {
  const p = winRatePercent / 100;
  return Math.log(p / (1 - p));
}

export function isInAudience(voter: VoterProfile, audience: Audience): boolean {
  return (
    (audience.country === undefined || voter.country === audience.country) &&
    (audience.region === undefined || voter.region === audience.region) &&
    (audience.language === undefined || voter.language === audience.language) &&
    (audience.age === undefined || (voter.ageBand !== null && audience.age.includes(voter.ageBand))) &&
    (audience.education === undefined || (voter.education !== null && audience.education.includes(voter.education)))
  );
}

/** The built-in audience offset of one model for one voter: the sum over the audiences the voter is in. */
export function audienceOffset(voter: VoterProfile, model: string): number {
  let sum = 0;
  for (const effect of AUDIENCE_EFFECTS) if (isInAudience(voter, effect.audience)) sum += effect.offsets[model] ?? 0;
  return sum;
}

/** The voter's audience-level style coefficients (before their own length taste). */
export function styleCoefficients(voter: VoterProfile): { length: number; markdown: number } {
  const { length, markdown } = STYLE_EFFECTS;
  return {
    length: length.everyone + (isInAudience(voter, length.extra.audience) ? length.extra.value : 0),
    markdown: markdown.everyone + (isInAudience(voter, markdown.extra.audience) ? markdown.extra.value : 0),
  };
}

const contrast = (a: number, b: number) => (a - b) / (a + b + 1);

/** Style contrasts of a vote's two answers, as the vote index computes them (STYLE_CONTRAST_SQL). */
export function styleContrasts(style: VoteStyle): { length: number; markdown: number } {
  const md = (h: number | null, l: number | null, b: number | null) => (h ?? 0) + (l ?? 0) + (b ?? 0);
  return {
    length: contrast(style.tokensA ?? 0, style.tokensB ?? 0),
    markdown: contrast(md(style.headersA, style.listsA, style.boldA), md(style.headersB, style.listsB, style.boldB)),
  };
}

/** Log-odds that A wins, given each side's strength including audience and taste offsets, and the style contrasts. */
export function preferenceLogit(
  strengthA: number,
  strengthB: number,
  coefficients: { length: number; markdown: number },
  contrasts: { length: number; markdown: number },
): number {
  return strengthA - strengthB + coefficients.length * contrasts.length + coefficients.markdown * contrasts.markdown;
}

export type DemoOutcome = "A" | "B" | "TIE" | "BOTH_BAD";

/** Of the votes with no winner, the share judged "both bad": σ(−(base_A + base_B)/2 − 1), more often for weaker pairs. */
export function bothBadShare(baseA: number, baseB: number): number {
  return 1 / (1 + Math.exp((baseA + baseB) / 2 + 1));
}

/** One vote: no winner TIE_SHARE of the time (both bad with bothBadShare, else a tie), else A with probability σ(logit). */
export function drawOutcome(rng: Rng, logit: number, baseA: number, baseB: number): DemoOutcome {
  if (rng() < TIE_SHARE) return rng() < bothBadShare(baseA, baseB) ? "BOTH_BAD" : "TIE";
  return rng() < 1 / (1 + Math.exp(-logit)) ? "A" : "B";
}
