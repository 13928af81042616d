import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ModelStatus, Visibility } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { getLeaderboard } from "./leaderboard";

/** One tested variant's published score (rating and interval null when it had too few votes). */
export interface TestedVariantRow {
  modelId: string;
  name: string;
  displayName: string;
  visibility: Visibility;
  status: ModelStatus;
  rating: number | null;
  lower: number | null;
  upper: number | null;
  votes: number;
}

export interface VariantScore {
  rating: number | null;
  lower: number | null;
  upper: number | null;
  votes: number;
}

/**
 * Scores of every model on the all-voters board, private and withdrawn ones included, and the
 * instant they were computed. Computed before the publishing transaction: fitting takes time.
 */
export async function getAllVariantScores(): Promise<{ scores: Map<string, VariantScore>; dataCutoff: Date }> {
  const dataCutoff = new Date();
  // Every tested variant counts, deprecated ones included.
  const board = await getLeaderboard({}, { visibility: "all", deprecated: "show" });
  const scores = new Map(board.rows.map((r) => [r.modelId, { rating: r.rating, lower: r.lower, upper: r.upper, votes: r.votes }]));
  return { scores, dataCutoff };
}

type Tx = Pick<ReturnType<typeof db>, "model" | "vote" | "testedVariantsReport">;

/**
 * Every variant an organization tested (its models that were ever private: still private,
 * withdrawn, or made public after testing), read inside the caller's transaction.
 */
export async function listTestedVariants(tx: Tx, organization: string) {
  return tx.model.findMany({
    where: {
      organization: { equals: organization, mode: "insensitive" },
      OR: [{ visibility: { in: ["PRIVATE_TESTING", "WITHDRAWN"] } }, { testingEndedAt: { not: null } }],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, displayName: true, visibility: true, status: true },
  });
}

/** Appends the report of one organization's tested variants (append-only table). */
export async function writeTestedVariantsReport(
  tx: Tx,
  input: {
    organization: string;
    triggerModelId: string;
    trigger: "published" | "withdrawn";
    dataCutoff: Date;
    scores: Map<string, VariantScore>;
  },
): Promise<{ id: string; rows: TestedVariantRow[] }> {
  const variants = await listTestedVariants(tx, input.organization);
  const rows: TestedVariantRow[] = [];
  for (const v of variants) {
    const score = input.scores.get(v.id);
    const votes =
      score?.votes ??
      (await tx.vote.count({ where: { OR: [{ modelAId: v.id }, { modelBId: v.id }], createdAt: { lte: input.dataCutoff } } }));
    rows.push({
      modelId: v.id,
      name: v.name,
      displayName: v.displayName,
      visibility: v.visibility,
      status: v.status,
      rating: score?.rating ?? null,
      lower: score?.lower ?? null,
      upper: score?.upper ?? null,
      votes,
    });
  }
  const report = await tx.testedVariantsReport.create({
    data: {
      organization: input.organization,
      triggerModelId: input.triggerModelId,
      trigger: input.trigger,
      dataCutoff: input.dataCutoff,
      rows: rows as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { id: report.id, rows };
}

export interface TestedVariantsReportView {
  id: string;
  createdAt: Date;
  organization: string;
  trigger: string;
  triggerModel: string;
  dataCutoff: Date;
  rows: TestedVariantRow[];
}

/** Published reports, newest first. */
export async function listTestedVariantsReports(
  options: { take?: number; organization?: string } = {},
): Promise<TestedVariantsReportView[]> {
  const reports = await db().testedVariantsReport.findMany({
    where: options.organization ? { organization: { equals: options.organization, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 100,
    select: { id: true, createdAt: true, organization: true, trigger: true, triggerModelId: true, dataCutoff: true, rows: true },
  });
  const triggers = await db().model.findMany({
    where: { id: { in: reports.map((r) => r.triggerModelId) } },
    select: { id: true, displayName: true },
  });
  const names = new Map(triggers.map((m) => [m.id, m.displayName]));
  return reports.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    organization: r.organization,
    trigger: r.trigger,
    triggerModel: names.get(r.triggerModelId) ?? r.triggerModelId,
    dataCutoff: r.dataCutoff,
    rows: Array.isArray(r.rows) ? (r.rows as unknown as TestedVariantRow[]) : [],
  }));
}

/** The policy's cap on concurrent private-testing variants per organization. */
export async function getPrivateVariantCap(): Promise<number> {
  const row = await db().policySettings.findUnique({ where: { id: 1 }, select: { privateVariantCap: true } });
  return row?.privateVariantCap ?? 3;
}
