/** Whether vote exports have data yet, and if not, when they will. */
export type ExportRelease = { status: "released" } | { status: "pending"; releaseAt: Date } | { status: "none" };

/**
 * Exports hold out votes younger than `holdoutDays`: the oldest exportable vote is released once
 * now − holdout passes it, i.e. at `oldest + holdoutDays`. Pure: the caller reads `oldest` (the
 * creation time of the oldest exportable vote, null for none) and the policy.
 */
export function exportReleaseOf(oldest: Date | null, holdoutDays: number, now: Date): ExportRelease {
  if (oldest === null) return { status: "none" };
  const releaseAt = new Date(oldest.getTime() + holdoutDays * 86_400_000);
  return releaseAt.getTime() < now.getTime() ? { status: "released" } : { status: "pending", releaseAt };
}
