import type { Rng } from "@/lib/rating";
import { regionOfCountry, type AgeBand, type Education } from "@/lib/slices";

/**
 * The simulated demo voters: who they are (country, language, age band, education, each "prefer not to say" 5% of
 * the time), how many votes each casts, and their own taste (see lib/demo/preferences.ts). Pure and deterministic
 * for a given random source: no database.
 *
 * Countries get their voters by quota (largest remainder of share × voters), so every country's count is fixed by
 * the table: a fresh demo always has the same audiences. Oceania (Australia, New Zealand) is kept deliberately
 * below the voter minimum so the honest "not enough voters" notice also has something to show.
 */
/** The demo's size: 40,000 votes from 3,000 voters over the last 180 days. */
export const DEMO_VOTES = 40_000;
export const DEMO_VOTERS = 3_000;
export const DEMO_DAYS = 180;

export const COUNTRY_MIX: readonly { country: string; share: number; languages: readonly (readonly [string, number])[] }[] = [
  {
    country: "US",
    share: 17,
    languages: [
      ["en", 85],
      ["es", 15],
    ],
  },
  {
    country: "IN",
    share: 11,
    languages: [
      ["en", 55],
      ["hi", 45],
    ],
  },
  { country: "BR", share: 10, languages: [["pt", 100]] },
  {
    country: "DE",
    share: 5,
    languages: [
      ["de", 90],
      ["en", 10],
    ],
  },
  { country: "GB", share: 5, languages: [["en", 100]] },
  { country: "FR", share: 4, languages: [["fr", 100]] },
  { country: "JP", share: 4, languages: [["ja", 100]] },
  { country: "CN", share: 4, languages: [["zh", 100]] },
  { country: "MX", share: 4, languages: [["es", 100]] },
  {
    country: "ID",
    share: 3,
    languages: [
      ["id", 80],
      ["en", 20],
    ],
  },
  { country: "NG", share: 3, languages: [["en", 100]] },
  { country: "ES", share: 3, languages: [["es", 100]] },
  {
    country: "CA",
    share: 3,
    languages: [
      ["en", 75],
      ["fr", 25],
    ],
  },
  { country: "KR", share: 2.5, languages: [["ko", 100]] },
  { country: "EG", share: 2, languages: [["ar", 100]] },
  {
    country: "SA",
    share: 2,
    languages: [
      ["ar", 85],
      ["en", 15],
    ],
  },
  { country: "TR", share: 2, languages: [["tr", 100]] },
  { country: "PL", share: 2, languages: [["pl", 100]] },
  { country: "AR", share: 2, languages: [["es", 100]] },
  { country: "IT", share: 2, languages: [["it", 100]] },
  { country: "PT", share: 1.5, languages: [["pt", 100]] },
  {
    country: "KE",
    share: 1.5,
    languages: [
      ["en", 60],
      ["sw", 40],
    ],
  },
  { country: "ZA", share: 1.5, languages: [["en", 100]] },
  { country: "VN", share: 1.5, languages: [["vi", 100]] },
  {
    country: "PH",
    share: 1.5,
    languages: [
      ["en", 70],
      ["tl", 30],
    ],
  },
  { country: "AU", share: 0.35, languages: [["en", 100]] },
  { country: "NZ", share: 0.08, languages: [["en", 100]] },
];

export const AGE_MIX: readonly (readonly [AgeBand, number])[] = [
  ["18-24", 24],
  ["25-34", 34],
  ["35-44", 20],
  ["45-54", 11],
  ["55-64", 7],
  ["65+", 4],
];
export const EDUCATION_MIX: readonly (readonly [Education, number])[] = [
  ["primary", 3],
  ["secondary", 24],
  ["vocational", 11],
  ["bachelor", 36],
  ["master", 19],
  ["doctorate", 7],
];
/** Share of answers given as "prefer not to say", per question. */
export const UNDISCLOSED_SHARE = 0.05;
/** Spread of each voter's own taste: a normal offset per model, and one for answer length (log-odds). */
export const TASTE_SD = 0.4;
export const LENGTH_TASTE_SD = 0.5;
/** Spread of voters' activity: votes per voter are proportional to exp(N(0, ACTIVITY_SD)), at least one each. */
export const ACTIVITY_SD = 0.8;

export interface DemoVoter {
  key: string;
  country: string | null;
  region: string | null;
  language: string | null;
  ageBand: AgeBand | null;
  education: Education | null;
  /** The voter's own offset for each model (log-odds), in roster order. */
  taste: Float64Array;
  /** The voter's own liking for longer answers (log-odds per unit of length contrast). */
  lengthTaste: number;
  /** Votes this voter casts. */
  votes: number;
}

/** One draw from a table of [value, weight] rows. */
export function pick<T>(rng: Rng, rows: readonly (readonly [T, number])[]): T {
  const total = rows.reduce((s, r) => s + r[1], 0);
  let x = rng() * total;
  for (const [value, weight] of rows) {
    x -= weight;
    if (x < 0) return value;
  }
  return rows[rows.length - 1]![0];
}

/** A standard normal (Box–Muller). */
export function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Integer parts of `total` split by `weights`, summing exactly to `total` (largest remainder). */
export function quotas(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0, left = total - out.reduce((s, n) => s + n, 0); k < left; k++) out[order[k]![1]]! += 1;
  return out;
}

const disclose = <T>(rng: Rng, value: T): T | null => (rng() < UNDISCLOSED_SHARE ? null : value);

/** `voters` simulated voters casting `votes` votes in all, with a taste offset for each of `models` models. */
export function makeVoters(rng: Rng, voters: number, votes: number, models: number): DemoVoter[] {
  if (votes < voters) throw new RangeError("every demo voter casts at least one vote");
  const perCountry = quotas(
    COUNTRY_MIX.map((c) => c.share),
    voters,
  );
  const out: DemoVoter[] = [];
  COUNTRY_MIX.forEach((c, i) => {
    for (let k = 0; k < perCountry[i]!; k++) {
      const country = disclose(rng, c.country);
      const taste = new Float64Array(models);
      for (let m = 0; m < models; m++) taste[m] = TASTE_SD * normal(rng);
      out.push({
        key: `demo:${out.length + 1}`,
        country,
        region: country ? regionOfCountry(country) : null,
        language: disclose(rng, pick(rng, c.languages)),
        ageBand: disclose(rng, pick(rng, AGE_MIX)),
        education: disclose(rng, pick(rng, EDUCATION_MIX)),
        taste,
        lengthTaste: LENGTH_TASTE_SD * normal(rng),
        votes: 1,
      });
    }
  });
  const extra = quotas(
    out.map(() => Math.exp(ACTIVITY_SD * normal(rng))),
    votes - voters,
  );
  out.forEach((v, i) => (v.votes += extra[i]!));
  return out;
}
