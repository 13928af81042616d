/**
 * Demographic taxonomy for Showdown: countries (ISO 3166-1 alpha-2 with UN M49
 * regions), age bands, education levels and languages (ISO 639-1), plus small
 * lookup / validation helpers.
 *
 * Plain data (the long country and language tables are in lib/taxonomy/), safe to use from server and client code. Names and labels
 * here are English (API errors, exports, logs); the interface shows them in the reader's language
 * through lib/slice-labels.ts (CLDR names for countries and languages, messages for the rest).
 *
 * Sources: country list and ISO names from Debian iso-codes 4.15 (iso_3166-1),
 * with the friendlier common name where one exists (e.g. "Bolivia", "South Korea",
 * "Taiwan"); regions from the UN M49 standard. Languages from ISO 639-1 (via
 * iso_639-2 alpha_2 entries), shortened to their usual English name.
 */

import { COUNTRIES, type Country } from "@/lib/taxonomy/countries";
import { LANGUAGES, type Language } from "@/lib/taxonomy/languages";

export { COUNTRIES, LANGUAGES, type Country, type Language };

// ---------------------------------------------------------------------------
// "Prefer not to say"
// ---------------------------------------------------------------------------

/** Value a form or API sends for an attribute the person chose not to give; stored as null. */
export const PREFER_NOT_TO_SAY = "undisclosed" as const;

// ---------------------------------------------------------------------------
// Regions (UN M49 top level)
// ---------------------------------------------------------------------------

export const REGION_CODES = ["africa", "americas", "asia", "europe", "oceania"] as const;

export type RegionCode = (typeof REGION_CODES)[number];

export interface Region {
  readonly code: RegionCode;
  readonly name: string;
}

export const REGIONS: readonly Region[] = [
  { code: "africa", name: "Africa" },
  { code: "americas", name: "Americas" },
  { code: "asia", name: "Asia" },
  { code: "europe", name: "Europe" },
  { code: "oceania", name: "Oceania" },
];

// ---------------------------------------------------------------------------
// Age bands
// ---------------------------------------------------------------------------

export const AGE_BAND_CODES = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"] as const;

export type AgeBand = (typeof AGE_BAND_CODES)[number];

export const AGE_BANDS: readonly { readonly code: AgeBand; readonly label: string }[] = [
  { code: "18-24", label: "18-24" },
  { code: "25-34", label: "25-34" },
  { code: "35-44", label: "35-44" },
  { code: "45-54", label: "45-54" },
  { code: "55-64", label: "55-64" },
  { code: "65+", label: "65 and over" },
];

// ---------------------------------------------------------------------------
// Education (highest level completed)
// ---------------------------------------------------------------------------

export const EDUCATION_CODES = ["primary", "secondary", "vocational", "bachelor", "master", "doctorate"] as const;

export type Education = (typeof EDUCATION_CODES)[number];

export const EDUCATION_LEVELS: readonly { readonly code: Education; readonly label: string }[] = [
  { code: "primary", label: "Primary school" },
  { code: "secondary", label: "Secondary school" },
  { code: "vocational", label: "Vocational training" },
  { code: "bachelor", label: "Bachelor's degree" },
  { code: "master", label: "Master's degree" },
  { code: "doctorate", label: "Doctorate" },
];

// ---------------------------------------------------------------------------
// Lookup tables (built once)
// ---------------------------------------------------------------------------

const COUNTRY_BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));
const LANGUAGE_BY_CODE: ReadonlyMap<string, Language> = new Map(LANGUAGES.map((l) => [l.code, l]));
const REGION_BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.code, r]));
const AGE_BAND_LABELS: ReadonlyMap<string, string> = new Map(AGE_BANDS.map((a) => [a.code, a.label]));
const EDUCATION_LABELS: ReadonlyMap<string, string> = new Map(EDUCATION_LEVELS.map((e) => [e.code, e.label]));
const COUNTRIES_BY_REGION: ReadonlyMap<RegionCode, readonly string[]> = new Map(
  REGION_CODES.map((r) => [r, COUNTRIES.filter((c) => c.region === r).map((c) => c.code)]),
);

/** All country codes, in COUNTRIES order (by name). */
export const COUNTRY_CODES: readonly string[] = COUNTRIES.map((c) => c.code);

/** All language codes, in LANGUAGES order (by name). */
export const LANGUAGE_CODES: readonly string[] = LANGUAGES.map((l) => l.code);

// ---------------------------------------------------------------------------
// Type guards (case-sensitive: countries upper-case, everything else lower-case)
// ---------------------------------------------------------------------------

/** True if s is an ISO 3166-1 alpha-2 code in canonical upper-case form. */
export function isCountryCode(s: unknown): s is string {
  return typeof s === "string" && COUNTRY_BY_CODE.has(s);
}

/** True if s is one of REGION_CODES. */
export function isRegionCode(s: unknown): s is RegionCode {
  return typeof s === "string" && REGION_BY_CODE.has(s);
}

/** True if s is one of AGE_BAND_CODES. */
export function isAgeBand(s: unknown): s is AgeBand {
  return typeof s === "string" && AGE_BAND_LABELS.has(s);
}

/** True if s is one of EDUCATION_CODES. */
export function isEducation(s: unknown): s is Education {
  return typeof s === "string" && EDUCATION_LABELS.has(s);
}

/** True if s is an ISO 639-1 code in canonical lower-case form. */
export function isLanguageCode(s: unknown): s is string {
  return typeof s === "string" && LANGUAGE_BY_CODE.has(s);
}

// ---------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------

/** UN M49 region of a country code; null for unknown codes and for AQ (Antarctica). */
export function regionOfCountry(code: string): RegionCode | null {
  return COUNTRY_BY_CODE.get(code)?.region ?? null;
}

/** Country codes in a region, ordered by country name (a fresh array; empty for an unknown region). */
export function countriesInRegion(region: RegionCode): string[] {
  return [...(COUNTRIES_BY_REGION.get(region) ?? [])];
}

// ---------------------------------------------------------------------------
// Labels (fall back to the code itself when unknown)
// ---------------------------------------------------------------------------

/** English name of a country code, or the code itself if unknown. */
export function countryName(code: string): string {
  return COUNTRY_BY_CODE.get(code)?.name ?? code;
}

/** English name of a language code, or the code itself if unknown. */
export function languageName(code: string): string {
  return LANGUAGE_BY_CODE.get(code)?.name ?? code;
}

/** Display label of an age band, or the code itself if unknown. */
export function ageBandLabel(code: string): string {
  return AGE_BAND_LABELS.get(code) ?? code;
}

/** Display label of an education level, or the code itself if unknown. */
export function educationLabel(code: string): string {
  return EDUCATION_LABELS.get(code) ?? code;
}

/** Display name of a region, or the code itself if unknown. */
export function regionName(code: string): string {
  return REGION_BY_CODE.get(code)?.name ?? code;
}

// ---------------------------------------------------------------------------
// Normalisation of user / import input
// ---------------------------------------------------------------------------

/** Trim and upper-case input; returns the ISO 3166-1 alpha-2 code, or null if not a valid one. */
export function normalizeCountry(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const code = input.trim().toUpperCase();
  return COUNTRY_BY_CODE.has(code) ? code : null;
}

/** Trim and lower-case input, taking the primary subtag of a locale ("pt-BR", "pt_BR"); ISO 639-1 code or null. */
export function normalizeLanguage(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const primary = input.trim().toLowerCase().split(/[-_]/, 1)[0] ?? "";
  return LANGUAGE_BY_CODE.has(primary) ? primary : null;
}
