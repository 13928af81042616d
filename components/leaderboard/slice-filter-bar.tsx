"use client";

import { usePathname, useRouter } from "next/navigation";
import { LIST_KEYS, serializeLeaderboardFilters, type LeaderboardFilters, type ListKey } from "@/lib/filters";

export interface FilterOption {
  value: string;
  label: string;
}

const LABELS: Record<ListKey, string> = { region: "Region", country: "Country", age: "Age", education: "Education", language: "Language" };

/**
 * Slice filters. Each attribute takes several values (OR); attributes combine with AND. It only
 * writes the URL: the URL is the single source of truth and the server renders the result.
 */
export function SliceFilterBar({ value, options }: { value: LeaderboardFilters; options: Record<ListKey, FilterOption[]> }) {
  const router = useRouter();
  const pathname = usePathname();
  const go = (filters: LeaderboardFilters) => {
    const query = serializeLeaderboardFilters(filters);
    router.push(query ? `${pathname}?${query}` : pathname);
  };
  const setList = (key: ListKey, values: string[]) => go({ ...value, [key]: values.length ? values : undefined });
  const labelOf = (key: ListKey, code: string) => options[key].find((o) => o.value === code)?.label ?? code;
  const isFiltered = LIST_KEYS.some((k) => value[k]?.length) || Boolean(value.from || value.to);

  return (
    <form className="space-y-2" aria-label="Filter by audience" onSubmit={(e) => e.preventDefault()}>
      <div className="flex flex-wrap items-end gap-3">
        {LIST_KEYS.map((key) => {
          const chosen = value[key] ?? [];
          return (
            <div key={key} className="text-xs font-medium text-slate-700">
              <label htmlFor={`filter-${key}`}>{LABELS[key]}</label>
              <select
                id={`filter-${key}`}
                name={key}
                value=""
                onChange={(e) => e.target.value && setList(key, [...chosen, e.target.value])}
                className="mt-1 block w-40 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                <option value="">{chosen.length ? "Add…" : "All"}</option>
                {options[key].filter((o) => !chosen.includes(o.value)).map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="text-xs font-medium text-slate-700">
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" type="date" value={value.from ?? ""} onChange={(e) => go({ ...value, from: e.target.value || undefined })} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm" />
        </div>
        <div className="text-xs font-medium text-slate-700">
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" type="date" value={value.to ?? ""} onChange={(e) => go({ ...value, to: e.target.value || undefined })} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm" />
        </div>
        {isFiltered && (
          <button type="button" className="pb-1.5 text-sm text-slate-700 underline" onClick={() => router.push(pathname)}>
            Clear filters
          </button>
        )}
      </div>
      <ul className="flex flex-wrap gap-2" aria-label="Active filters">
        {LIST_KEYS.flatMap((key) =>
          (value[key] ?? []).map((code) => (
            <li key={`${key}-${code}`}>
              <button
                type="button"
                aria-label={`Remove ${LABELS[key].toLowerCase()} ${labelOf(key, code)}`}
                onClick={() => setList(key, (value[key] ?? []).filter((c) => c !== code))}
                className="rounded-full border border-slate-300 bg-white px-3 py-0.5 text-xs hover:bg-slate-100"
              >
                {LABELS[key]}: {labelOf(key, code)} ×
              </button>
            </li>
          )),
        )}
      </ul>
    </form>
  );
}
