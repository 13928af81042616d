import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./locales";

export type Messages = Record<string, Record<string, unknown>>;

const MESSAGES_DIR = path.join(process.cwd(), "messages");
const cache = new Map<Locale, Messages>();

/**
 * All messages of a locale: each file messages/<locale>/<namespace>.json becomes the namespace
 * of that name. Read once per process (the files ship with the app and do not change).
 */
export function loadMessages(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = path.join(MESSAGES_DIR, locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    messages[file.slice(0, -".json".length)] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}
