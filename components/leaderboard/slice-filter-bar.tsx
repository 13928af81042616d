"use client";

import { usePathname, useRouter } from "next/navigation";
import { FILTER_KEYS, serializeLeaderboardFilters, type FilterKey, type LeaderboardFilters } from "@/lib/filters";

interface Option {
  value: string;
  label: string;
}

const LABELS: Record<FilterKey, string> = { country: "Country", region: "Region", age: "Age", education: "Education", language: "Language" };
const ORDER: FilterKey[] = ["region", "country", "age", "education", "language"];

/** Slice filters; writes the URL only (the URL is the single source of truth). */
export function SliceFilterBar({ value, options }: { value: LeaderboardFilters; options: Record<FilterKey, Option[]> }) {
  const router = useRouter();
  const pathname = usePathname();

  function update(key: FilterKey, next: string) {
    const filters: LeaderboardFilters = { ...value, [key]: next || undefined };
    const query = serializeLeaderboardFilters(filters);
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  const isFiltered = FILTER_KEYS.some((k) => value[k]);
  return (
    <form className="flex flex-wrap items-end gap-3" aria-label="Filter by audience" onSubmit={(e) => e.preventDefault()}>
      {ORDER.map((key) => (
        <div key={key} className="text-xs font-medium text-slate-700">
          <label htmlFor={`filter-${key}`}>{LABELS[key]}</label>
          <select
            id={`filter-${key}`}
            name={key}
            value={value[key] ?? ""}
            onChange={(e) => update(key, e.target.value)}
            className="mt-1 block w-40 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            <option value="">All</option>
            {options[key].map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </div>
      ))}
      {isFiltered && (
        <button type="button" className="text-sm text-slate-700 underline" onClick={() => router.push(pathname)}>
          Clear filters
        </button>
      )}
    </form>
  );
}
