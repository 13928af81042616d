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

/** Audit entries, newest first, optionally of one entity kind. */
export async function listAudit(filter: { entity?: string; take?: number } = {}): Promise<AuditEntry[]> {
  return db().auditLog.findMany({
    where: filter.entity ? { entity: filter.entity } : {},
    orderBy: { createdAt: "desc" },
    take: filter.take ?? 200,
    select: { id: true, createdAt: true, actorEmail: true, action: true, entity: true, entityId: true, before: true, after: true },
  });
}
