import type { LeaderboardFilters, ListKey } from "@/lib/filters";
import {
  AGE_BAND_CODES,
  COUNTRY_CODES,
  EDUCATION_CODES,
  LANGUAGE_CODES,
  REGION_CODES,
  countryName,
  isAgeBand,
  isCountryCode,
  isEducation,
  isLanguageCode,
  isRegionCode,
  languageName,
} from "@/lib/slices";

/** Translates a key of the "slices" message namespace (next-intl's t for that namespace fits). */
export type SliceTranslate = (key: string, values?: Record<string, string>) => string;

/** Display names of slice values in one interface language; unknown codes come back unchanged. */
export type SliceLabels = Record<ListKey, (code: string) => string>;

export interface SliceOption {
  value: string;
  label: string;
}

const displayNames = new Map<string, { region: Intl.DisplayNames; language: Intl.DisplayNames }>();

/** Intl.DisplayNames of a locale (built once per locale): CLDR names of countries and languages. */
function namesIn(locale: string) {
  let names = displayNames.get(locale);
  if (!names) {
    names = {
      region: new Intl.DisplayNames([locale], { type: "region", fallback: "none" }),
      language: new Intl.DisplayNames([locale], { type: "language", fallback: "none" }),
    };
    displayNames.set(locale, names);
  }
  return names;
}

/** A CLDR name, or undefined when the runtime has none (or rejects the code). */
function cldrName(names: Intl.DisplayNames, code: string): string | undefined {
  try {
    return names.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Labels for slice values in `locale`. Countries and languages use the runtime's CLDR names
 * (Intl.DisplayNames), except in English, where the taxonomy's curated names stay ("South Korea",
 * "Bihari"); regions, age bands and education levels come from the "slices" messages.
 */
export function createSliceLabels(locale: string, t: SliceTranslate): SliceLabels {
  const isEnglish = locale.split("-")[0] === "en";
  const names = isEnglish ? null : namesIn(locale);
  return {
    region: (code) => (isRegionCode(code) ? t(`region.${code}`) : code),
    country: (code) => (names && isCountryCode(code) && cldrName(names.region, code)) || countryName(code),
    age: (code) => (isAgeBand(code) ? t(`age.${code}`) : code),
    education: (code) => (isEducation(code) ? t(`education.${code}`) : code),
    language: (code) => (names && isLanguageCode(code) && cldrName(names.language, code)) || languageName(code),
  };
}

const CODES: Record<ListKey, readonly string[]> = {
  region: REGION_CODES,
  country: COUNTRY_CODES,
  age: AGE_BAND_CODES,
  education: EDUCATION_CODES,
  language: LANGUAGE_CODES,
};

/** True for the lists read in their natural order (youngest first, least education first). */
const IS_ORDERED: Record<ListKey, boolean> = { region: false, country: false, age: true, education: true, language: false };

/** The choices of each slice attribute, labelled in `locale`; names sorted alphabetically in that language. */
export function sliceOptions(labels: SliceLabels, locale: string): Record<ListKey, SliceOption[]> {
  const collator = new Intl.Collator(locale);
  const entries = (Object.keys(CODES) as ListKey[]).map((key) => {
    const options = CODES[key].map((value) => ({ value, label: labels[key](value) }));
    if (!IS_ORDERED[key]) options.sort((a, b) => collator.compare(a.label, b.label));
    return [key, options] as const;
  });
  return Object.fromEntries(entries) as Record<ListKey, SliceOption[]>;
}

const LIST_ORDER: readonly ListKey[] = ["region", "country", "age", "education", "language"];

/**
 * A slice described in `locale`, e.g. "Brazil or Portugal · 25-34 · Portuguese" ("All voters" when
 * nothing is filtered): values of one attribute joined as alternatives (Intl.ListFormat), attributes by " · ".
 */
export function describeSliceIn(filters: LeaderboardFilters, labels: SliceLabels, locale: string, t: SliceTranslate): string {
  const or = new Intl.ListFormat(locale, { type: "disjunction" });
  const parts: string[] = [];
  for (const key of LIST_ORDER) {
    const values = filters[key];
    if (values?.length) parts.push(or.format(values.map(labels[key])));
  }
  const { from, to } = filters;
  if (from && to) parts.push(t("dateRange", { from, to }));
  else if (from) parts.push(t("dateFrom", { from }));
  else if (to) parts.push(t("dateTo", { to }));
  return parts.length ? parts.join(" · ") : t("allVoters");
}
