import "server-only";
import { db } from "@/lib/db";
import { ANOMALY_RECHECK_FACTOR, outcomePrior, testVoter, type AnomalyResult, type TestedVote } from "@/lib/integrity/anomaly";
import { OUTCOME_CODE } from "@/lib/slice-index/codes";
import { getVoteIndex, type VoteIndex } from "@/lib/slice-index/vote-index";

/** A voter's most recent votes tested at most (keeps one review cheap). */
const MAX_TESTED_VOTES = 5000;
/** The score column is a float: keep astronomically strong evidence finite. */
const MAX_SCORE = 1e300;

type Four = [number, number, number, number];

/** Everyone's counted votes on {x, y} from x's side: x wins, y wins, tie, both bad. */
function pairRecord(index: VoteIndex, x: string, y: string): Four {
  const a = index.modelCodeOf(x);
  const b = index.modelCodeOf(y);
  const c = (l: number, r: number, o: number) => index.pairs.cell(l, r, o);
  return [
    c(a, b, OUTCOME_CODE.A) + c(b, a, OUTCOME_CODE.B),
    c(a, b, OUTCOME_CODE.B) + c(b, a, OUTCOME_CODE.A),
    c(a, b, OUTCOME_CODE.TIE) + c(b, a, OUTCOME_CODE.TIE),
    c(a, b, OUTCOME_CODE.BOTH_BAD) + c(b, a, OUTCOME_CODE.BOTH_BAD),
  ];
}

/** The choice of a vote from the side of its left model. */
function choiceOf(outcome: keyof typeof OUTCOME_CODE): 0 | 1 | 2 | 3 {
  return OUTCOME_CODE[outcome];
}

/**
 * Tests one voter's counted arena votes against the others' record of each pair (see
 * lib/integrity/anomaly.ts). The voter's own votes are subtracted from the pair totals.
 */
export async function assessVoter(userId: string): Promise<AnomalyResult> {
  const [votes, index] = await Promise.all([
    db().vote.findMany({
      where: { voterId: userId, source: "ARENA", identityLeak: false, excluded: false },
      select: { modelAId: true, modelBId: true, outcome: true },
      orderBy: { seq: "desc" },
      take: MAX_TESTED_VOTES,
    }),
    getVoteIndex(),
  ]);
  const own = new Map<string, Four>();
  const keyOf = (x: string, y: string) => `${x}\u0000${y}`;
  for (const v of votes) {
    const k = keyOf(v.modelAId, v.modelBId);
    const four = own.get(k) ?? [0, 0, 0, 0];
    four[choiceOf(v.outcome)]++;
    own.set(k, four);
  }
  const tested: TestedVote[] = votes.map((v) => {
    const all = pairRecord(index, v.modelAId, v.modelBId);
    const mine = own.get(keyOf(v.modelAId, v.modelBId))!;
    const mirrored = own.get(keyOf(v.modelBId, v.modelAId)) ?? [0, 0, 0, 0];
    // mirrored votes had the sides the other way round: their A is this pair's second model
    const minus: Four = [mine[0] + mirrored[1], mine[1] + mirrored[0], mine[2] + mirrored[2], mine[3] + mirrored[3]];
    return { others: all.map((n, i) => Math.max(0, n - minus[i])) as Four, choice: choiceOf(v.outcome) };
  });
  // The board-wide shares without this voter's own counted votes.
  const board = [...index.pairs.outcomes];
  for (const v of votes) board[choiceOf(v.outcome)] = Math.max(0, board[choiceOf(v.outcome)] - 1);
  return testVoter(tested, { prior: outcomePrior(board) });
}

/**
 * Runs the anomalous-voter test after a vote and records a finding in VoterReview: a new flag,
 * fresh evidence on an open flag, or a new flag on a cleared voter whose evidence grew by
 * ANOMALY_RECHECK_FACTOR since it was cleared. Excluded voters are left as they are. Never
 * throws (a failure is logged; the vote itself is already stored).
 */
export async function reviewVoterAfterVote(userId: string): Promise<void> {
  try {
    const review = await db().voterReview.findUnique({ where: { userId }, select: { status: true, score: true } });
    if (review?.status === "EXCLUDED") return;
    const result = await assessVoter(userId);
    const score = Math.min(result.e, MAX_SCORE);
    if (!review) {
      if (!result.isFlagged) return;
      await db().voterReview.upsert({
        where: { userId },
        create: { userId, status: "FLAGGED", score, votesTested: result.votesTested },
        update: {},
      });
    } else if (review.status === "FLAGGED") {
      await db().voterReview.updateMany({ where: { userId, status: "FLAGGED" }, data: { score, votesTested: result.votesTested } });
    } else if (result.isFlagged && score >= Math.max(1, review.score) * ANOMALY_RECHECK_FACTOR) {
      await db().voterReview.updateMany({ where: { userId, status: "CLEARED" }, data: { status: "FLAGGED", score, votesTested: result.votesTested, flaggedAt: new Date() } });
    }
  } catch (error) {
    console.error("Anomalous-voter review failed", { userId, error });
  }
}
