/**
 * True when a scheduled snapshot is due: none was published yet, or the newest is at least `maxAgeHours` old at `now`.
 */
export function isSnapshotDue(newestCreatedAt: Date | null, now: Date, maxAgeHours: number): boolean {
  return newestCreatedAt === null || now.getTime() - newestCreatedAt.getTime() >= maxAgeHours * 3_600_000;
}
