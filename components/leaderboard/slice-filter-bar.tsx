"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { LIST_KEYS, serializeLeaderboardFilters, type LeaderboardFilters, type ListKey } from "@/lib/filters";
import { prefixedEntries, toQuery } from "./prefixed-filters";

export interface FilterOption {
  value: string;
  label: string;
}

/** Parameters a filter set owns; any other parameter of the URL (e.g. deprecated=show) is kept. */
const FILTER_KEYS = new Set<string>([...LIST_KEYS, "from", "to"]);

interface SliceFilterBarProps {
  value: LeaderboardFilters;
  options: Record<ListKey, FilterOption[]>;
  /**
   * Parameter prefix when a page holds several filter sets (the comparison's "a." and "b."): this bar then
   * writes only its own prefixed parameters and keeps every other parameter of the URL.
   */
  prefix?: string;
  /** Accessible name of the form; give each bar on a page its own. */
  label?: string;
}

/**
 * Slice filters. Each attribute takes several values (OR); attributes combine with AND. It only
 * writes the URL: the URL is the single source of truth and the server renders the result.
 */
export function SliceFilterBar({ value, options, prefix, label }: SliceFilterBarProps) {
  const t = useTranslations("leaderboard.filters");
  const router = useRouter();
  const pathname = usePathname();
  const go = (filters: LeaderboardFilters) => {
    // Read at click time: the other side's filters (and the sort, or the deprecated toggle) are whatever the URL holds now.
    const current = [...new URLSearchParams(window.location.search).entries()];
    let query: string;
    if (prefix) {
      query = toQuery([...current.filter(([k]) => !k.startsWith(prefix)), ...prefixedEntries(filters, prefix)]);
    } else {
      const others = current.filter(([k]) => !FILTER_KEYS.has(k));
      const own = serializeLeaderboardFilters(filters);
      query = [own, toQuery(others)].filter(Boolean).join("&");
    }
    router.push(query ? `${pathname}?${query}` : pathname);
  };
  const id = (key: string) => `filter-${prefix ?? ""}${key}`;
  const setList = (key: ListKey, values: string[]) => go({ ...value, [key]: values.length ? values : undefined });
  const labelOf = (key: ListKey, code: string) => options[key].find((o) => o.value === code)?.label ?? code;
  const isFiltered = LIST_KEYS.some((k) => value[k]?.length) || Boolean(value.from || value.to);

  return (
    <form className="space-y-2" aria-label={label ?? t("label")} onSubmit={(e) => e.preventDefault()}>
      <div className="flex flex-wrap items-end gap-3">
        {LIST_KEYS.map((key) => {
          const chosen = value[key] ?? [];
          return (
            <div key={key} className="text-xs font-medium text-slate-700">
              <label htmlFor={id(key)}>{t(key)}</label>
              <select
                id={id(key)}
                name={key}
                value=""
                onChange={(e) => e.target.value && setList(key, [...chosen, e.target.value])}
                className="mt-1 block w-40 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                <option value="">{chosen.length ? t("add") : t("all")}</option>
                {options[key].filter((o) => !chosen.includes(o.value)).map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="text-xs font-medium text-slate-700">
          <label htmlFor={id("from")}>{t("from")}</label>
          <input id={id("from")} type="date" value={value.from ?? ""} onChange={(e) => go({ ...value, from: e.target.value || undefined })} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm" />
        </div>
        <div className="text-xs font-medium text-slate-700">
          <label htmlFor={id("to")}>{t("to")}</label>
          <input id={id("to")} type="date" value={value.to ?? ""} onChange={(e) => go({ ...value, to: e.target.value || undefined })} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm" />
        </div>
        {isFiltered && (
          <button type="button" className="pb-1.5 text-sm text-slate-700 underline" onClick={() => go({})}>
            {t("clear")}
          </button>
        )}
      </div>
      <ul className="flex flex-wrap gap-2" aria-label={t("active")}>
        {LIST_KEYS.flatMap((key) =>
          (value[key] ?? []).map((code) => (
            <li key={`${key}-${code}`}>
              <button
                type="button"
                aria-label={t("remove", { attribute: t(key), value: labelOf(key, code) })}
                onClick={() => setList(key, (value[key] ?? []).filter((c) => c !== code))}
                className="rounded-full border border-slate-300 bg-white px-3 py-0.5 text-xs hover:bg-slate-100"
              >
                {t("chip", { attribute: t(key), value: labelOf(key, code) })}
              </button>
            </li>
          )),
        )}
      </ul>
    </form>
  );
}
