import { AGE_BAND_CODES, COUNTRIES, EDUCATION_CODES, LANGUAGES, REGION_CODES, regionOfCountry } from "@/lib/slices";

/**
 * Small-integer codes of the demographic values, for the columnar vote index. NONE stands for
 * "prefer not to say" (null); it never matches a filter on that attribute.
 */
export const NONE = 255;

function codeMap(values: readonly string[]): Map<string, number> {
  return new Map(values.map((v, i) => [v, i]));
}

export const COUNTRY_CODE = codeMap(COUNTRIES.map((c) => c.code));
export const AGE_CODE = codeMap(AGE_BAND_CODES);
export const EDUCATION_CODE = codeMap(EDUCATION_CODES);
export const LANGUAGE_CODE = codeMap(LANGUAGES.map((l) => l.code));
export const REGION_CODE = codeMap(REGION_CODES);

/** Region code of each country code (NONE for countries outside the five regions). */
export const REGION_OF_COUNTRY: Uint8Array = Uint8Array.from(
  COUNTRIES.map((c) => {
    const region = regionOfCountry(c.code);
    return region === null ? NONE : REGION_CODE.get(region)!;
  }),
);

/** Code of a value, NONE for null or unknown. */
export function encode(map: Map<string, number>, value: string | null | undefined): number {
  return value == null ? NONE : (map.get(value) ?? NONE);
}

export const OUTCOME_CODE = { A: 0, B: 1, TIE: 2, BOTH_BAD: 3 } as const;
export const OUTCOME_NAMES = ["A", "B", "TIE", "BOTH_BAD"] as const;
export const SOURCE_CODE = { ARENA: 0, IMPORT: 1, DEMO: 2 } as const;

/** The value behind each code, per attribute. */
export const CODE_VALUES = {
  country: COUNTRIES.map((c) => c.code),
  region: [...REGION_CODES],
  age: [...AGE_BAND_CODES],
  education: [...EDUCATION_CODES],
  language: LANGUAGES.map((l) => l.code),
} as const;
