import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/rating";
import { makeVoters, quotas } from "./population";
import {
  audienceOffset,
  baseStrength,
  drawOutcome,
  isInAudience,
  preferenceLogit,
  SHOWCASE_AUDIENCE,
  styleCoefficients,
  styleContrasts,
  TIE_SHARE,
  bothBadShare,
  type VoterProfile,
} from "./preferences";
import { simulateDemoVotes } from "./simulate";

const voter = (over: Partial<VoterProfile> = {}): VoterProfile => ({
  country: "US",
  region: "americas",
  language: "en",
  ageBand: "35-44",
  education: "bachelor",
  ...over,
});
const LLAMA = "Meta-Llama-3.1-70B-Instruct-Turbo";

describe("the demo's preference model", () => {
  it("turns a win rate into a logit strength", () => {
    expect(baseStrength(50)).toBe(0);
    expect(baseStrength(75)).toBeCloseTo(Math.log(3));
    expect(baseStrength(10.43)).toBeLessThan(baseStrength(57.46));
  });

  it("gives 25–34 year-old Brazilians writing Portuguese a strong liking for Llama 3.1 70B, and nobody else", () => {
    const showcase = voter({ country: "BR", language: "pt", ageBand: "25-34" });
    expect(isInAudience(showcase, SHOWCASE_AUDIENCE)).toBe(true);
    expect(audienceOffset(showcase, LLAMA)).toBeGreaterThanOrEqual(1);
    expect(audienceOffset(voter({ country: "BR", language: "pt", ageBand: "35-44" }), LLAMA)).toBe(0);
    expect(audienceOffset(voter({ country: "BR", language: null, ageBand: "25-34" }), LLAMA)).toBe(0); // undisclosed matches nothing
    expect(audienceOffset(voter(), LLAMA)).toBe(0);
  });

  it("has regional favourites", () => {
    expect(audienceOffset(voter({ country: "JP", region: "asia", language: "ja" }), "Qwen2-72B-Instruct")).toBeGreaterThan(0);
    expect(audienceOffset(voter({ country: "FR", region: "europe", language: "fr" }), "Mixtral-8x7B-Instruct-v0.1")).toBeGreaterThan(0);
    expect(audienceOffset(voter(), "Qwen2-72B-Instruct")).toBe(0);
  });

  it("makes voters 55 and over prefer shorter answers and doctorate holders less markdown", () => {
    expect(styleCoefficients(voter()).length).toBeGreaterThan(0);
    expect(styleCoefficients(voter({ ageBand: "65+" })).length).toBeLessThan(0);
    expect(styleCoefficients(voter({ ageBand: "55-64" })).length).toBeLessThan(0);
    expect(styleCoefficients(voter()).markdown).toBeGreaterThan(0);
    expect(styleCoefficients(voter({ education: "doctorate" })).markdown).toBeLessThan(0);
    // a longer answer A: the logit rises for a young voter and falls for an old one
    const contrasts = styleContrasts({ tokensA: 600, tokensB: 200, headersA: 0, headersB: 0, listsA: 0, listsB: 0, boldA: 0, boldB: 0 });
    expect(contrasts.length).toBeCloseTo(400 / 801);
    expect(contrasts.markdown).toBe(0);
    expect(preferenceLogit(0, 0, styleCoefficients(voter({ ageBand: "18-24" })), contrasts)).toBeGreaterThan(0);
    expect(preferenceLogit(0, 0, styleCoefficients(voter({ ageBand: "65+" })), contrasts)).toBeLessThan(0);
  });

  it("draws outcomes with the given log-odds and about 12% without a winner, more of them both bad for weaker pairs", () => {
    const draw = (baseA: number, baseB: number) => {
      const rng = createRng(1);
      const counts = { A: 0, B: 0, TIE: 0, BOTH_BAD: 0 };
      for (let i = 0; i < 40_000; i++) counts[drawOutcome(rng, Math.log(3), baseA, baseB)]++;
      return counts;
    };
    const average = draw(0, 0);
    expect((average.TIE + average.BOTH_BAD) / 40_000).toBeCloseTo(TIE_SHARE, 2);
    expect(average.BOTH_BAD / (average.TIE + average.BOTH_BAD)).toBeCloseTo(bothBadShare(0, 0), 1);
    expect(average.A / (average.A + average.B)).toBeCloseTo(0.75, 1);
    const strong = draw(2, 2);
    const weak = draw(-2, -2);
    expect(bothBadShare(0, 0)).toBeCloseTo(0.269, 3);
    expect(strong.BOTH_BAD).toBeLessThan(average.BOTH_BAD);
    expect(weak.BOTH_BAD).toBeGreaterThan(2 * average.BOTH_BAD);
  });
});

describe("the demo population and simulation", () => {
  it("splits by quota exactly", () => {
    expect(quotas([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(quotas([17, 0.35], 3000).reduce((s, n) => s + n, 0)).toBe(3000);
  });

  it("is deterministic, gives each voter at least one vote and covers 20+ countries, 8+ languages, every age and education", () => {
    const a = makeVoters(createRng(5), 3000, 40_000, 14);
    const b = makeVoters(createRng(5), 3000, 40_000, 14);
    expect(a.map((v) => [v.country, v.language, v.ageBand, v.votes])).toEqual(b.map((v) => [v.country, v.language, v.ageBand, v.votes]));
    expect(a.reduce((s, v) => s + v.votes, 0)).toBe(40_000);
    expect(a.every((v) => v.votes >= 1)).toBe(true);
    expect(new Set(a.map((v) => v.country).filter(Boolean)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(a.map((v) => v.language).filter(Boolean)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(a.map((v) => v.ageBand).filter(Boolean)).size).toBe(6);
    expect(new Set(a.map((v) => v.education).filter(Boolean)).size).toBe(6);
    // Oceania is kept under the default voter minimum (20) on purpose
    expect(a.filter((v) => v.region === "oceania").length).toBeLessThan(20);
  });

  it("draws a late entry only after it joined", () => {
    const models = [
      { name: "gpt-4o-2024-05-13", winRate: 57 },
      { name: "claude-3-opus-20240229", winRate: 40 },
      { name: "gpt-4o-mini-2024-07-18", winRate: 50 },
    ];
    const style = { tokens: 100, headers: 0, lists: 0, bold: 0 };
    const sim = simulateDemoVotes({
      rng: createRng(2),
      models,
      styles: [[style, style, style]],
      count: 3_000,
      voters: 100,
      now: 0,
      days: 180,
    });
    const late = [...sim.time].filter((_, i) => sim.modelA[i] === 2 || sim.modelB[i] === 2);
    expect(late.length).toBeGreaterThan(100);
    expect(late.every((t) => t >= -30 * 86_400_000)).toBe(true);
  });

  it("simulates votes whose outcomes follow the effects' signs", () => {
    const models = [
      { name: LLAMA, winRate: 38 },
      { name: "gpt-4o-2024-05-13", winRate: 57 },
    ];
    const style = { tokens: 100, headers: 0, lists: 0, bold: 0 };
    const sim = simulateDemoVotes({ rng: createRng(9), models, styles: [[style, style]], count: 30_000, voters: 2_000, now: 0, days: 10 });
    expect(sim.outcome).toHaveLength(30_000);
    expect([...sim.time].every((t, i) => t <= 0 && t > -10 * 86_400_000 && (i === 0 || t >= sim.time[i - 1]!))).toBe(true);
    const llamaShare = (inShowcase: boolean) => {
      let wins = 0;
      let decided = 0;
      sim.outcome.forEach((o, i) => {
        if (isInAudience(sim.voters[sim.voter[i]!]!, SHOWCASE_AUDIENCE) !== inShowcase || (o !== "A" && o !== "B")) return;
        decided++;
        if ((o === "A" ? sim.modelA[i] : sim.modelB[i]) === 0) wins++;
      });
      return wins / decided;
    };
    expect(llamaShare(false)).toBeLessThan(0.5); // weaker overall
    expect(llamaShare(true)).toBeGreaterThan(0.55); // preferred by the showcase audience
  });
});
