/**
 * Who an audience is: a contributor's four audience answers (country, age band, education,
 * language) decide which slices their votes count in. If answers could change before every vote,
 * one person could vote as any audience. So the first completion is free, and afterwards each
 * answer may change at most once per policy window (`profileChangeDays`, 0 = any time). Pure:
 * no database, clock passed in.
 */

export const AUDIENCE_FIELDS = ["country", "ageBand", "education", "language"] as const;
export type AudienceField = (typeof AUDIENCE_FIELDS)[number];

/** The answers; null is "prefer not to say". */
export type AudienceAnswers = Record<AudienceField, string | null>;
/** When each answer last changed after the first completion (null: never). */
export type AudienceChangeTimes = Record<AudienceField, Date | null>;

export interface StoredAudience {
  answers: AudienceAnswers;
  changedAt: AudienceChangeTimes;
  /** Null until the profile is completed for the first time. */
  completedAt: Date | null;
}

export interface ChangeRefusal {
  field: AudienceField;
  nextChangeAt: Date;
}

export type AudienceChangePlan =
  { kind: "first-completion" } | { kind: "changes"; changed: AudienceField[] } | { kind: "refused"; refusals: ChangeRefusal[] };

const DAY_MS = 86_400_000;

/**
 * When this answer may change next, or null if it may change now. Before the first completion,
 * with a window of 0 days, or while an answer has never changed, there is nothing to wait for.
 */
export function nextChangeAt(stored: StoredAudience, field: AudienceField, windowDays: number, now: Date): Date | null {
  const last = stored.changedAt[field];
  if (!stored.completedAt || windowDays <= 0 || !last) return null;
  const next = new Date(last.getTime() + windowDays * DAY_MS);
  return next.getTime() > now.getTime() ? next : null;
}

/**
 * Decides a profile save. Answers sent unchanged are not changes (re-saving the form is always
 * fine); each changed answer is checked on its own, and one refused answer refuses the whole save
 * so that the contributor never ends up with a half-applied profile.
 */
export function planAudienceChange(stored: StoredAudience, next: AudienceAnswers, windowDays: number, now: Date): AudienceChangePlan {
  if (!stored.completedAt) return { kind: "first-completion" };
  const changed = AUDIENCE_FIELDS.filter((f) => (stored.answers[f] ?? null) !== (next[f] ?? null));
  const refusals: ChangeRefusal[] = [];
  for (const field of changed) {
    const at = nextChangeAt(stored, field, windowDays, now);
    if (at) refusals.push({ field, nextChangeAt: at });
  }
  return refusals.length > 0 ? { kind: "refused", refusals } : { kind: "changes", changed };
}

const LABEL: Record<AudienceField, string> = {
  country: "Your country",
  ageBand: "Your age band",
  education: "Your education",
  language: "Your main language",
};

/** "Your country can change again on 2026-01-05 (once every 30 days)." */
export function refusalMessage(refusal: ChangeRefusal, windowDays: number): string {
  return `${LABEL[refusal.field]} can change again on ${refusal.nextChangeAt.toISOString().slice(0, 10)} (each answer can change once every ${windowDays} days).`;
}
