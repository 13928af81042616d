import "server-only";
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_LOCALE, type Locale } from "./locales";

export type Messages = Record<string, Record<string, unknown>>;

const MESSAGES_DIR = path.join(process.cwd(), "messages");
const cache = new Map<Locale, Messages>();

function readLocale(locale: Locale): Messages {
  const dir = path.join(MESSAGES_DIR, locale);
  const messages: Messages = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    messages[file.slice(0, -".json".length)] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  }
  return messages;
}

/** `over` laid on top of `base`, recursively (a key missing in `over` keeps the base value). */
function overlay(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = base[key];
    out[key] =
      value && typeof value === "object" && under && typeof under === "object"
        ? overlay(under as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

/**
 * All messages of a locale: each file messages/<locale>/<namespace>.json becomes the namespace of
 * that name, laid over English so that a message not yet translated shows in English rather than
 * as its key (tests/i18n.test.ts keeps every locale complete). Read once per process: the files
 * ship with the app and do not change.
 */
export function loadMessages(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const own = readLocale(locale);
  const messages = locale === DEFAULT_LOCALE ? own : (overlay(readLocale(DEFAULT_LOCALE), own) as Messages);
  cache.set(locale, messages);
  return messages;
}
