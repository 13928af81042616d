import { z } from "zod";
import {
  AGE_BAND_CODES,
  EDUCATION_CODES,
  REGION_CODES,
  ageBandLabel,
  countryName,
  educationLabel,
  isCountryCode,
  isLanguageCode,
  languageName,
  regionName,
} from "@/lib/slices";

/** A leaderboard slice: every attribute optional; a vote matches when it matches all given ones. */
export const leaderboardFiltersSchema = z.object({
  country: z.string().refine(isCountryCode, "Unknown country code (use ISO 3166-1 alpha-2, e.g. BR).").optional(),
  region: z.enum(REGION_CODES, { message: `Unknown region (use one of ${REGION_CODES.join(", ")}).` }).optional(),
  age: z.enum(AGE_BAND_CODES, { message: `Unknown age band (use one of ${AGE_BAND_CODES.join(", ")}).` }).optional(),
  education: z.enum(EDUCATION_CODES, { message: `Unknown education level (use one of ${EDUCATION_CODES.join(", ")}).` }).optional(),
  language: z.string().refine(isLanguageCode, "Unknown language code (use ISO 639-1, e.g. pt).").optional(),
});

export type LeaderboardFilters = z.infer<typeof leaderboardFiltersSchema>;
export const FILTER_KEYS = ["country", "region", "age", "education", "language"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface FilterProblem {
  key: FilterKey;
  value: string;
  message: string;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function rawValue(params: RawParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Parses filters from a URL's query. Never throws: each invalid value is dropped and reported in
 * `problems`, so a page can show a notice and an API can answer 400. Codes are case-normalised.
 */
export function parseLeaderboardFilters(params: RawParams): { filters: LeaderboardFilters; problems: FilterProblem[] } {
  const filters: LeaderboardFilters = {};
  const problems: FilterProblem[] = [];
  for (const key of FILTER_KEYS) {
    let value = rawValue(params, key);
    if (value === undefined) continue;
    if (key === "country") value = value.toUpperCase();
    if (key === "language" || key === "region" || key === "education") value = value.toLowerCase();
    const parsed = leaderboardFiltersSchema.shape[key].safeParse(value);
    if (parsed.success) Object.assign(filters, { [key]: parsed.data });
    else problems.push({ key, value, message: parsed.error.issues[0]?.message ?? "Invalid value." });
  }
  return { filters, problems };
}

/** The query string of a filter set, keys in a fixed order ("" when empty). */
export function serializeLeaderboardFilters(filters: LeaderboardFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** Human description of a slice, e.g. "Brazil · 25-34 · Portuguese" ("All voters" when empty). */
export function describeSlice(filters: LeaderboardFilters): string {
  const parts: string[] = [];
  if (filters.region) parts.push(regionName(filters.region));
  if (filters.country) parts.push(countryName(filters.country));
  if (filters.age) parts.push(ageBandLabel(filters.age));
  if (filters.education) parts.push(educationLabel(filters.education));
  if (filters.language) parts.push(languageName(filters.language));
  return parts.length ? parts.join(" · ") : "All voters";
}
