import type { LeaderboardFilters } from "@/lib/filters";
import { AGE_CODE, COUNTRY_CODE, EDUCATION_CODE, LANGUAGE_CODE, NONE, REGION_CODE, REGION_OF_COUNTRY, encode } from "./codes";

/** Which code values a slice accepts, per attribute, and its half-open time range. */
export interface CompiledFilter {
  country: Uint8Array;
  age: Uint8Array;
  education: Uint8Array;
  language: Uint8Array;
  from: number;
  to: number;
}

/** An accept-everything filter, including "prefer not to say" values. */
export function acceptAll(): CompiledFilter {
  const all = () => new Uint8Array(256).fill(1);
  return { country: all(), age: all(), education: all(), language: all(), from: 0, to: 2 ** 32 };
}

/** A filter accepting only the listed codes of one attribute (never NONE). */
export function only(codes: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(256);
  for (const c of codes) if (c !== NONE) mask[c] = 1;
  return mask;
}

const DAY = 86_400;

function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

/** Turns URL-level filters into per-attribute code masks and a time range. */
export function compileFilter(filters: LeaderboardFilters): CompiledFilter {
  const f = acceptAll();
  if (filters.country?.length || filters.region?.length) {
    const countries = filters.country?.length ? new Set(filters.country.map((c) => encode(COUNTRY_CODE, c))) : null;
    const regions = filters.region?.length ? new Set(filters.region.map((r) => encode(REGION_CODE, r))) : null;
    f.country = new Uint8Array(256);
    for (let c = 0; c < REGION_OF_COUNTRY.length; c++) {
      if ((!countries || countries.has(c)) && (!regions || regions.has(REGION_OF_COUNTRY[c]))) f.country[c] = 1;
    }
  }
  if (filters.age?.length) f.age = only(filters.age.map((a) => encode(AGE_CODE, a)));
  if (filters.education?.length) f.education = only(filters.education.map((e) => encode(EDUCATION_CODE, e)));
  if (filters.language?.length) f.language = only(filters.language.map((l) => encode(LANGUAGE_CODE, l)));
  if (filters.from) f.from = dayStart(filters.from);
  if (filters.to) f.to = dayStart(filters.to) + DAY;
  return f;
}
