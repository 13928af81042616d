import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { ModelStatus, Visibility } from "@/lib/generated/prisma/enums";
import { NO_PROVIDER, PROVIDER_KINDS } from "@/lib/providers/kinds";
import { DEFAULT_LOCALE, LOCALES, pickLocale, textDirection, type Locale } from "@/lib/i18n/locales";

/**
 * Every message namespace (messages/en/<ns>.json) must exist in every interface language with exactly
 * the same keys, and every message must be valid ICU with the same arguments and tags as English, so
 * no page falls back to a missing key or drops a number. Failures list every problem by file and key.
 */

const MESSAGES_DIR = path.join(import.meta.dirname, "..", "messages");
const OTHER_LOCALES = LOCALES.filter((l) => l !== DEFAULT_LOCALE);

type Tree = { [key: string]: string | Tree };

function readTree(locale: string, namespace: string): Tree | null {
  const file = path.join(MESSAGES_DIR, locale, `${namespace}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Tree) : null;
}

/** Nested messages as "a.b.c" -> text; a non-string leaf is reported as a problem. */
function flatten(tree: Tree, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object" && !Array.isArray(value)) flatten(value, name, out);
    else out.set(name, value);
  }
  return out;
}

const NAMESPACES = fs
  .readdirSync(path.join(MESSAGES_DIR, DEFAULT_LOCALE))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

// Element types of intl-messageformat's AST.
const ARGUMENT_TYPES = new Set([1, 2, 3, 4, 5, 6]); // argument, number, date, time, select, plural
const PLURAL = 6;
const SELECT = 5;
const TAG = 8;

interface AstElement {
  type: number;
  value?: string;
  options?: Record<string, { value: AstElement[] }>;
  children?: AstElement[];
  pluralType?: string;
}

interface Shape {
  args: Set<string>;
  tags: Set<string>;
  plurals: AstElement[];
}

/** The arguments, rich-text tags and plural elements a message uses (throws if it is not valid ICU). */
function shapeOf(message: string, locale: string): Shape {
  const shape: Shape = { args: new Set(), tags: new Set(), plurals: [] };
  const walk = (elements: AstElement[]) => {
    for (const element of elements) {
      if (ARGUMENT_TYPES.has(element.type)) shape.args.add(element.value!);
      if (element.type === TAG) {
        shape.tags.add(element.value!);
        walk(element.children ?? []);
      }
      if (element.type === PLURAL) shape.plurals.push(element);
      if (element.type === PLURAL || element.type === SELECT) for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as AstElement[]);
  return shape;
}

const sorted = (set: Set<string>) => [...set].sort().join(", ");

const POUND = 7;

/** True if the elements print the plural's number ("#"), directly or inside a tag. */
function hasPound(elements: AstElement[]): boolean {
  return elements.some((e) => e.type === POUND || (e.type === TAG && hasPound(e.children ?? [])));
}

/**
 * Counts 0..1000 whose grammatical form the plural would miss (falling back to "other"): for each n, the
 * message needs "=n" or the locale's category for n (Arabic needs zero, one, two, few, many and other).
 * A plural whose "other" never prints the number (e.g. "at least two…") only needs its exact cases.
 */
function missingPluralForms(plural: AstElement, locale: string): string[] {
  const options = plural.options ?? {};
  if (plural.pluralType === "ordinal" || !hasPound(options.other?.value ?? [])) return [];
  const rules = new Intl.PluralRules(locale);
  const missing = new Set<string>();
  for (let n = 0; n <= 1000; n++) {
    const category = rules.select(n);
    if (!(`=${n}` in options) && !(category in options)) missing.add(category);
  }
  return [...missing];
}

/** Every problem of one message compared with English. */
function messageProblems(where: string, text: unknown, english: Shape, locale: string): string[] {
  if (typeof text !== "string") return [`${where}: not a string`];
  const problems: string[] = [];
  let shape: Shape;
  try {
    shape = shapeOf(text, locale);
  } catch (error) {
    return [`${where}: not valid ICU (${(error as Error).message})`];
  }
  if (sorted(shape.args) !== sorted(english.args))
    problems.push(`${where}: arguments {${sorted(shape.args)}} differ from English {${sorted(english.args)}}`);
  if (sorted(shape.tags) !== sorted(english.tags))
    problems.push(`${where}: tags <${sorted(shape.tags)}> differ from English <${sorted(english.tags)}>`);
  for (const plural of shape.plurals) {
    const missing = missingPluralForms(plural, locale);
    if (missing.length) problems.push(`${where}: plural {${plural.value}} lacks the form(s) ${missing.join(", ")}`);
  }
  // An ASCII apostrophe before a syntax character starts ICU quoting and silently swallows text.
  if (/'[{}#<|]/.test(text)) problems.push(`${where}: an apostrophe before {, }, #, < or | quotes the rest; use ’ instead`);
  return problems;
}

describe("English messages", () => {
  it.each(NAMESPACES)("%s.json is valid ICU with keys next-intl can address", (namespace) => {
    const problems: string[] = [];
    for (const [key, text] of flatten(readTree(DEFAULT_LOCALE, namespace)!)) {
      if (typeof text !== "string") problems.push(`${key}: not a string`);
      else {
        try {
          shapeOf(text, DEFAULT_LOCALE);
        } catch (error) {
          problems.push(`${key}: not valid ICU (${(error as Error).message})`);
        }
      }
    }
    expect(problems, `messages/en/${namespace}.json`).toEqual([]);
  });
});

describe.each(OTHER_LOCALES)("messages/%s", (locale: Locale) => {
  it("has every namespace of messages/en with the same keys, arguments, tags and plural forms", () => {
    const problems: string[] = [];
    for (const namespace of NAMESPACES) {
      const file = `messages/${locale}/${namespace}.json`;
      const translated = readTree(locale, namespace);
      if (!translated) {
        problems.push(`${file}: missing file`);
        continue;
      }
      const english = flatten(readTree(DEFAULT_LOCALE, namespace)!);
      const messages = flatten(translated);
      for (const key of english.keys()) if (!messages.has(key)) problems.push(`${file}: missing key ${key}`);
      for (const key of messages.keys()) if (!english.has(key)) problems.push(`${file}: extra key ${key} (not in English)`);
      for (const [key, text] of messages) {
        const source = english.get(key);
        if (typeof source !== "string") continue;
        problems.push(...messageProblems(`${file} ${key}`, text, shapeOf(source, DEFAULT_LOCALE), locale));
      }
    }
    const dir = path.join(MESSAGES_DIR, locale);
    const extraFiles = (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter(
      (f) => f.endsWith(".json") && !NAMESPACES.includes(f.slice(0, -".json".length)),
    );
    problems.push(...extraFiles.map((f) => `messages/${locale}/${f}: not in messages/en`));
    expect(problems, `${problems.length} problem(s) in messages/${locale}`).toEqual([]);
  });
});

describe("roster values shown by the admin pages", () => {
  // The admin pages label a model's status, visibility and provider with t(`values.${value}`): every value the Model table can hold needs a label,
  // including the provider of models that only an imported battles file named.
  it("adminModels.values labels every status, visibility and provider, and the form every provider", () => {
    const english = flatten(readTree(DEFAULT_LOCALE, "adminModels")!);
    const values = [...Object.values(ModelStatus), ...Object.values(Visibility), ...PROVIDER_KINDS, NO_PROVIDER];
    const missing = values.filter((v) => typeof english.get(`values.${v}`) !== "string");
    const formMissing = [...PROVIDER_KINDS, NO_PROVIDER].filter((v) => typeof english.get(`form.providers.${v}`) !== "string");
    expect({ missing, formMissing }).toEqual({ missing: [], formMissing: [] });
  });
});

describe("pickLocale", () => {
  it.each([
    { cookie: "ar", header: "en-US,en;q=0.9", expected: "ar", why: "a saved choice wins over the browser" },
    { cookie: "xx", header: "fr-FR,fr;q=0.9", expected: "fr", why: "an unknown cookie is ignored" },
    { cookie: undefined, header: "pt-BR,pt;q=0.9,en;q=0.8", expected: "pt", why: "a regional tag matches its language" },
    { cookie: undefined, header: "de;q=0.5, es", expected: "es", why: "higher quality first, whatever the order" },
    { cookie: undefined, header: "ja, ko;q=0.9, hi;q=0.8", expected: "hi", why: "unsupported languages are skipped" },
    { cookie: undefined, header: "zh-Hans-CN", expected: "zh", why: "script and region subtags are ignored" },
    { cookie: undefined, header: "ar;q=0, fr;q=0.1", expected: "fr", why: "q=0 means not acceptable" },
    { cookie: undefined, header: "ES-es", expected: "es", why: "tags are case-insensitive" },
    { cookie: undefined, header: "*", expected: "en", why: "a wildcard falls back to English" },
    { cookie: undefined, header: "", expected: "en", why: "no header means English" },
    { cookie: undefined, header: null, expected: "en", why: "no header means English" },
  ])("$why: cookie=$cookie header=$header -> $expected", ({ cookie, header, expected }) => {
    expect(pickLocale(cookie, header)).toBe(expected);
  });

  it("marks only Arabic as right-to-left", () => {
    expect(LOCALES.filter((l) => textDirection(l) === "rtl")).toEqual(["ar"]);
  });
});
