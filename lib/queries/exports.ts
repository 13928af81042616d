import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { exportPreamble, formatCleanBattle, judgeId, WINNER_OF_OUTCOME, type ExportFormat } from "@/lib/export-format";
import { exportReleaseOf, type ExportRelease } from "@/lib/export-release";
import type { Prisma } from "@/lib/generated/prisma/client";
import { holdoutCutoff, type Policy } from "@/lib/policy";
import { getPolicy } from "./policy";

const DEFAULT_BATCH_SIZE = 5000;

/** An export about to be streamed: its cutoff is fixed before the first row is read. */
export interface VoteExport {
  format: ExportFormat;
  /** Only votes cast strictly before this instant are in the export. */
  cutoff: Date;
  holdoutDays: number;
  /** The file's text in chunks (header, then one chunk per batch of votes). */
  chunks: AsyncGenerator<string, void, undefined>;
  /** Votes written so far; final once `chunks` is exhausted. */
  readonly stats: { votes: number };
}

/** The secret that keys judge ids; a missing one is a deployment error, reported before any row is sent. */
function judgeSecret(): string {
  const secret = serverEnv().SHOWDOWN_JUDGE_SECRET;
  if (!secret) {
    throw new Error(
      "Exports need SHOWDOWN_JUDGE_SECRET (at least 16 characters) to derive pseudonymous judge ids; set it, or start through `npm start`, which generates one.",
    );
  }
  return secret;
}

/** The votes an export may contain once their holdout has passed (see exportVotes). */
function exportableVoteWhere(policy: Policy, publicIds: string[]): Prisma.VoteWhereInput {
  return {
    source: { not: "DEMO" },
    identityLeak: false,
    excluded: false,
    ...(policy.requireVerifiedEmail ? { voterUnverified: false } : {}),
    modelAId: { in: publicIds },
    modelBId: { in: publicIds },
  };
}

/**
 * When exports have (or will have) votes: `released` once a vote is outside the holdout; else
 * `pending` with the instant the oldest exportable vote leaves it; `none` when there is no
 * exportable vote at all (demo votes never are). For the Data page's note beside the downloads.
 */
export async function getExportRelease(now = new Date()): Promise<ExportRelease> {
  const policy = await getPolicy();
  const publicIds = (await db().model.findMany({ where: { visibility: "PUBLIC" }, select: { id: true } })).map((m) => m.id);
  const oldest = await db().vote.findFirst({
    where: exportableVoteWhere(policy, publicIds),
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return exportReleaseOf(oldest?.createdAt ?? null, policy.holdoutDays, now);
}

/**
 * Released votes in LMArena's clean_battle shape plus demographics: every counted non-demo vote
 * cast before now − policy.holdoutDays, in insertion order, between two public models. Votes
 * left out of the leaderboard (identity leaks, excluded voters, and unverified contributors' votes
 * while policy.requireVerifiedEmail) are left out here too, and so are votes involving a
 * private-testing or withdrawn variant (its codename is not public). Replay-battle votes are
 * exported whatever policy.excludeReplayVotes says, with their `replay` column, so customers can
 * make their own choice. Reads by keyset pagination on Vote.seq
 * (`seq > last ORDER BY seq LIMIT batchSize`), so memory stays constant whatever the table size.
 */
export async function exportVotes(options: { format: ExportFormat; now?: Date; batchSize?: number }): Promise<VoteExport> {
  const secret = judgeSecret();
  const policy = await getPolicy();
  const cutoff = holdoutCutoff(policy, options.now ?? new Date());
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const stats = { votes: 0 };
  const judges = new Map<string, string>();
  const judgeOf = (voterKey: string) => {
    let id = judges.get(voterKey);
    if (id === undefined) {
      // Bounded cache: a voter's votes tend to be near each other in seq order.
      if (judges.size >= 100_000) judges.clear();
      id = judgeId(secret, voterKey);
      judges.set(voterKey, id);
    }
    return id;
  };

  const models = await db().model.findMany({ select: { id: true, name: true, visibility: true } });
  const names = new Map(models.map((m) => [m.id, m.name]));
  const publicIds = models.filter((m) => m.visibility === "PUBLIC").map((m) => m.id);
  const modelName = (id: string) => names.get(id) ?? id;

  async function* chunks(): AsyncGenerator<string, void, undefined> {
    const preamble = exportPreamble(options.format);
    if (preamble) yield preamble;
    let after = -1n;
    for (;;) {
      const batch = await db().vote.findMany({
        where: { seq: { gt: after }, createdAt: { lt: cutoff }, ...exportableVoteWhere(policy, publicIds) },
        orderBy: { seq: "asc" },
        take: batchSize,
        select: {
          seq: true,
          voterKey: true,
          outcome: true,
          createdAt: true,
          country: true,
          region: true,
          ageBand: true,
          education: true,
          language: true,
          modelAId: true,
          modelBId: true,
          replay: true,
        },
      });
      if (batch.length === 0) return;
      let text = "";
      for (const v of batch) {
        text += formatCleanBattle(
          {
            model_a: modelName(v.modelAId),
            model_b: modelName(v.modelBId),
            winner: WINNER_OF_OUTCOME[v.outcome],
            judge: judgeOf(v.voterKey),
            tstamp: v.createdAt.getTime() / 1000,
            country: v.country,
            region: v.region,
            age: v.ageBand,
            education: v.education,
            language: v.language,
            replay: v.replay,
          },
          options.format,
        );
      }
      stats.votes += batch.length;
      after = batch[batch.length - 1].seq;
      yield text;
      if (batch.length < batchSize) return;
    }
  }

  return { format: options.format, cutoff, holdoutDays: policy.holdoutDays, chunks: chunks(), stats };
}
