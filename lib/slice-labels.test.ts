import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { createSliceLabels, describeSliceIn, sliceOptions, type SliceTranslate } from "./slice-labels";
import { COUNTRY_CODES } from "./slices";

/** A translator over messages/<locale>/slices.json, formatted like next-intl does. */
function slicesT(locale: string): SliceTranslate {
  const messages = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "messages", locale, "slices.json"), "utf8"));
  return (key, values) => {
    const text = key.split(".").reduce((node, part) => node?.[part], messages) as unknown;
    if (typeof text !== "string") throw new Error(`missing slices.${key} in ${locale}`);
    return String(new IntlMessageFormat(text, locale).format(values));
  };
}

const labelsIn = (locale: string) => createSliceLabels(locale, slicesT(locale));

describe("createSliceLabels", () => {
  it.each([
    { locale: "en", key: "country", code: "KR", expected: "South Korea" },
    { locale: "en", key: "language", code: "pt", expected: "Portuguese" },
    { locale: "en", key: "age", code: "65+", expected: "65 and over" },
    { locale: "en", key: "region", code: "americas", expected: "Americas" },
    { locale: "fr", key: "country", code: "BR", expected: "Brésil" },
    { locale: "de", key: "language", code: "en", expected: "Englisch" },
    { locale: "es", key: "education", code: "doctorate", expected: "Doctorado" },
    { locale: "ar", key: "language", code: "pt", expected: "البرتغالية" },
    { locale: "zh", key: "region", code: "europe", expected: "欧洲" },
    { locale: "pt", key: "country", code: "ZZ", expected: "ZZ" },
  ] as const)("$locale $key $code -> $expected", ({ locale, key, code, expected }) => {
    expect(labelsIn(locale)[key](code)).toBe(expected);
  });

  it("names every country in every language (no code shown as a name)", () => {
    for (const locale of ["es", "pt", "fr", "de", "hi", "zh", "ar"]) {
      const labels = labelsIn(locale);
      expect(
        COUNTRY_CODES.filter((code) => labels.country(code) === code),
        locale,
      ).toEqual([]);
    }
  });
});

describe("sliceOptions", () => {
  it("sorts names alphabetically in the interface language and keeps age bands in order", () => {
    const options = sliceOptions(labelsIn("de"), "de");
    const names = options.country.map((o) => o.label);
    expect(names).toEqual([...names].sort(new Intl.Collator("de").compare));
    expect(options.age.map((o) => o.value)).toEqual(["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]);
  });
});

describe("describeSliceIn", () => {
  it.each([
    { locale: "en", filters: {}, expected: "All voters" },
    { locale: "en", filters: { country: ["BR", "PT"], age: ["25-34" as const] }, expected: "Brazil or Portugal · 25-34" },
    { locale: "es", filters: { country: ["BR", "PT"] }, expected: "Brasil o Portugal" },
    { locale: "fr", filters: { language: ["en"], from: "2026-01-01" }, expected: "anglais · du 2026-01-01 à aujourd’hui" },
    { locale: "de", filters: { region: ["europe" as const], to: "2026-02-01" }, expected: "Europa · Beginn bis 2026-02-01" },
  ])("$locale $filters -> $expected", ({ locale, filters, expected }) => {
    expect(describeSliceIn(filters, labelsIn(locale), locale, slicesT(locale))).toBe(expected);
  });
});
