// Seeded synthetic votes for the benchmark only (never used by the product): 100 models with
// known strengths, voters with a realistic, skewed mix of countries, languages, ages and education.
import { createRng, type Rng } from "../../lib/rating";

export const MODEL_COUNT = 100;

/** Countries by weight, each with the languages its voters write in. */
const COUNTRIES: [string, number, string[]][] = [
  ["US", 22, ["en", "en", "en", "es"]],
  ["IN", 12, ["en", "hi", "hi", "ta", "bn"]],
  ["CN", 7, ["zh"]],
  ["BR", 6, ["pt"]],
  ["DE", 5, ["de", "en"]],
  ["GB", 5, ["en"]],
  ["JP", 4, ["ja"]],
  ["FR", 4, ["fr"]],
  ["RU", 4, ["ru"]],
  ["KR", 3, ["ko"]],
  ["CA", 3, ["en", "fr"]],
  ["MX", 3, ["es"]],
  ["ID", 3, ["id"]],
  ["ES", 2, ["es"]],
  ["IT", 2, ["it"]],
  ["TR", 2, ["tr"]],
  ["VN", 2, ["vi"]],
  ["PL", 2, ["pl"]],
  ["NG", 2, ["en"]],
  ["AU", 2, ["en"]],
  ["EG", 1, ["ar"]],
  ["SA", 1, ["ar"]],
  ["AR", 1, ["es"]],
  ["NL", 1, ["nl", "en"]],
  ["SE", 1, ["sv", "en"]],
  ["UA", 1, ["uk", "ru"]],
  ["PK", 1, ["ur", "en"]],
  ["PH", 1, ["en", "tl"]],
  ["TH", 1, ["th"]],
  ["KE", 1, ["en", "sw"]],
  ["ZA", 1, ["en", "af"]],
  ["IL", 1, ["he"]],
  ["NZ", 0.5, ["en"]],
  ["CL", 0.5, ["es"]],
  ["CO", 0.5, ["es"]],
  ["PT", 0.5, ["pt"]],
  ["GR", 0.5, ["el"]],
  ["CZ", 0.5, ["cs"]],
];
const AGES: [string, number][] = [
  ["18-24", 28],
  ["25-34", 34],
  ["35-44", 19],
  ["45-54", 10],
  ["55-64", 6],
  ["65+", 3],
];
const EDUCATION: [string, number][] = [
  ["primary", 3],
  ["secondary", 24],
  ["vocational", 9],
  ["bachelor", 38],
  ["master", 21],
  ["doctorate", 5],
];

function pick<T extends [unknown, number, ...unknown[]]>(rng: Rng, items: T[]): T {
  const total = items.reduce((s, i) => s + i[1], 0);
  let x = rng() * total;
  for (const it of items) if ((x -= it[1]) < 0) return it;
  return items[items.length - 1];
}

export interface Voter {
  judge: string;
  country: string | null;
  language: string | null;
  age: string | null;
  education: string | null;
}

export function makeVoters(count: number, seed: number): Voter[] {
  const rng = createRng(seed);
  const maybe = <T>(v: T) => (rng() < 0.06 ? null : v);
  return Array.from({ length: count }, (_, i) => {
    const [country, , languages] = pick(rng, COUNTRIES);
    return {
      judge: `bench-voter-${i}`,
      country: maybe(country),
      language: maybe(languages[Math.floor(rng() * languages.length)]),
      age: maybe(pick(rng, AGES)[0]),
      education: maybe(pick(rng, EDUCATION)[0]),
    };
  });
}

export const modelName = (i: number) => `bench-model-${String(i).padStart(3, "0")}`;

/** One answer's style as LMArena's conv_metadata counts it, drawn around its model's habits. */
function answerStyle(rng: Rng, model: number) {
  const tokens = Math.round((150 + (model % 7) * 60) * Math.exp(0.5 * (rng() + rng() - 1)));
  const count = (mean: number) => Math.floor(rng() * 2 * mean);
  return { tokens, headers: count((model % 3) * 1.5), lists: count((model % 5) * 1.2), bold: count((model % 4) * 1.0) };
}

/** Battle lines (our JSON-lines import shape, with conv_metadata) with outcomes from Bradley–Terry strengths and a mild taste for longer answers. */
export function* battleLines(count: number, voters: Voter[], seed: number, startTime: number, days: number): Generator<string> {
  const rng = createRng(seed);
  const strength = Array.from({ length: MODEL_COUNT }, (_, i) => 1300 - i * 6); // 100 models, 6 points apart
  for (let k = 0; k < count; k++) {
    const a = Math.floor(rng() * MODEL_COUNT);
    let b = Math.floor(rng() * (MODEL_COUNT - 1));
    if (b >= a) b += 1;
    // voters vote at different rates (a few do many votes)
    const voter = voters[Math.floor(voters.length * rng() ** 2)];
    const styleA = answerStyle(rng, a);
    const styleB = answerStyle(rng, b);
    const lengthLead = (styleA.tokens - styleB.tokens) / (styleA.tokens + styleB.tokens + 1);
    const u = rng();
    const pA = 1 / (1 + 10 ** ((strength[b] - strength[a]) / 400 - 0.2 * lengthLead));
    const winner = u < 0.1 ? "tie" : u < 0.14 ? "tie (bothbad)" : rng() < pA ? "model_a" : "model_b";
    yield JSON.stringify({
      model_a: modelName(a),
      model_b: modelName(b),
      winner,
      judge: voter.judge,
      tstamp: startTime + Math.floor(rng() * days * 86_400),
      country: voter.country,
      language: voter.language,
      age: voter.age,
      education: voter.education,
      conv_metadata: {
        sum_assistant_a_tokens: styleA.tokens,
        sum_assistant_b_tokens: styleB.tokens,
        header_count_a: { h1: 0, h2: styleA.headers, h3: 0, h4: 0, h5: 0, h6: 0 },
        header_count_b: { h1: 0, h2: styleB.headers, h3: 0, h4: 0, h5: 0, h6: 0 },
        list_count_a: { ordered: 0, unordered: styleA.lists },
        list_count_b: { ordered: 0, unordered: styleB.lists },
        bold_count_a: { "**": styleA.bold, __: 0 },
        bold_count_b: { "**": styleB.bold, __: 0 },
      },
    });
  }
}
