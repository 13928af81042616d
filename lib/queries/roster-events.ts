import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

/** Public roster event kinds, as shown on the changelog. */
export const ROSTER_EVENT_KINDS = ["added", "edited", "paused", "resumed", "deprecated", "published", "withdrawn"] as const;
export type RosterEventKind = (typeof ROSTER_EVENT_KINDS)[number];

type Tx = Pick<ReturnType<typeof db>, "rosterEvent">;

/** Appends a public roster event (inside the caller's transaction when given one). */
export async function recordRosterEvent(
  tx: Tx,
  event: { modelId: string; kind: RosterEventKind; reason?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await tx.rosterEvent.create({
    data: {
      modelId: event.modelId,
      kind: event.kind,
      reason: event.reason ?? null,
      details: (event.details ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

/** One changelog line: the event and the model's public identity. */
export interface RosterEventView {
  id: string;
  createdAt: Date;
  kind: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  model: { name: string; displayName: string; organization: string; licenseKind: string };
}

/** Roster events, newest first, with each model's public names (no provider settings). */
export async function listRosterEvents(options: { take?: number; modelId?: string } = {}): Promise<RosterEventView[]> {
  const events = await db().rosterEvent.findMany({
    where: options.modelId ? { modelId: options.modelId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 500,
    select: { id: true, createdAt: true, modelId: true, kind: true, reason: true, details: true },
  });
  const models = await db().model.findMany({
    where: { id: { in: [...new Set(events.map((e) => e.modelId))] } },
    select: { id: true, name: true, displayName: true, organization: true, licenseKind: true },
  });
  const byId = new Map(models.map((m) => [m.id, m]));
  return events.map((e) => {
    const m = byId.get(e.modelId);
    return {
      id: e.id,
      createdAt: e.createdAt,
      kind: e.kind,
      reason: e.reason,
      details: isRecord(e.details) ? e.details : null,
      model: {
        name: m?.name ?? e.modelId,
        displayName: m?.displayName ?? e.modelId,
        organization: m?.organization ?? "",
        licenseKind: m?.licenseKind ?? "PROPRIETARY",
      },
    };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
