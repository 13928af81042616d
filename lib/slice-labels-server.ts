import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { createSliceLabels, type SliceLabels, type SliceTranslate } from "@/lib/slice-labels";

/** The request's interface language, its slice labels and the "slices" translator (server components). */
export async function getSliceLabels(): Promise<{ locale: string; labels: SliceLabels; t: SliceTranslate }> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("slices")]);
  const translate: SliceTranslate = (key, values) => t(key, values);
  return { locale, labels: createSliceLabels(locale, translate), t: translate };
}
