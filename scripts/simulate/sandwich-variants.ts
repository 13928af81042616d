import { fitIdentified, type IdentifiedFit } from "../../lib/rating/identified-fit";
import type { VotesByVoter } from "../../lib/rating/types";
import { clusteredCovariance, inverseInformation, VoterScores } from "../../lib/rating/sandwich";
import { choleskyFactorInPlace, choleskySolveFactored } from "../../lib/rating/linear-algebra";
import { UniformStream } from "../../lib/rating/rng";
import { BOARD_RATINGS, BOARD_SHARES, BOARD_SIZE, formatMean, pairDesign, PairSampler, seedOf, sharesOf, VoteBuffer } from "./arena-data";
import { COVERAGE_SETTINGS } from "./coverage";
import { expectedScores, TruthCache } from "./population-truth";
import type { SimulationOptions, SimulationSection } from "./report";
import { studentT975, Z95 } from "../../lib/rating/student-t";

/**
 * Investigation, not part of `npm run simulate`: small-sample variants of the voter-clustered sandwich, on the
 * boards of the coverage simulation (same seeds, so the CR1 + normal line reproduces its sandwich coverage).
 * - CR1 + z: the library's V = G/(G−1)·A⁻¹(Σ u_g u_gᵀ)A⁻¹ with the normal quantile;
 * - CR1 + t(G−1): the same with Student's t on G − 1 degrees of freedom (Stata's and fixest's default);
 * - CR1 + t(G*−1): t with a per-model effective number of voters G* = (Σ_g c_g)²/Σ_g c_g², c_g = (A⁻¹u_g)_m²,
 *   the voters' shares in that model's variance (Kish's formula: few dominant voters, few degrees of freedom);
 * - CR3 + z, CR3 + t(G−1): the jackknife-type correction V = (G−1)/G·Σ ũ_g ũ_gᵀ with ũ_g = (A − H_g)⁻¹ u_g,
 *   H_g voter g's own information: each voter's influence computed as if left out (Bell & McCaffrey 2002; for a
 *   one-step M-estimator this is the delete-one-cluster jackknife). Cost O(k³) per voter (Cholesky), so it is
 *   run only where voters are few (clustered settings); a one-vote voter uses the rank-one (leverage) formula.
 * Coverage as in `coverage.ts`: per-board shares, mean ± sd/√boards; also split by the models' share of battles.
 */
export function simulateSandwichVariants(options: SimulationOptions): SimulationSection {
  const lines: string[] = [];
  const pi = pairDesign(BOARD_SHARES);
  const shares = sharesOf(pi, BOARD_SIZE);
  const names = BOARD_RATINGS.map((_, m) => `m${m}`);
  const base = Float64Array.from(BOARD_RATINGS);
  const isRare = Array.from(shares, (s) => s <= 0.011);
  COVERAGE_SETTINGS.forEach((setting, s) => {
    const boards = options.quick ? setting.quick.sandwich : setting.full.sandwich;
    const truth = new TruthCache(pi, expectedScores(base, setting.taste));
    const buffer = new VoteBuffer(BOARD_SIZE, new PairSampler(pi));
    const variants = VARIANTS.map(() => ({
      all: new Float64Array(boards),
      rare: new Float64Array(boards),
      common: new Float64Array(boards),
      width: 0,
    }));
    for (let b = 0; b < boards; b++) {
      buffer.reset();
      buffer.append(new UniformStream(seedOf(options.seed, 1, s, b)), base, setting.taste, setting.votes, setting.voters, 0);
      const votes = buffer.votesOf();
      const fit = fitIdentified(names, buffer.cellsOf());
      const k = fit.rated.length;
      const target = truth.of(fit.rated);
      const { covariance: cr1, clusters } = clusteredCovariance(fit, votes);
      const { cr3, effective } = leaveOneOut(fit, votes);
      VARIANTS.forEach((variant, v) => {
        let all = 0;
        let rare = 0;
        let rareCount = 0;
        let common = 0;
        for (let r = 0; r < k; r++) {
          const m = fit.rated[r]!;
          const variance = variant.cr3 ? cr3[r * k + r]! : cr1[r * k + r]!;
          const df = variant.df === "G-1" ? clusters - 1 : variant.df === "G*-1" ? Math.max(1, effective[r]! - 1) : Infinity;
          const half = 400 * Math.sqrt(Math.max(0, variance)) * (Number.isFinite(df) ? studentT975(df) : Z95);
          const hit = Math.abs(400 * fit.strengths[r]! - target[m]!) <= half ? 1 : 0;
          all += hit;
          if (isRare[m]) {
            rare += hit;
            rareCount++;
          } else common += hit;
          variants[v]!.width += (2 * half) / k;
        }
        variants[v]!.all[b] = all / k;
        variants[v]!.rare[b] = rare / Math.max(1, rareCount);
        variants[v]!.common[b] = common / Math.max(1, k - rareCount);
      });
    }
    lines.push(`${setting.label}, ${boards} boards:`);
    VARIANTS.forEach((variant, v) => {
      const x = variants[v]!;
      lines.push(
        `  ${variant.label.padEnd(16)} coverage ${formatMean(x.all)}  (models ≤ 1% of battles ${formatMean(x.rare)}, others ${formatMean(x.common)})  ` +
          `width ×${(x.width / variants[0]!.width).toFixed(3)}`,
      );
    });
  });
  return { title: "Sandwich small-sample variants (investigation)", lines, ok: true };
}

const VARIANTS: readonly { label: string; cr3: boolean; df: "inf" | "G-1" | "G*-1" }[] = [
  { label: "CR1 + z", cr3: false, df: "inf" },
  { label: "CR1 + t(G−1)", cr3: false, df: "G-1" },
  { label: "CR1 + t(G*−1)", cr3: false, df: "G*-1" },
  { label: "CR3 + z", cr3: true, df: "inf" },
  { label: "CR3 + t(G−1)", cr3: true, df: "G-1" },
];

/**
 * CR3 covariance (G−1)/G·Σ ũ_g ũ_gᵀ, ũ_g = (A − H_g)⁺ u_g, and each model's effective number of voters
 * G*_m = (Σ_g c_gm)² / Σ_g c_gm², c_gm = ((A⁺u_g)_m)². A = H + sJ as in `inverseInformation`.
 */
function leaveOneOut(fit: IdentifiedFit, votes: VotesByVoter): { cr3: Float64Array; effective: Float64Array } {
  const k = fit.rated.length;
  const { alpha, strengths, pairs } = fit;
  const information = new Float64Array(k * k);
  let diagonal = 0;
  for (let p = 0; p < pairs.i.length; p++) {
    const x = pairs.i[p]!;
    const y = pairs.j[p]!;
    const w = pairs.winsI[p]! + pairs.winsJ[p]! + pairs.draws[p]!;
    const q = 1 / (1 + Math.exp(-alpha * (strengths[x]! - strengths[y]!)));
    const c = alpha * alpha * w * q * (1 - q);
    information[x * k + x] += c;
    information[y * k + y] += c;
    information[x * k + y] -= c;
    information[y * k + x] -= c;
    diagonal += 2 * c;
  }
  const shift = diagonal / k / k;
  for (let e = 0; e < k * k; e++) information[e] = information[e]! + shift;
  const inverse = inverseInformation(fit);
  const scores = new VoterScores(fit, votes);
  const ratedOf = new Int32Array(fit.models.length).fill(-1);
  fit.rated.forEach((m, r) => (ratedOf[m] = r));
  const cr3 = new Float64Array(k * k);
  const sum = new Float64Array(k);
  const sumSquares = new Float64Array(k);
  const matrix = new Float64Array(k * k);
  const u = new Float64Array(k);
  const plain = new Float64Array(k);
  const prob = new Float64Array(k * k);
  for (let x = 0; x < k; x++) for (let y = 0; y < k; y++) prob[x * k + y] = 1 / (1 + Math.exp(-alpha * (strengths[x]! - strengths[y]!)));
  const { start, code, stride, modelOf } = votes;
  for (let g = 0; g < scores.voters; g++) {
    const size = scores.score(g);
    if (size === 0) continue;
    u.fill(0);
    for (let t = 0; t < size; t++) u[scores.touched[t]!] = scores.u[scores.touched[t]!]!;
    scores.clear(size);
    // plain influence A⁺u_g, for the effective number of voters
    for (let r = 0; r < k; r++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += inverse[r * k + c]! * u[c]!;
      plain[r] = s;
      sum[r] += s * s;
      sumSquares[r] += s ** 4;
    }
    // (A − H_g)⁻¹ u_g; for a one-vote voter (u_g ∝ e_a − e_b = x, H_g = c·x xᵀ) that is A⁺u_g / (1 − c·xᵀA⁺x)
    if (start[g + 1]! - start[g]! === 1) {
      const cell = code[start[g]!]! >>> 2;
      const aCode = Math.floor(cell / stride);
      const a = ratedOf[modelOf[aCode]!]!;
      const b = ratedOf[modelOf[cell - aCode * stride]!]!;
      const q = prob[a * k + b]!;
      const leverage = alpha * alpha * q * (1 - q) * (inverse[a * k + a]! + inverse[b * k + b]! - 2 * inverse[a * k + b]!);
      for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) cr3[r * k + c] += (plain[r]! * plain[c]!) / (1 - leverage) ** 2;
      continue;
    }
    matrix.set(information);
    for (let v = start[g]!; v < start[g + 1]!; v++) {
      const cell = code[v]! >>> 2;
      const aCode = Math.floor(cell / stride);
      const a = ratedOf[modelOf[aCode]!]!;
      const b = ratedOf[modelOf[cell - aCode * stride]!]!;
      if (a < 0 || b < 0) continue;
      const q = prob[a * k + b]!;
      const c = alpha * alpha * q * (1 - q);
      matrix[a * k + a] -= c;
      matrix[b * k + b] -= c;
      matrix[a * k + b] += c;
      matrix[b * k + a] += c;
    }
    choleskyFactorInPlace(matrix, k);
    choleskySolveFactored(matrix, k, u);
    let mean = 0;
    for (let r = 0; r < k; r++) mean += u[r]! / k;
    for (let r = 0; r < k; r++) u[r] = u[r]! - mean;
    for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) cr3[r * k + c] += u[r]! * u[c]!;
  }
  const voters = scores.voters;
  for (let e = 0; e < k * k; e++) cr3[e] = (cr3[e]! * (voters - 1)) / voters;
  const effective = Float64Array.from(sum, (s, r) => (s * s) / (sumSquares[r]! || 1));
  return { cr3, effective };
}
