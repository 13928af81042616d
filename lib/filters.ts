import { isCalendarDay, isoDayProblem } from "@/lib/calendar-day";
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
  type AgeBand,
  type Education,
  type RegionCode,
} from "@/lib/slices";

/**
 * A leaderboard slice. Every attribute is optional and may hold several values: a vote matches when,
 * for each given attribute, its value is one of the given ones (OR within an attribute, AND across
 * attributes). `from` and `to` are inclusive UTC dates (YYYY-MM-DD) of the vote.
 */
export interface LeaderboardFilters {
  country?: string[];
  region?: RegionCode[];
  age?: AgeBand[];
  education?: Education[];
  language?: string[];
  from?: string;
  to?: string;
}

export const LIST_KEYS = ["region", "country", "age", "education", "language"] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export const FILTER_KEYS = [...LIST_KEYS, "from", "to"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** One of a fixed list of codes. */
function oneOf(codes: readonly string[]): (value: string) => boolean {
  return (value) => codes.includes(value);
}

/**
 * Each filter's rule for a value, and what a refused value is told. Plain checks rather than zod: this module runs in
 * the browser too (the leaderboard's filter bar), and zod would add about 30 KB to the page for five lookups.
 */
const VALUE_CHECKS: Record<ListKey, { isValid: (value: string) => boolean; message: string }> = {
  country: { isValid: isCountryCode, message: "Unknown country code (use ISO 3166-1 alpha-2, e.g. BR)." },
  region: { isValid: oneOf(REGION_CODES), message: `Unknown region (use one of ${REGION_CODES.join(", ")}).` },
  age: { isValid: oneOf(AGE_BAND_CODES), message: `Unknown age band (use one of ${AGE_BAND_CODES.join(", ")}).` },
  education: { isValid: oneOf(EDUCATION_CODES), message: `Unknown education level (use one of ${EDUCATION_CODES.join(", ")}).` },
  language: { isValid: isLanguageCode, message: "Unknown language code (use ISO 639-1, e.g. pt)." },
};

export interface FilterProblem {
  key: FilterKey;
  value: string;
  message: string;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** All values given for a key: repeated parameters and comma-separated lists both work. */
function rawValues(params: RawParams, key: string): string[] {
  const values = params instanceof URLSearchParams ? params.getAll(key) : [params[key]].flat();
  return values
    .flatMap((v) => (v ?? "").split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** More values than any real slice needs (there are about 250 countries); a longer list is refused whole. */
export const MAX_FILTER_VALUES = 300;
const MAX_ECHO_CHARS = 40;

/** A value as echoed back in a notice or an error: at most MAX_ECHO_CHARS characters. */
function clip(value: string): string {
  return value.length > MAX_ECHO_CHARS ? `${value.slice(0, MAX_ECHO_CHARS)}…` : value;
}

/** The first three values, e.g. "AA,AB,AC,…". */
function examples(values: string[]): string {
  return values.slice(0, 3).map(clip).join(",") + (values.length > 3 ? ",…" : "");
}

function normalise(key: ListKey, value: string): string {
  return key === "country" ? value.toUpperCase() : value.toLowerCase();
}

/**
 * Parses filters from a URL's query. Never throws: each invalid value is dropped and reported in
 * `problems`, so a page can show a notice and an API can answer 400. Values are case-normalised,
 * de-duplicated and sorted, so equal slices have equal filters (and equal cache keys).
 */
export function parseLeaderboardFilters(params: RawParams): { filters: LeaderboardFilters; problems: FilterProblem[] } {
  const filters: LeaderboardFilters = {};
  const problems: FilterProblem[] = [];
  for (const key of LIST_KEYS) {
    const values = rawValues(params, key);
    if (values.length > MAX_FILTER_VALUES) {
      problems.push({
        key,
        value: examples(values),
        message: `At most ${MAX_FILTER_VALUES} values per filter; ${values.length} were given, so this filter was ignored.`,
      });
      continue;
    }
    const accepted = new Set<string>();
    const rejected: { raw: string; message: string }[] = [];
    for (const raw of values) {
      const value = normalise(key, raw);
      if (VALUE_CHECKS[key].isValid(value)) accepted.add(value);
      else rejected.push({ raw, message: VALUE_CHECKS[key].message });
    }
    if (rejected.length === 1) problems.push({ key, value: clip(rejected[0]!.raw), message: rejected[0]!.message });
    else if (rejected.length > 1) {
      // One summary per filter, so that a long list of bad values does not come back as a long answer.
      problems.push({
        key,
        value: examples(rejected.map((r) => r.raw)),
        message: `${rejected.length} values were ignored. ${rejected[0]!.message}`,
      });
    }
    if (accepted.size) (filters as Record<string, string[]>)[key] = [...accepted].sort();
  }
  for (const key of ["from", "to"] as const) {
    const [raw] = rawValues(params, key);
    if (!raw) continue;
    const problem = isoDayProblem(raw);
    if (problem === null) filters[key] = raw;
    else problems.push({ key, value: clip(raw), message: problem });
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push({ key: "to", value: filters.to, message: "The end date is before the start date." });
    delete filters.to;
  }
  return { filters, problems };
}

/** The query string of a filter set, keys in a fixed order, lists comma-separated ("" when empty). */
export function serializeLeaderboardFilters(filters: LeaderboardFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (Array.isArray(value) ? value.length : value) params.set(key, Array.isArray(value) ? value.join(",") : value!);
  }
  return params.toString().replace(/%2C/g, ",");
}

/** True when no attribute or date is filtered. */
export function isAllVoters(filters: LeaderboardFilters): boolean {
  return FILTER_KEYS.every((k) => {
    const v = filters[k];
    return Array.isArray(v) ? v.length === 0 : !v;
  });
}

const LABELLERS: Record<ListKey, (code: string) => string> = {
  region: regionName,
  country: countryName,
  age: ageBandLabel,
  education: educationLabel,
  language: languageName,
};

/** Human description of a slice, e.g. "Brazil or Portugal · 25-34 · Portuguese" ("All voters" when empty). */
export function describeSlice(filters: LeaderboardFilters): string {
  const parts: string[] = [];
  for (const key of LIST_KEYS) {
    const values = filters[key];
    if (values?.length) parts.push(values.map(LABELLERS[key]).join(" or "));
  }
  if (filters.from || filters.to) parts.push(`${filters.from ?? "start"} to ${filters.to ?? "today"}`);
  return parts.length ? parts.join(" · ") : "All voters";
}

/** The first year a date filter accepts: a year typed one key at a time passes through 0002, 0020 and 0202 first. */
export const EARLIEST_FILTER_YEAR = 2000;

/**
 * True when a date typed into a filter is complete and may be applied: YYYY-MM-DD, a real calendar day, and a
 * year from EARLIEST_FILTER_YEAR on (so "0002-01-15", what a date field holds after the first key of the year,
 * is never applied). The empty string is not a date: clearing a field is a separate choice.
 */
export function isCompleteFilterDate(value: string): boolean {
  return isCalendarDay(value) && Number(value.slice(0, 4)) >= EARLIEST_FILTER_YEAR;
}

/**
 * The query string of the leaderboard for a new filter set: its filter parameters in canonical form first, then
 * every other parameter of `current` unchanged (the view: deprecated=show, style=control, …).
 */
export function searchWithFilters(current: string | URLSearchParams, filters: LeaderboardFilters): string {
  const others = [...new URLSearchParams(current).entries()].filter(([k]) => !(FILTER_KEYS as readonly string[]).includes(k));
  const own = serializeLeaderboardFilters(filters);
  const rest = new URLSearchParams(others).toString().replace(/%2C/g, ",");
  return [own, rest].filter(Boolean).join("&");
}
