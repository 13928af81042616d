import type { LeaderboardFilters } from "@/lib/filters";
import { AGE_CODE, COUNTRY_CODE, EDUCATION_CODE, LANGUAGE_CODE, REGION_CODE, REGION_OF_COUNTRY, encode } from "./codes";
import { acceptAll, only, type CompiledFilter } from "./vote-columns";

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
