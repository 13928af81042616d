import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

/** Who did it: a signed-in user, or the command line (no id). */
export interface Actor {
  id: string | null;
  email: string | null;
}

export const CLI_ACTOR: Actor = { id: null, email: "command line" };

type Tx = Pick<ReturnType<typeof db>, "auditLog">;

/** Appends one entry to the audit log (inside the caller's transaction when given one). */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; entity: string; entityId?: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

export interface AuditEntry {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  /** Exact action ("model.deprecate") or a prefix ending in "." ("model."). */
  action?: string;
  /** Part of the actor's email, case-insensitive. */
  actor?: string;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  take?: number;
}

/** Audit entries, newest first, filtered by entity, action, actor and date range. */
export async function listAudit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const where: Prisma.AuditLogWhereInput = {};
  if (filter.entity) where.entity = filter.entity;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.action) where.action = filter.action.endsWith(".") ? { startsWith: filter.action } : filter.action;
  if (filter.actor) where.actorEmail = { contains: filter.actor, mode: "insensitive" };
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    };
  }
  return db().auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.take ?? 200,
    select: { id: true, createdAt: true, actorEmail: true, action: true, entity: true, entityId: true, before: true, after: true },
  });
}

/** The distinct actions recorded (for the filter menu). */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db().auditLog.findMany({ distinct: ["action"], orderBy: { action: "asc" }, select: { action: true } });
  return rows.map((r) => r.action);
}

/** The distinct entity kinds recorded (for the filter menu). */
export async function listAuditEntities(): Promise<string[]> {
  const rows = await db().auditLog.findMany({ distinct: ["entity"], orderBy: { entity: "asc" }, select: { entity: true } });
  return rows.map((r) => r.entity);
}
