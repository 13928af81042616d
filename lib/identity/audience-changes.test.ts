import { describe, expect, it } from "vitest";
import { nextChangeAt, planAudienceChange, refusalMessage, type AudienceAnswers, type StoredAudience } from "./audience-changes";

const NOW = new Date("2026-03-01T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const ANSWERS: AudienceAnswers = { country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" };
const NEVER = { country: null, ageBand: null, education: null, language: null };

function stored(overrides: Partial<StoredAudience> = {}): StoredAudience {
  return { answers: ANSWERS, changedAt: NEVER, completedAt: daysAgo(100), ...overrides };
}

describe("planAudienceChange", () => {
  const cases: { name: string; stored: StoredAudience; next: AudienceAnswers; days: number; expected: unknown }[] = [
    {
      name: "first completion is free",
      stored: stored({ completedAt: null, answers: { country: null, ageBand: null, education: null, language: null } }),
      next: ANSWERS,
      days: 30,
      expected: { kind: "first-completion" },
    },
    {
      name: "re-sending the same answers changes nothing",
      stored: stored({ changedAt: { ...NEVER, country: daysAgo(1) } }),
      next: ANSWERS,
      days: 30,
      expected: { kind: "changes", changed: [] },
    },
    {
      name: "an answer never changed may change",
      stored: stored(),
      next: { ...ANSWERS, country: "DE" },
      days: 30,
      expected: { kind: "changes", changed: ["country"] },
    },
    {
      name: "prefer-not-to-say is an answer too",
      stored: stored(),
      next: { ...ANSWERS, ageBand: null },
      days: 30,
      expected: { kind: "changes", changed: ["ageBand"] },
    },
    {
      name: "a second change inside the window is refused with the date it becomes possible",
      stored: stored({ changedAt: { ...NEVER, country: daysAgo(10) } }),
      next: { ...ANSWERS, country: "FR" },
      days: 30,
      expected: { kind: "refused", refusals: [{ field: "country", nextChangeAt: new Date(daysAgo(10).getTime() + 30 * 86_400_000) }] },
    },
    {
      name: "after the window the answer may change again",
      stored: stored({ changedAt: { ...NEVER, country: daysAgo(31) } }),
      next: { ...ANSWERS, country: "FR" },
      days: 30,
      expected: { kind: "changes", changed: ["country"] },
    },
    {
      name: "each answer has its own window",
      stored: stored({ changedAt: { ...NEVER, country: daysAgo(1) } }),
      next: { ...ANSWERS, language: "en" },
      days: 30,
      expected: { kind: "changes", changed: ["language"] },
    },
    {
      name: "a window of 0 days allows any change",
      stored: stored({ changedAt: { ...NEVER, country: daysAgo(0) } }),
      next: { ...ANSWERS, country: "FR" },
      days: 0,
      expected: { kind: "changes", changed: ["country"] },
    },
    {
      name: "one refused answer refuses the whole save and names every refused answer",
      stored: stored({ changedAt: { ...NEVER, country: daysAgo(5), education: daysAgo(2) } }),
      next: { country: "FR", ageBand: "35-44", education: "master", language: "pt" },
      days: 30,
      expected: {
        kind: "refused",
        refusals: [
          { field: "country", nextChangeAt: new Date(daysAgo(5).getTime() + 30 * 86_400_000) },
          { field: "education", nextChangeAt: new Date(daysAgo(2).getTime() + 30 * 86_400_000) },
        ],
      },
    },
  ];
  it.each(cases)("$name", ({ stored: s, next, days, expected }) => {
    expect(planAudienceChange(s, next, days, NOW)).toEqual(expected);
  });
});

describe("nextChangeAt and the refusal text", () => {
  it("is null when the answer may change now, else the day the window ends", () => {
    expect(nextChangeAt(stored(), "country", 30, NOW)).toBeNull();
    expect(nextChangeAt(stored({ changedAt: { ...NEVER, country: daysAgo(29) } }), "country", 30, NOW)).toEqual(
      new Date("2026-03-02T12:00:00Z"),
    );
    expect(nextChangeAt(stored({ changedAt: { ...NEVER, country: daysAgo(30) } }), "country", 30, NOW)).toBeNull();
    expect(refusalMessage({ field: "ageBand", nextChangeAt: new Date("2026-03-02T12:00:00Z") }, 30)).toBe(
      "Your age band can change again on 2026-03-02 (each answer can change once every 30 days).",
    );
  });
});
