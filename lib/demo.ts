import { db } from "@/lib/db";
import { markVotesChanged } from "@/lib/slice-index/vote-index";
import { loadReplayRoster } from "@/lib/providers/replay-corpus";
import { createRng, type Rng } from "@/lib/rating";
import { regionOfCountry, type AgeBand, type Education } from "@/lib/slices";
import type { Outcome } from "@/lib/generated/prisma/enums";

/**
 * Demo votes: a few hundred labelled votes (source DEMO) so a fresh deployment's leaderboard is
 * not empty. Their outcomes follow each model's published AlpacaEval 2.0 win rate (an LLM judge's
 * score, not human preference), and their voters' demographics a plausible global mix. They are
 * shown as demo data wherever they count, never exported, and removed by `arena demo remove`.
 */
const COUNTRY_MIX: [country: string, weight: number, languages: string[]][] = [
  ["US", 20, ["en", "en", "en", "es"]], ["IN", 12, ["hi", "en"]], ["BR", 9, ["pt"]], ["DE", 6, ["de"]],
  ["GB", 6, ["en"]], ["FR", 5, ["fr"]], ["JP", 5, ["ja"]], ["CN", 5, ["zh"]], ["MX", 4, ["es"]],
  ["NG", 3, ["en"]], ["ID", 3, ["id"]], ["ES", 3, ["es"]], ["CA", 3, ["en", "fr"]], ["KR", 2, ["ko"]],
  ["EG", 2, ["ar"]], ["SA", 2, ["ar"]], ["AU", 2, ["en"]], ["PL", 2, ["pl"]], ["TR", 2, ["tr"]],
  ["AR", 2, ["es"]], ["IT", 2, ["it"]], ["KE", 1, ["sw", "en"]], ["ZA", 1, ["en"]], ["VN", 1, ["vi"]],
];
const AGE_MIX: [AgeBand, number][] = [["18-24", 25], ["25-34", 35], ["35-44", 20], ["45-54", 10], ["55-64", 6], ["65+", 4]];
const EDUCATION_MIX: [Education, number][] = [["primary", 3], ["secondary", 25], ["vocational", 10], ["bachelor", 37], ["master", 20], ["doctorate", 5]];
const UNDISCLOSED_SHARE = 0.05;
const TIE_SHARE = 0.12;

function weighted<T>(rng: Rng, items: [T, number, ...unknown[]][]): [T, number, ...unknown[]] {
  const total = items.reduce((s, it) => s + it[1], 0);
  let x = rng() * total;
  for (const it of items) {
    x -= it[1];
    if (x < 0) return it;
  }
  return items[items.length - 1];
}

function maybe<T>(rng: Rng, value: T): T | null {
  return rng() < UNDISCLOSED_SHARE ? null : value;
}

interface DemoVoter {
  key: string;
  country: string | null;
  language: string | null;
  ageBand: string | null;
  education: string | null;
}

function makeVoters(rng: Rng, count: number): DemoVoter[] {
  return Array.from({ length: count }, (_, i) => {
    const [country, , languages] = weighted(rng, COUNTRY_MIX) as [string, number, string[]];
    return {
      key: `demo:${i + 1}`,
      country: maybe(rng, country),
      language: maybe(rng, languages[Math.floor(rng() * languages.length)]),
      ageBand: maybe(rng, weighted(rng, AGE_MIX)[0]),
      education: maybe(rng, weighted(rng, EDUCATION_MIX)[0]),
    };
  });
}

/** Outcome of one demo battle from the two models' logit strengths. */
function drawOutcome(rng: Rng, strengthA: number, strengthB: number): Outcome {
  const u = rng();
  const bothWeak = strengthA < -1 && strengthB < -1;
  if (u < TIE_SHARE) return bothWeak && rng() < 0.5 ? "BOTH_BAD" : "TIE";
  const pA = 1 / (1 + Math.exp(strengthB - strengthA));
  return rng() < pA ? "A" : "B";
}

/** Adds `count` demo votes by `voters` demo voters over the last 30 days, unless some exist. */
export async function seedDemoVotes(options: { count?: number; voters?: number; seed?: number; now?: Date } = {}): Promise<{ created: number; skipped: boolean }> {
  const existing = await db().vote.count({ where: { source: "DEMO" } });
  if (existing > 0) return { created: 0, skipped: true };
  const count = options.count ?? 800;
  const rng = createRng(options.seed ?? 7);
  const now = (options.now ?? new Date()).getTime();
  const roster = loadReplayRoster();
  const models = await db().model.findMany({ where: { name: { in: roster.map((m) => m.name) } }, select: { id: true, name: true } });
  if (models.length < 2) throw new Error("Seed the roster before demo votes.");
  const strength = new Map(roster.map((m) => [m.name, Math.log(m.alpacaEval2LcWinRate / (100 - m.alpacaEval2LcWinRate))]));
  const voters = makeVoters(rng, options.voters ?? 160);
  const data = Array.from({ length: count }, () => {
    const i = Math.floor(rng() * models.length);
    let j = Math.floor(rng() * (models.length - 1));
    if (j >= i) j += 1;
    const [a, b] = [models[i], models[j]];
    const voter = voters[Math.floor(rng() * voters.length)];
    return {
      voterKey: voter.key,
      modelAId: a.id,
      modelBId: b.id,
      outcome: drawOutcome(rng, strength.get(a.name)!, strength.get(b.name)!),
      source: "DEMO" as const,
      country: voter.country,
      region: voter.country ? regionOfCountry(voter.country) : null,
      ageBand: voter.ageBand,
      education: voter.education,
      language: voter.language,
      createdAt: new Date(now - Math.floor(rng() * 30 * 86_400_000)),
    };
  });
  const created = await db().vote.createMany({ data });
  markVotesChanged();
  return { created: created.count, skipped: false };
}

/** Deletes every demo vote (and nothing else). */
export async function removeDemoVotes(): Promise<number> {
  const removed = await db().vote.deleteMany({ where: { source: "DEMO" } });
  markVotesChanged();
  return removed.count;
}
