import { describe, expect, it } from "vitest";
import {
  AGE_BAND_CODES,
  AGE_BANDS,
  COUNTRIES,
  COUNTRY_CODES,
  EDUCATION_CODES,
  EDUCATION_LEVELS,
  LANGUAGE_CODES,
  LANGUAGES,
  PREFER_NOT_TO_SAY,
  REGION_CODES,
  REGIONS,
  ageBandLabel,
  countriesInRegion,
  countryName,
  educationLabel,
  isAgeBand,
  isCountryCode,
  isEducation,
  isLanguageCode,
  isRegionCode,
  languageName,
  normalizeCountry,
  normalizeLanguage,
  regionName,
  regionOfCountry,
} from "./slices";

function isSortedByName(list: readonly { name: string }[]): boolean {
  return list.every((item, i) => i === 0 || list[i - 1]!.name.localeCompare(item.name, "en") <= 0);
}

describe("countries", () => {
  it("has exactly the 249 ISO 3166-1 alpha-2 codes, unique and upper-case", () => {
    expect(COUNTRIES).toHaveLength(249);
    const codes = COUNTRIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(249);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(COUNTRY_CODES).toEqual(codes);
  });

  it("includes territories and excludes non-ISO codes", () => {
    for (const code of ["AQ", "BV", "HM", "TF", "UM", "IO", "GS", "AX", "EH", "PS", "TW", "SX"]) {
      expect(isCountryCode(code), code).toBe(true);
    }
    for (const code of ["XK", "UK", "EU", "XX", "AN", "YU"]) {
      expect(isCountryCode(code), code).toBe(false);
    }
  });

  it("has non-empty names and is sorted by name", () => {
    for (const c of COUNTRIES) expect(c.name.trim()).not.toBe("");
    expect(isSortedByName(COUNTRIES)).toBe(true);
  });

  it("gives every country except Antarctica a region", () => {
    const withoutRegion = COUNTRIES.filter((c) => c.region === null).map((c) => c.code);
    expect(withoutRegion).toEqual(["AQ"]);
    for (const c of COUNTRIES) {
      if (c.region !== null) expect(isRegionCode(c.region)).toBe(true);
    }
  });

  it("follows UN M49 region assignments", () => {
    const expected: Record<string, string> = {
      BR: "americas",
      DE: "europe",
      CY: "asia",
      TR: "asia",
      RU: "europe",
      EG: "africa",
      AU: "oceania",
      GL: "americas",
      JP: "asia",
      ZA: "africa",
      MX: "americas",
      US: "americas",
      GB: "europe",
      IN: "asia",
      BV: "americas",
      GS: "americas",
      HM: "oceania",
      UM: "oceania",
      TF: "africa",
      IO: "africa",
      KZ: "asia",
      GE: "asia",
    };
    for (const [code, region] of Object.entries(expected)) {
      expect(regionOfCountry(code), code).toBe(region);
    }
    expect(regionOfCountry("AQ")).toBeNull();
    expect(regionOfCountry("XX")).toBeNull();
  });

  it("lists countries per region", () => {
    const oceania = countriesInRegion("oceania");
    expect(oceania).toContain("AU");
    expect(oceania).toContain("NZ");
    expect(oceania).not.toContain("JP");
    expect(countriesInRegion("europe")).toContain("FR");
    const all = REGION_CODES.flatMap((r) => countriesInRegion(r));
    expect(all).toHaveLength(248);
    expect(new Set(all).size).toBe(248);
    expect(all).not.toContain("AQ");
  });

  it("returns a fresh array from countriesInRegion", () => {
    const a = countriesInRegion("asia");
    a.push("ZZ");
    expect(countriesInRegion("asia")).not.toContain("ZZ");
  });

  it("normalizes country input", () => {
    expect(normalizeCountry(" br ")).toBe("BR");
    expect(normalizeCountry("de")).toBe("DE");
    expect(normalizeCountry("XX")).toBeNull();
    expect(normalizeCountry("")).toBeNull();
    expect(normalizeCountry(PREFER_NOT_TO_SAY)).toBeNull();
    expect(normalizeCountry(null)).toBeNull();
    expect(normalizeCountry(42)).toBeNull();
  });

  it("is case-sensitive in the guard", () => {
    expect(isCountryCode("BR")).toBe(true);
    expect(isCountryCode("br")).toBe(false);
    expect(isCountryCode(undefined)).toBe(false);
  });

  it("names countries, falling back to the code", () => {
    expect(countryName("BR")).toBe("Brazil");
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("QQ")).toBe("QQ");
  });
});

describe("regions", () => {
  it("has the five M49 regions", () => {
    expect(REGIONS.map((r) => r.code)).toEqual([...REGION_CODES]);
    expect(REGIONS.map((r) => r.name)).toEqual(["Africa", "Americas", "Asia", "Europe", "Oceania"]);
    for (const r of REGION_CODES) expect(isRegionCode(r)).toBe(true);
    expect(isRegionCode("Europe")).toBe(false);
    expect(isRegionCode("antarctica")).toBe(false);
    expect(regionName("asia")).toBe("Asia");
    expect(regionName("mars")).toBe("mars");
  });
});

describe("languages", () => {
  it("has at least 183 unique lower-case ISO 639-1 codes", () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(183);
    const codes = LANGUAGES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]{2}$/);
    expect(LANGUAGE_CODES).toEqual(codes);
  });

  it("includes the major languages", () => {
    for (const code of ["en", "pt", "es", "fr", "de", "hi", "zh", "ar", "ru", "ja", "bn", "sw"]) {
      expect(isLanguageCode(code), code).toBe(true);
    }
    expect(languageName("en")).toBe("English");
    expect(languageName("pt")).toBe("Portuguese");
    expect(languageName("zh")).toBe("Chinese");
    expect(languageName("ar")).toBe("Arabic");
    expect(languageName("hi")).toBe("Hindi");
    expect(languageName("xx")).toBe("xx");
  });

  it("has non-empty, unique names and is sorted by name", () => {
    for (const l of LANGUAGES) expect(l.name.trim()).not.toBe("");
    expect(new Set(LANGUAGES.map((l) => l.name)).size).toBe(LANGUAGES.length);
    expect(isSortedByName(LANGUAGES)).toBe(true);
  });

  it("is case-sensitive in the guard", () => {
    expect(isLanguageCode("en")).toBe(true);
    expect(isLanguageCode("EN")).toBe(false);
    expect(isLanguageCode("eng")).toBe(false);
  });

  it("normalizes language input and locales", () => {
    expect(normalizeLanguage("pt-BR")).toBe("pt");
    expect(normalizeLanguage("pt_BR")).toBe("pt");
    expect(normalizeLanguage(" EN ")).toBe("en");
    expect(normalizeLanguage("zh-Hant-TW")).toBe("zh");
    expect(normalizeLanguage("xx-YY")).toBeNull();
    expect(normalizeLanguage("eng")).toBeNull();
    expect(normalizeLanguage("")).toBeNull();
    expect(normalizeLanguage("-pt")).toBeNull();
    expect(normalizeLanguage(PREFER_NOT_TO_SAY)).toBeNull();
    expect(normalizeLanguage(undefined)).toBeNull();
  });
});

describe("age bands", () => {
  it("has the six bands in order with labels", () => {
    expect([...AGE_BAND_CODES]).toEqual(["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]);
    expect(AGE_BANDS.map((a) => a.code)).toEqual([...AGE_BAND_CODES]);
    expect(ageBandLabel("65+")).toBe("65 and over");
    expect(ageBandLabel("18-24")).toBe("18-24");
    expect(ageBandLabel("0-17")).toBe("0-17");
  });

  it("round-trips every code through its guard", () => {
    for (const code of AGE_BAND_CODES) expect(isAgeBand(code), code).toBe(true);
    for (const a of AGE_BANDS) expect(isAgeBand(a.code)).toBe(true);
    for (const bad of ["65", "0-17", "18-25", PREFER_NOT_TO_SAY, "", null, 18]) {
      expect(isAgeBand(bad)).toBe(false);
    }
  });
});

describe("education", () => {
  it("has the six levels in order with labels", () => {
    expect([...EDUCATION_CODES]).toEqual(["primary", "secondary", "vocational", "bachelor", "master", "doctorate"]);
    expect(EDUCATION_LEVELS.map((e) => e.code)).toEqual([...EDUCATION_CODES]);
    expect(EDUCATION_LEVELS.map((e) => e.label)).toEqual([
      "Primary school",
      "Secondary school",
      "Vocational training",
      "Bachelor's degree",
      "Master's degree",
      "Doctorate",
    ]);
    expect(educationLabel("phd")).toBe("phd");
  });

  it("round-trips every code through its guard", () => {
    for (const code of EDUCATION_CODES) expect(isEducation(code), code).toBe(true);
    for (const e of EDUCATION_LEVELS) expect(isEducation(e.code)).toBe(true);
    for (const bad of ["Primary", "phd", PREFER_NOT_TO_SAY, "", null]) {
      expect(isEducation(bad)).toBe(false);
    }
  });
});

describe("prefer not to say", () => {
  it("is the sentinel 'undisclosed' and not a valid value of any attribute", () => {
    expect(PREFER_NOT_TO_SAY).toBe("undisclosed");
    expect(isCountryCode(PREFER_NOT_TO_SAY)).toBe(false);
    expect(isLanguageCode(PREFER_NOT_TO_SAY)).toBe(false);
    expect(isRegionCode(PREFER_NOT_TO_SAY)).toBe(false);
  });
});
