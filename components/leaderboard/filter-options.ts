import type { ListKey } from "@/lib/filters";
import { AGE_BANDS, COUNTRIES, EDUCATION_LEVELS, LANGUAGES, REGIONS } from "@/lib/slices";
import type { FilterOption } from "./slice-filter-bar";

/** The choices of every filter bar, from the taxonomy. */
export const FILTER_OPTIONS: Record<ListKey, FilterOption[]> = {
  region: REGIONS.map((r) => ({ value: r.code, label: r.name })),
  country: COUNTRIES.map((c) => ({ value: c.code, label: c.name })),
  age: AGE_BANDS.map((a) => ({ value: a.code, label: a.label })),
  education: EDUCATION_LEVELS.map((e) => ({ value: e.code, label: e.label })),
  language: LANGUAGES.map((l) => ({ value: l.code, label: l.name })),
};
