import {
  ANOMALY_ALPHA,
  ANOMALY_MIN_VOTES,
  FIXED_ALTERNATIVES,
  boardPrior,
  extendLogProducts,
  isFlagged,
  mixtureLog,
  predictiveNull,
  type Choice,
} from "../../lib/integrity/anomaly";
import { UniformStream } from "../../lib/rating/rng";
import {
  BOARD_RATINGS,
  BOARD_SHARES,
  BOARD_SIZE,
  DRAW_AT_EVEN,
  PairSampler,
  TIE_SHARE_OF_DRAWS,
  normal,
  pairDesign,
  seedOf,
} from "./arena-data";
import { formatRate, type SimulationOptions, type SimulationSection } from "./report";

/**
 * The anomalous-voter test's promise, checked on a live-like stream: at most 1 honest voter in 1000 flagged, and
 * a voter who always picks one model when it appears flagged within 60 battles with that model (median), whether
 * that model is weak, middling or strong.
 *
 * The board is arena-data's (30 models about 1000 ± 150, uneven shares, draws likelier between close models),
 * with three models joining part-way (at a quarter, half and three quarters of the stream). Honest voters follow
 * Bradley–Terry on the true ratings plus private tastes: 4 of the 30 models get an offset of sd 300 points, and
 * each voter has their own position bias (sd 20 points towards the left answer), draw propensity (0.6–1.5 times
 * the board's) and share of ties among draws (0.35–0.85). Boosters always pick their model when it is shown, and
 * otherwise vote like an honest voter (with tastes of their own) or click A or B at random; five other careless
 * behaviours are reported for information. Each voter is active over a window of the stream (start uniform,
 * length 5–40% of it) and the votes of all voters are interleaved in time, so a pair's counts grow as votes
 * arrive, early voters meet thin pairs and late models empty ones, and everyone's votes (boosters' included)
 * make up the record. Every vote's factor is computed by the library's own functions (boardPrior,
 * predictiveNull, extendLogProducts, mixtureLog, isFlagged) from the counts before that vote, then the vote
 * is counted. A voter's test stops once they are flagged.
 *
 * Production keeps a component for a model only from the voter's first battle with it; here every model's
 * components exist from the start at log 0. That is the same mixture (see lib/integrity/anomaly.ts: a
 * component's factor is 1 on every vote without its model, and weight not yet given counts at product 1).
 *
 * Cost: O(votes × components) at worst, all in typed arrays, nothing allocated per vote; the full run is 100,000
 * honest voters × 200 votes plus 2,200 others × 1,000 (22 million votes, about half a minute on one core).
 */

/** Models that join part-way, and when (fraction of the stream). */
const LATE_MODELS = [4, 17, 26];
const LATE_AT = [0.25, 0.5, 0.75];

/** How a simulated voter chooses. */
const enum Kind {
  Honest,
  /** Always their model when it is shown; otherwise honest. */
  Booster,
  /** Always their model when it is shown; otherwise A or B at random. */
  BoosterRandom,
  /** A or B at random. */
  Coin,
  /** One of the four buttons at random. */
  FourButtons,
  /** Always the left answer. */
  Left,
  /** Always the lower-rated model. */
  Underdog,
  /** Always "both bad". */
  BothBad,
}

interface Group {
  label: string;
  kind: Kind;
  /** The boosted model (boosters only). */
  model: number;
}

/** The boosted models: the weakest, a middling and a strong one, all with ordinary shares (8–10% of battles). */
const TARGETS = [
  { label: "weakest", model: 29 },
  { label: "middling", model: 14 },
  { label: "strong", model: 1 },
] as const;
const BOOSTERS: Group[] = [
  ...TARGETS.map((t) => ({
    label: `booster of the ${t.label} model (${BOARD_RATINGS[t.model]} points), honest otherwise`,
    kind: Kind.Booster,
    model: t.model,
  })),
  ...TARGETS.map((t) => ({
    label: `booster of the ${t.label} model (${BOARD_RATINGS[t.model]} points), random otherwise`,
    kind: Kind.BoosterRandom,
    model: t.model,
  })),
];
/** Other careless or hostile behaviours, reported for information (no target). */
const OTHERS: Group[] = [
  { label: "clicks A or B at random", kind: Kind.Coin, model: -1 },
  { label: "clicks one of the four buttons at random", kind: Kind.FourButtons, model: -1 },
  { label: "always the left answer", kind: Kind.Left, model: -1 },
  { label: "always the lower-rated model", kind: Kind.Underdog, model: -1 },
  { label: "always both bad", kind: Kind.BothBad, model: -1 },
];
const GROUPS = [...BOOSTERS, ...OTHERS];

const TASTE_SD = 300;
const TASTE_MODELS = 4;
const SIDE_BIAS_SD = 20;
/** Each voter's draws (ties and both bad) are the board's times a factor uniform in this range. */
const DRAW_SCALE = [0.6, 1.5] as const;
/** Each voter's share of ties among their draws: uniform in this range. */
const TIE_SHARE = [TIE_SHARE_OF_DRAWS - 0.25, TIE_SHARE_OF_DRAWS + 0.25] as const;
const LN10_OVER_400 = Math.LN10 / 400;
const WIDTH = FIXED_ALTERNATIVES.length + 2 * BOARD_SIZE;
const TIME_BUCKETS = 1 << 16;

/** Targets the section is held to. */
const MAX_FALSE_FLAG_RATE = ANOMALY_ALPHA;
const MAX_MEDIAN_BATTLES = 60;

interface Sizes {
  honest: number;
  honestVotes: number;
  perGroup: number;
  groupVotes: number;
}

const FULL: Sizes = { honest: 100_000, honestVotes: 200, perGroup: 200, groupVotes: 1000 };
const QUICK: Sizes = { honest: 3_000, honestVotes: 200, perGroup: 20, groupVotes: 1000 };

/** Pair samplers for each epoch (which models have joined): designs over the joined models' shares. */
function epochSamplers(): PairSampler[] {
  return [0, 1, 2, 3].map((joined) => {
    const present = BOARD_SHARES.map((_, m) => !LATE_MODELS.includes(m) || LATE_MODELS.indexOf(m) < joined);
    const ids = present.flatMap((isIn, m) => (isIn ? [m] : []));
    const sub = ids.map((m) => BOARD_SHARES[m]!);
    const scale = 2 / sub.reduce((a, b) => a + b, 0);
    const design = pairDesign(sub.map((s) => s * scale));
    const full = new Float64Array(BOARD_SIZE * BOARD_SIZE);
    for (let i = 0; i < ids.length; i++)
      for (let j = 0; j < ids.length; j++) full[ids[i]! * BOARD_SIZE + ids[j]!] = design[i * ids.length + j]!;
    return new PairSampler(full);
  });
}

/** Runs the stream once; returns per-voter flags and, when flagged, the tested votes and battles with their model. */
function run(sizes: Sizes, seed: number) {
  const source = new UniformStream(seedOf(seed, 9, 1));
  const voters = sizes.honest + sizes.perGroup * GROUPS.length;
  // Voter v < honest is honest; after that, groups of perGroup in the order of GROUPS.
  const kind = new Uint8Array(voters);
  const target = new Int8Array(voters).fill(-1);
  for (let v = sizes.honest; v < voters; v++) {
    const group = GROUPS[Math.floor((v - sizes.honest) / sizes.perGroup)]!;
    kind[v] = group.kind;
    target[v] = group.model;
  }
  const votesOf = (v: number) => (v < sizes.honest ? sizes.honestVotes : sizes.groupVotes);

  // Private tastes and habits (boosters vote with them when honest).
  const taste = new Float64Array(voters * BOARD_SIZE);
  const sideBias = new Float64Array(voters);
  const drawScale = new Float64Array(voters);
  const tieShare = new Float64Array(voters);
  const permutation = Int32Array.from({ length: BOARD_SIZE }, (_, m) => m);
  for (let v = 0; v < voters; v++) {
    for (let k = 0; k < TASTE_MODELS; k++) {
      const pick = k + Math.floor(source.nextDouble() * (BOARD_SIZE - k));
      const m = permutation[pick]!;
      permutation[pick] = permutation[k]!;
      permutation[k] = m;
      taste[v * BOARD_SIZE + m] = TASTE_SD * normal(source);
    }
    sideBias[v] = SIDE_BIAS_SD * normal(source);
    drawScale[v] = DRAW_SCALE[0] + (DRAW_SCALE[1] - DRAW_SCALE[0]) * source.nextDouble();
    tieShare[v] = TIE_SHARE[0] + (TIE_SHARE[1] - TIE_SHARE[0]) * source.nextDouble();
  }

  // The stream: each voter's votes at uniform times in their window, counting-sorted into time buckets and
  // shuffled within each bucket.
  const bucketOf = new Uint16Array(sizes.honest * sizes.honestVotes + (voters - sizes.honest) * sizes.groupVotes);
  let total = 0;
  const bucketStart = new Int32Array(TIME_BUCKETS + 1);
  for (let v = 0; v < voters; v++) {
    const length = 0.05 + 0.35 * source.nextDouble();
    const start = (1 - length) * source.nextDouble();
    for (let k = 0; k < votesOf(v); k++) {
      const bucket = Math.floor((start + length * source.nextDouble()) * TIME_BUCKETS);
      bucketOf[total++] = bucket;
      bucketStart[bucket + 1]++;
    }
  }
  for (let b = 0; b < TIME_BUCKETS; b++) bucketStart[b + 1] += bucketStart[b]!;
  const stream = new Int32Array(total);
  const fill = bucketStart.slice(0, TIME_BUCKETS);
  for (let v = 0, i = 0; v < voters; v++) for (let k = 0; k < votesOf(v); k++) stream[fill[bucketOf[i++]!]!++] = v;
  for (let b = 0; b < TIME_BUCKETS; b++) {
    const first = bucketStart[b]!;
    for (let i = bucketStart[b + 1]! - 1; i > first; i--) {
      const j = first + Math.floor(source.nextDouble() * (i - first + 1));
      const t = stream[i]!;
      stream[i] = stream[j]!;
      stream[j] = t;
    }
  }

  const samplers = epochSamplers();
  const joinVote = LATE_AT.map((at) => Math.floor(at * total));
  // Pair counts folded to the lower model index's side (lo wins, hi wins, tie, both bad); board counts by outcome.
  const pairs = new Int32Array(BOARD_SIZE * BOARD_SIZE * 4);
  const board = new Float64Array(4);
  const prior = new Float64Array(4);
  const counts = new Float64Array(4);
  const p = new Float64Array(4);
  const logE = new Float64Array(voters * WIDTH);
  const tested = new Int32Array(voters);
  const battlesWithTarget = new Int32Array(voters);
  const flaggedAtVote = new Int32Array(voters).fill(-1);
  const flaggedAtBattle = new Int32Array(voters).fill(-1);
  const check = { logMixture: 0, votesTested: 0 };
  const threshold = Math.log(1 / ANOMALY_ALPHA);

  for (let i = 0, epoch = 0; i < total; i++) {
    while (epoch < joinVote.length && i >= joinVote[epoch]!) epoch++;
    const v = stream[i]!;
    const pair = samplers[epoch]!.draw(source);
    const a = Math.floor(pair / BOARD_SIZE);
    const b = pair - a * BOARD_SIZE;
    const m = target[v]!;
    const k = kind[v]!;
    let choice: Choice;
    if (m >= 0 && (a === m || b === m)) {
      battlesWithTarget[v]++;
      choice = a === m ? 0 : 1;
    } else if (k === Kind.BoosterRandom || k === Kind.Coin) {
      choice = source.nextDouble() < 0.5 ? 0 : 1;
    } else if (k === Kind.FourButtons) {
      choice = Math.floor(source.nextDouble() * 4) as Choice;
    } else if (k === Kind.Left) {
      choice = 0;
    } else if (k === Kind.Underdog) {
      choice = BOARD_RATINGS[a]! < BOARD_RATINGS[b]! ? 0 : 1;
    } else if (k === Kind.BothBad) {
      choice = 3;
    } else {
      // arena-data's vote model with this voter's tastes and habits: draws likelier between close models.
      const d = BOARD_RATINGS[a]! - BOARD_RATINGS[b]! + taste[v * BOARD_SIZE + a]! - taste[v * BOARD_SIZE + b]! + sideBias[v]!;
      const win = 1 / (1 + Math.exp(-LN10_OVER_400 * d));
      const draw = DRAW_AT_EVEN * drawScale[v]! * 4 * win * (1 - win);
      const u = source.nextDouble();
      choice = u < win - draw / 2 ? 0 : u < 1 - draw ? 1 : u < 1 - draw * (1 - tieShare[v]!) ? 2 : 3;
    }

    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const cell = (lo * BOARD_SIZE + hi) * 4;
    if (flaggedAtVote[v] < 0) {
      // The factor: from the counts before this vote, folded to the left model's side.
      const isLoLeft = a === lo;
      counts[0] = pairs[cell + (isLoLeft ? 0 : 1)]!;
      counts[1] = pairs[cell + (isLoLeft ? 1 : 0)]!;
      counts[2] = pairs[cell + 2]!;
      counts[3] = pairs[cell + 3]!;
      predictiveNull(counts, boardPrior(board, prior), p);
      const offset = v * WIDTH;
      extendLogProducts(logE, offset, p, choice, a, b);
      tested[v]++;
      // log M ≤ the largest log E_k (the weights sum to 1): the exact mixture is needed only once that reaches
      // the threshold (below it, 0 stands in for log M: the flag rule cannot fire either way).
      let top = 0;
      for (let c = offset; c < offset + WIDTH; c++) if (logE[c]! > top) top = logE[c]!;
      check.logMixture = top >= threshold ? mixtureLog(logE, offset, BOARD_SIZE) : 0;
      check.votesTested = tested[v]!;
      if (isFlagged(check)) {
        flaggedAtVote[v] = tested[v]!;
        flaggedAtBattle[v] = battlesWithTarget[v]!;
      }
    }
    // Then the vote joins the record.
    const isLoWin = (choice === 0 && a === lo) || (choice === 1 && b === lo);
    pairs[cell + (choice >= 2 ? choice : isLoWin ? 0 : 1)]++;
    board[choice]++;
  }
  return { flaggedAtVote, flaggedAtBattle, totalVotes: total };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The anomalous-voter simulation (see the file comment): the honest false-flag rate with its Monte Carlo error
 * (target ≤ 1/1000), and for boosters of the weakest, a middling and a strong model, honest or random otherwise,
 * the median number of battles with their model before they are flagged (target ≤ 60; a booster never flagged
 * counts as infinitely many). Other careless behaviours are reported for information. `quick` runs 3,000 honest
 * voters and 20 per group, for tests.
 */
export function simulateAnomaly(options: SimulationOptions): SimulationSection {
  const sizes = options.quick ? QUICK : FULL;
  const started = performance.now();
  const { flaggedAtVote, flaggedAtBattle, totalVotes } = run(sizes, options.seed);
  let falseFlags = 0;
  for (let v = 0; v < sizes.honest; v++) if (flaggedAtVote[v]! >= 0) falseFlags++;
  const lines = [
    `${sizes.honest.toLocaleString("en")} honest voters × ${sizes.honestVotes} votes with private tastes (sd ${TASTE_SD} points on ${TASTE_MODELS} of ${BOARD_SIZE} models), ` +
      `${totalVotes.toLocaleString("en")} votes in all; α = ${ANOMALY_ALPHA}, at least ${ANOMALY_MIN_VOTES} tested votes`,
    `honest voters flagged: ${formatRate(falseFlags, sizes.honest, 5)} (${falseFlags} of ${sizes.honest.toLocaleString("en")}; target ≤ ${MAX_FALSE_FLAG_RATE})`,
  ];
  let ok = falseFlags / sizes.honest <= MAX_FALSE_FLAG_RATE;
  GROUPS.forEach((group, g) => {
    const isBooster = group.model >= 0;
    const until: number[] = [];
    let caught = 0;
    for (let k = 0; k < sizes.perGroup; k++) {
      const v = sizes.honest + g * sizes.perGroup + k;
      const at = isBooster ? flaggedAtBattle[v]! : flaggedAtVote[v]!;
      until.push(flaggedAtVote[v]! >= 0 ? at : Infinity);
      if (flaggedAtVote[v]! >= 0) caught++;
    }
    const med = median(until);
    const within = `flagged within ${sizes.groupVotes} votes: ${formatRate(caught, sizes.perGroup)}`;
    if (isBooster) {
      ok &&= med <= MAX_MEDIAN_BATTLES;
      lines.push(`${group.label}: median ${med} battles with it before flagged (target ≤ ${MAX_MEDIAN_BATTLES}); ${within}`);
    } else {
      lines.push(`${group.label}: median ${med} votes before flagged; ${within}`);
    }
  });
  lines.push(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return { title: "Anomalous voters: false flags and time to catch a booster", lines, ok };
}
