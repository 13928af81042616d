import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { simulateStyledVotes } from "./__fixtures__/styled-votes";
import { createRng } from "./rng";
import { fitStyleControl, STYLE_FEATURES, styleContrast, type StyleControlResult, type StyledVoterVotes } from "./style-control";

/**
 * Style control: parity with FastChat's `compute_style_control` on the shared fixture, the voter-clustered sandwich
 * against a brute-force computation and a voter bootstrap, and the properties any pairwise model must have.
 *
 * Measured on the fixture (12,000 battles, 12 models, 600 voters):
 * - plain maximum likelihood (ours): max |Δrating| 0.616 vs FastChat, coefficients +0.0036 (length), +0.00013–0.00014
 *   (headers, lists, bold). All of it is FastChat's L2 penalty reg = 0.5: with `ridge: 0.5` the same solver gives
 *   max |Δrating| 0.00096 and |Δcoefficient| ≤ 1.3e-6 (what is left is L-BFGS's gtol).
 *   (FastChat's own code run with reg = 0 lands 0.616 from its reg = 0.5 output too.)
 * - with the markdown counts as plain differences instead of FastChat's (a − b)/(a + b + 1) on every feature, the
 *   ratings move by up to 7.2 points (checked against FastChat's code with numpy): the ratio is part of the model.
 * Sandwich vs voter bootstrap (below): se ratios 0.95–1.05 with 600 rounds, 0.98–1.04 with 2,000.
 * Coverage of the 95% intervals and timing at 1M votes: scripts/simulate/style-control.ts.
 */

const FIXTURE_DIR = path.resolve(__dirname, "__fixtures__/style-control");
const HAS_FIXTURE = existsSync(path.join(FIXTURE_DIR, "fastchat_style_control.json"));

const countSchema = z.union([z.number(), z.record(z.string(), z.number())]);
const lineSchema = z.object({
  model_a: z.string(),
  model_b: z.string(),
  winner: z.enum(["model_a", "model_b", "tie", "tie (bothbad)"]),
  judge: z.string(),
  conv_metadata: z.object({
    sum_assistant_a_tokens: z.number(),
    sum_assistant_b_tokens: z.number(),
    header_count_a: countSchema,
    header_count_b: countSchema,
    list_count_a: countSchema,
    list_count_b: countSchema,
    bold_count_a: countSchema,
    bold_count_b: countSchema,
  }),
});
const expectedSchema = z.object({
  style_control: z.object({
    ratings: z.record(z.string(), z.number()),
    coefficients: z.object({ length: z.number(), headers: z.number(), lists: z.number(), bold: z.number() }),
  }),
  plain_bt: z.record(z.string(), z.number()),
});
const OUTCOME_CODE = { model_a: 0, model_b: 1, tie: 2, "tie (bothbad)": 3 } as const;

/** FastChat's `extract_style_feature`: a count, or the sum of a count by kind. */
const total = (count: z.infer<typeof countSchema>): number =>
  typeof count === "number" ? count : Object.values(count).reduce((s, c) => s + c, 0);

/** The fixture's battles grouped by judge, models in pandas.factorize order (first seen in model_a, then model_b). */
function readFixture(): { models: string[]; votes: StyledVoterVotes } {
  const lines = gunzipSync(readFileSync(path.join(FIXTURE_DIR, "battles-style-12k.jsonl.gz")))
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => lineSchema.parse(JSON.parse(line)));
  const models = [...new Set([...lines.map((l) => l.model_a), ...lines.map((l) => l.model_b)])];
  const index = new Map(models.map((m, i) => [m, i]));
  const order = lines
    .map((_, i) => i)
    .sort((x, y) => (lines[x]!.judge < lines[y]!.judge ? -1 : lines[x]!.judge > lines[y]!.judge ? 1 : x - y));
  const votes = emptyVotes(models.length, lines.length);
  const start = [0];
  order.forEach((i, v) => {
    const line = lines[i]!;
    const meta = line.conv_metadata;
    if (v > 0 && lines[order[v - 1]!]!.judge !== line.judge) start.push(v);
    votes.a[v] = index.get(line.model_a)!;
    votes.b[v] = index.get(line.model_b)!;
    votes.outcome[v] = OUTCOME_CODE[line.winner];
    votes.length[v] = styleContrast(meta.sum_assistant_a_tokens, meta.sum_assistant_b_tokens);
    votes.headers[v] = styleContrast(total(meta.header_count_a), total(meta.header_count_b));
    votes.lists[v] = styleContrast(total(meta.list_count_a), total(meta.list_count_b));
    votes.bold[v] = styleContrast(total(meta.bold_count_a), total(meta.bold_count_b));
  });
  start.push(lines.length);
  return { models, votes: { ...votes, start: Int32Array.from(start) } };
}

function emptyVotes(nModels: number, n: number): StyledVoterVotes {
  return {
    nModels,
    start: Int32Array.of(0, n),
    a: new Int32Array(n),
    b: new Int32Array(n),
    outcome: new Uint8Array(n),
    length: new Float64Array(n),
    headers: new Float64Array(n),
    lists: new Float64Array(n),
    bold: new Float64Array(n),
  };
}

describe.skipIf(!HAS_FIXTURE)("parity with FastChat's compute_style_control", () => {
  const { models, votes } = HAS_FIXTURE ? readFixture() : { models: [], votes: emptyVotes(0, 0) };
  const expected = HAS_FIXTURE
    ? expectedSchema.parse(JSON.parse(readFileSync(path.join(FIXTURE_DIR, "fastchat_style_control.json"), "utf8")))
    : null;
  const maxRatingDifference = (result: StyleControlResult, reference: Record<string, number>) =>
    Math.max(...models.map((model, m) => Math.abs(result.ratings[m]!.rating - reference[model]!)));

  it("plain maximum likelihood: ratings within 1 point (0.62 measured), coefficients within 0.005", () => {
    const result = fitStyleControl(votes);
    expect(result).toMatchObject({ converged: true, votes: 12_000, voters: 600 });
    expect(maxRatingDifference(result, expected!.style_control.ratings)).toBeLessThan(1);
    for (const feature of STYLE_FEATURES) {
      expect(Math.abs(result.coefficients[feature]!.estimate - expected!.style_control.coefficients[feature])).toBeLessThan(0.005);
    }
  });

  it("with FastChat's reg 0.5 the objective is FastChat's: ratings within 0.002, coefficients within 1e-5", () => {
    const result = fitStyleControl(votes, { ridge: 0.5 });
    expect(maxRatingDifference(result, expected!.style_control.ratings)).toBeLessThan(0.002);
    for (const feature of STYLE_FEATURES) {
      expect(Math.abs(result.coefficients[feature]!.estimate - expected!.style_control.coefficients[feature])).toBeLessThan(1e-5);
    }
  });

  it("z-scores the features as numpy does (preprocess_for_style: mean, population sd)", () => {
    // numpy on the same contrasts: np.mean / np.std of style_diff after FastChat's ratio
    const { featureMean, featureSd } = fitStyleControl(votes);
    const numpy = {
      mean: { length: 5.946394845558e-5, headers: -7.901515151515e-4, lists: -4.612391774892e-3, bold: 2.380952380953e-5 },
      sd: { length: 0.4064792472521, headers: 0.4348661121065, lists: 0.4333831746876, bold: 0.4365472477007 },
    };
    for (const feature of STYLE_FEATURES) {
      expect(featureMean[feature]).toBeCloseTo(numpy.mean[feature], 12);
      expect(featureSd[feature]).toBeCloseTo(numpy.sd[feature], 12);
    }
  });

  it("without style variation it is FastChat's compute_bt (plain_bt) within 0.02", () => {
    const flat = {
      ...votes,
      length: new Float64Array(12_000),
      headers: new Float64Array(12_000),
      lists: new Float64Array(12_000),
      bold: new Float64Array(12_000),
    };
    const result = fitStyleControl(flat);
    expect(result.coefficients).toEqual({ length: null, headers: null, lists: null, bold: null });
    expect(maxRatingDifference(result, expected!.plain_bt)).toBeLessThan(0.02);
  });
});

/** Two fits agree: ratings within `tolerance` points, coefficients within tolerance/400, standard errors within 0.1%. */
function expectSameFit(x: StyleControlResult, y: StyleControlResult, tolerance: number): void {
  expect(x.ratings.length).toBe(y.ratings.length);
  x.ratings.forEach((row, m) => {
    if (row === null) return expect(y.ratings[m]).toBeNull();
    expect(Math.abs(row.rating - y.ratings[m]!.rating)).toBeLessThan(tolerance);
    // standard errors are evaluated at the last pass, which may lie a step of up to LOCAL_STEP from the estimate
    if (row.se !== null) expect(Math.abs(row.se / y.ratings[m]!.se! - 1)).toBeLessThan(1e-3);
  });
  for (const feature of STYLE_FEATURES) {
    const a = x.coefficients[feature];
    const b = y.coefficients[feature];
    if (a === null) {
      expect(b).toBeNull();
      continue;
    }
    expect(Math.abs(a.estimate - b!.estimate)).toBeLessThan(tolerance / 400);
    if (a.se !== null) expect(Math.abs(a.se / b!.se! - 1)).toBeLessThan(1e-3);
  }
}

/** The same votes with A and B swapped: models, outcome (A ↔ B) and every contrast's sign. */
function swapSides(votes: StyledVoterVotes): StyledVoterVotes {
  const negate = (xs: Float64Array) => Float64Array.from(xs, (x) => -x);
  return {
    ...votes,
    a: votes.b.slice(),
    b: votes.a.slice(),
    outcome: Uint8Array.from(votes.outcome, (o) => (o === 0 ? 1 : o === 1 ? 0 : o)),
    length: negate(votes.length),
    headers: negate(votes.headers),
    lists: negate(votes.lists),
    bold: negate(votes.bold),
  };
}

/** The votes of voters `order[0]`, `order[1]`, … (repeats allowed), concatenated. */
function pickVoters(votes: StyledVoterVotes, order: ArrayLike<number>): StyledVoterVotes {
  let n = 0;
  for (let s = 0; s < order.length; s++) n += votes.start[order[s]! + 1]! - votes.start[order[s]!]!;
  const out = emptyVotes(votes.nModels, n);
  const start = new Int32Array(order.length + 1);
  let v = 0;
  for (let s = 0; s < order.length; s++) {
    const g = order[s]!;
    for (let w = votes.start[g]!; w < votes.start[g + 1]!; w++, v++) {
      out.a[v] = votes.a[w]!;
      out.b[v] = votes.b[w]!;
      out.outcome[v] = votes.outcome[w]!;
      out.length[v] = votes.length[w]!;
      out.headers[v] = votes.headers[w]!;
      out.lists[v] = votes.lists[w]!;
      out.bold[v] = votes.bold[w]!;
    }
    start[s + 1] = v;
  }
  return { ...out, start, voterId: Int32Array.from(order, (g) => votes.voterId?.[g] ?? g) };
}

describe("properties", () => {
  const data = simulateStyledVotes({ models: 7, voters: 120, votesPerVoter: 12, seed: 3 });

  it("swapping A and B (outcome flipped, contrasts negated) changes nothing", () => {
    const result = fitStyleControl(data);
    const swapped = fitStyleControl(swapSides(data));
    expectSameFit(result, swapped, 1e-6);
    for (const feature of STYLE_FEATURES) {
      expect(swapped.featureMean[feature]).toBeCloseTo(-result.featureMean[feature], 12);
      expect(swapped.featureSd[feature]).toBeCloseTo(result.featureSd[feature], 12);
    }
  });

  it("the order of voters and a warm start do not change the answer", () => {
    const result = fitStyleControl(data);
    const reversed = pickVoters(
      data,
      Int32Array.from({ length: 120 }, (_, g) => 119 - g),
    );
    const start = Float64Array.from({ length: 7 }, (_, m) => (m % 3) - 1);
    expectSameFit(result, fitStyleControl(reversed, { start }), 1e-3);
  });

  it("ratings average initRating and the covariance is that of centred strengths", () => {
    const result = fitStyleControl(data, { initRating: 1200, scale: 400 });
    const ratings = result.ratings.map((r) => r!.rating);
    expect(ratings.reduce((s, r) => s + r, 0) / ratings.length).toBeCloseTo(1200, 9);
    const size = 7 + 4;
    for (let r = 0; r < size; r++) {
      let rowSum = 0;
      for (let m = 0; m < 7; m++) rowSum += result.covariance![r * size + m]!;
      expect(Math.abs(rowSum)).toBeLessThan(1e-12);
    }
  });

  it("fits only the masked models and skips votes touching the others", () => {
    const mask = [true, true, false, true, true, true, true];
    const masked = fitStyleControl(data, { fit: mask });
    expect(masked.ratings[2]).toBeNull();
    // the same as dropping model 2's votes by hand
    const keep: number[] = [];
    for (let v = 0; v < data.a.length; v++) if (data.a[v] !== 2 && data.b[v] !== 2) keep.push(v);
    const dropped = emptyVotes(7, keep.length);
    const start = [0];
    for (let g = 0, u = 0; g + 1 < data.start.length; g++) {
      for (let v = data.start[g]!; v < data.start[g + 1]!; v++) {
        if (data.a[v] === 2 || data.b[v] === 2) continue;
        for (const key of ["a", "b", "outcome", "length", "headers", "lists", "bold"] as const) dropped[key][u] = data[key][v]!;
        u++;
      }
      start.push(u);
    }
    expectSameFit(masked, fitStyleControl({ ...dropped, start: Int32Array.from(start) }), 1e-9);
    expect(masked.votes).toBe(keep.length);
  });

  it("leaves out votes of unknown style (a non-finite contrast) and models with no vote", () => {
    const withUnknown = { ...data, nModels: 8, length: data.length.slice() };
    withUnknown.length[0] = NaN;
    const result = fitStyleControl(withUnknown);
    expect(result.votes).toBe(data.a.length - 1);
    expect(result.ratings[7]).toBeNull();
    expect([...result.fitted]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("one voter: point estimates but no intervals (a single cluster has no spread to measure)", () => {
    const one = { ...data, start: Int32Array.of(0, data.a.length), voterId: Int32Array.of(0) };
    const result = fitStyleControl(one);
    expect(result.voters).toBe(1);
    expect(result.covariance).toBeNull();
    expect(result.ratings[0]).toMatchObject({ se: null, lower: null, upper: null });
    expect(result.coefficients.length).toMatchObject({ se: null });
    const grouped = fitStyleControl(data);
    result.ratings.forEach((row, m) => expect(row!.rating).toBeCloseTo(grouped.ratings[m]!.rating, 9));
  });

  it("nothing to fit: no ratings, no coefficients", () => {
    const result = fitStyleControl(data, { fit: new Array<boolean>(7).fill(false) });
    expect(result).toMatchObject({ votes: 0, voters: 0, converged: true, covariance: null });
    expect(result.ratings.every((r) => r === null)).toBe(true);
    expect(result.coefficients).toEqual({ length: null, headers: null, lists: null, bold: null });
  });

  it("a model that never lost (not an identified group) stops the fit unconverged and without intervals, quickly", () => {
    const winner = { ...data, outcome: Uint8Array.from(data.outcome, (o, v) => (data.a[v] === 0 ? 0 : data.b[v] === 0 ? 1 : o)) };
    const result = fitStyleControl(winner);
    expect(result.converged).toBe(false);
    expect(result.newtonSteps).toBeLessThan(30);
    expect(result.covariance).toBeNull();
    expect(result.ratings[0]).toMatchObject({ se: null, lower: null, upper: null });
    expect(result.ratings[0]!.rating).toBeGreaterThan(3000);
  });

  it("rejects inconsistent input", () => {
    expect(() => fitStyleControl({ ...data, b: data.b.subarray(1) })).toThrow(RangeError);
    expect(() => fitStyleControl({ ...data, a: Int32Array.from(data.a, (m) => (m === 0 ? 9 : m)) })).toThrow(RangeError);
    expect(() => fitStyleControl({ ...data, start: Int32Array.of(0, 5) })).toThrow(RangeError);
  });
});

describe("zero style effect", () => {
  it("recovers the plain fit: coefficients within their intervals of 0, ratings within 0.3 se of the fit without style", () => {
    const data = simulateStyledVotes({ models: 8, voters: 400, votesPerVoter: 15, seed: 11, style: [0, 0, 0, 0] });
    // contrasts that have nothing to do with the models or the outcomes
    const rng = createRng(5);
    const noise = () => Float64Array.from(data.length, () => styleContrast(Math.floor(rng() * 6), Math.floor(rng() * 6)));
    const unrelated = { ...data, length: noise(), headers: noise(), lists: noise(), bold: noise() };
    const styled = fitStyleControl(unrelated);
    const plain = fitStyleControl({
      ...data,
      length: new Float64Array(data.a.length),
      headers: new Float64Array(data.a.length),
      lists: new Float64Array(data.a.length),
      bold: new Float64Array(data.a.length),
    });
    for (const feature of STYLE_FEATURES) {
      const c = styled.coefficients[feature]!;
      expect(c.lower! < 0 && 0 < c.upper!).toBe(true);
    }
    styled.ratings.forEach((row, m) => expect(Math.abs(row!.rating - plain.ratings[m]!.rating)).toBeLessThan(0.3 * row!.se!));
  });
});

/** Dense inverse by Gauss–Jordan with partial pivoting (small matrices only). */
function invert(matrix: Float64Array, size: number): Float64Array {
  const a = Float64Array.from(matrix);
  const inverse = new Float64Array(size * size);
  for (let d = 0; d < size; d++) inverse[d * size + d] = 1;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r * size + col]!) > Math.abs(a[pivot * size + col]!)) pivot = r;
    for (let c = 0; c < size; c++) {
      [a[col * size + c], a[pivot * size + c]] = [a[pivot * size + c]!, a[col * size + c]!];
      [inverse[col * size + c], inverse[pivot * size + c]] = [inverse[pivot * size + c]!, inverse[col * size + c]!];
    }
    const p = a[col * size + col]!;
    for (let c = 0; c < size; c++) {
      a[col * size + c] = a[col * size + c]! / p;
      inverse[col * size + c] = inverse[col * size + c]! / p;
    }
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const f = a[r * size + col]!;
      for (let c = 0; c < size; c++) {
        a[r * size + c] = a[r * size + c]! - f * a[col * size + c]!;
        inverse[r * size + c] = inverse[r * size + c]! - f * inverse[col * size + c]!;
      }
    }
  }
  return inverse;
}

/**
 * The sandwich written out vote by vote, densely, at the fit's estimates: G/(G − 1) · H⁺ (Σ_g u_g u_gᵀ) H⁺ with H
 * the likelihood's Hessian, u_g voter g's score and H⁺ = (H + ννᵀ)⁻¹ − ννᵀ, ν = (1, …, 1, 0, 0, 0, 0)/√k: H's null
 * vector (a common shift of the strengths). Every voter its own cluster.
 */
function bruteForceCovariance(data: StyledVoterVotes, result: StyleControlResult): Float64Array {
  const k = data.nModels;
  const size = k + 4;
  const theta = new Float64Array(size);
  result.ratings.forEach((row, m) => (theta[m] = (row!.rating - 1000) / 400));
  STYLE_FEATURES.forEach((f, i) => (theta[k + i] = result.coefficients[f]!.estimate));
  const alpha = Math.LN10;
  const hessian = new Float64Array(size * size);
  const meat = new Float64Array(size * size);
  const row = new Float64Array(size);
  const u = new Float64Array(size);
  const columns = [data.length, data.headers, data.lists, data.bold];
  for (let g = 0; g + 1 < data.start.length; g++) {
    u.fill(0);
    for (let v = data.start[g]!; v < data.start[g + 1]!; v++) {
      row.fill(0);
      row[data.a[v]!] = alpha;
      row[data.b[v]!] = -alpha;
      STYLE_FEATURES.forEach((f, i) => (row[k + i] = (columns[i]![v]! - result.featureMean[f]) / result.featureSd[f]));
      let z = 0;
      for (let q = 0; q < size; q++) z += row[q]! * theta[q]!;
      const p = 1 / (1 + Math.exp(-z));
      const y = [1, 0, 0.5, 0.5][data.outcome[v]!]!;
      for (let q = 0; q < size; q++) {
        u[q] = u[q]! + (p - y) * row[q]!;
        for (let s = 0; s < size; s++) hessian[q * size + s] = hessian[q * size + s]! + p * (1 - p) * row[q]! * row[s]!;
      }
    }
    for (let q = 0; q < size; q++) for (let s = 0; s < size; s++) meat[q * size + s] = meat[q * size + s]! + u[q]! * u[s]!;
  }
  const shifted = Float64Array.from(hessian);
  for (let q = 0; q < k; q++) for (let s = 0; s < k; s++) shifted[q * size + s] = shifted[q * size + s]! + 1 / k;
  const pseudo = invert(shifted, size);
  for (let q = 0; q < k; q++) for (let s = 0; s < k; s++) pseudo[q * size + s] = pseudo[q * size + s]! - 1 / k;
  const G = data.start.length - 1;
  const covariance = new Float64Array(size * size);
  for (let q = 0; q < size; q++) {
    for (let s = 0; s < size; s++) {
      let value = 0;
      for (let x = 0; x < size; x++)
        for (let y = 0; y < size; y++) value += pseudo[q * size + x]! * meat[x * size + y]! * pseudo[y * size + s]!;
      covariance[q * size + s] = (value * G) / (G - 1);
    }
  }
  return covariance;
}

describe("voter-clustered sandwich", () => {
  it("equals the formula written out densely, vote by vote: G/(G−1) · H⁺ (Σ_g u_g u_gᵀ) H⁺", () => {
    const data = simulateStyledVotes({ models: 8, voters: 300, votesPerVoter: 3, seed: 21 });
    const result = fitStyleControl(data);
    expect(result.clusters).toBe(300);
    const expected = bruteForceCovariance(data, result);
    // the fit sums the scores at its last pass, within a step of < 1e-3 (natural units) of the estimate
    const largest = Math.max(...expected.map(Math.abs));
    expected.forEach((value, e) => expect(Math.abs(result.covariance![e]! - value)).toBeLessThan(1e-4 * largest));
  });

  it("above 512 voters, hashed groups of voters give the per-voter standard errors within 10%", () => {
    const data = simulateStyledVotes({ models: 8, voters: 4000, votesPerVoter: 4, seed: 22, voterTaste: 0.8 });
    const result = fitStyleControl(data);
    expect([result.voters, result.clusters]).toEqual([4000, 512]);
    const exact = bruteForceCovariance(data, result);
    const size = 12;
    for (let q = 0; q < size; q++) {
      const ratio = Math.sqrt(result.covariance![q * size + q]! / exact[q * size + q]!);
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.1);
    }
  });

  it("its standard errors agree with a brute-force voter bootstrap within 15%", () => {
    // voters with tastes of their own (length liking, a taste axis over the models): their votes are dependent
    const data = simulateStyledVotes({ models: 6, voters: 250, votesPerVoter: 16, seed: 8, voterTaste: 0.8 });
    const result = fitStyleControl(data);
    const rounds = 600;
    const rng = createRng(99);
    const G = data.start.length - 1;
    const samples: number[][] = [];
    for (let round = 0; round < rounds; round++) {
      const resample = fitStyleControl(
        pickVoters(
          data,
          Int32Array.from({ length: G }, () => Math.floor(rng() * G)),
        ),
      );
      samples.push([...resample.ratings.map((r) => r!.rating), ...STYLE_FEATURES.map((f) => resample.coefficients[f]!.estimate)]);
    }
    const sd = (column: number) => {
      const xs = samples.map((s) => s[column]!);
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    };
    const sandwich = [...result.ratings.map((r) => r!.se!), ...STYLE_FEATURES.map((f) => result.coefficients[f]!.se!)];
    sandwich.forEach((se, column) => {
      const ratio = se / sd(column);
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1.15);
    });
  });
});

describe("large data", () => {
  it("starting from a subsample (above 262,144 votes) lands on the same optimum and intervals whatever the voter order", () => {
    const data = simulateStyledVotes({ models: 30, voters: 15_000, votesPerVoter: 20, seed: 4 });
    expect(data.a.length).toBeGreaterThan(262_144);
    const result = fitStyleControl(data);
    const reversed = fitStyleControl(
      pickVoters(
        data,
        Int32Array.from({ length: 15_000 }, (_, g) => 14_999 - g),
      ),
    );
    expect(result).toMatchObject({ converged: true, clusters: 512 });
    // ratings to 0.002 points; the stable voter ids keep the hashed groups, so the same standard errors
    expectSameFit(result, reversed, 2e-3);
  });
});
