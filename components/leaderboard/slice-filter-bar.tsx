"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { LIST_KEYS, searchWithFilters, type LeaderboardFilters, type ListKey } from "@/lib/filters";
import { DateFilter } from "./date-filter";
import { FilterMenu } from "./filter-menu";
import { prefixedEntries, toQuery } from "./prefixed-filters";

export interface FilterOption {
  value: string;
  label: string;
}

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
  /**
   * Applies a chosen filter set. Without it the bar navigates (the server renders the result); the leaderboard
   * passes its own, which rewrites the URL in place and refetches the board.
   */
  onChange?: (filters: LeaderboardFilters) => void;
  /** The filter set the reader is about to choose (pointer or focus on an Apply or remove button). */
  onPreview?: (filters: LeaderboardFilters) => void;
}

/**
 * Slice filters. Each attribute takes several values (OR); attributes combine with AND. Nothing applies while
 * the reader browses a menu or types a date: only Apply, a complete committed date, a chip's remove button or
 * "Clear filters" do. The URL is the single source of truth.
 */
export function SliceFilterBar({ value, options, prefix, label, onChange, onPreview }: SliceFilterBarProps) {
  const t = useTranslations("leaderboard.filters");
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startTransition] = useTransition();
  const go =
    onChange ??
    ((filters: LeaderboardFilters) => {
      // Read at click time: the other side's filters (and the sort, or the deprecated toggle) are whatever the URL holds now.
      const current = new URLSearchParams(window.location.search);
      const query = prefix
        ? toQuery([...[...current.entries()].filter(([k]) => !k.startsWith(prefix)), ...prefixedEntries(filters, prefix)])
        : searchWithFilters(current, filters);
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    });
  const id = (key: string) => `filter-${prefix ?? ""}${key}`;
  const withList = (key: ListKey, values: string[]): LeaderboardFilters => ({ ...value, [key]: values.length ? values : undefined });
  const labelOf = (key: ListKey, code: string) => options[key].find((o) => o.value === code)?.label ?? code;
  const isFiltered = LIST_KEYS.some((k) => value[k]?.length) || Boolean(value.from || value.to);
  const preview = (filters: LeaderboardFilters) => () => onPreview?.(filters);
  // On phones the menus and dates fold behind one "Filters" button, so the board starts on the first screen; the
  // chips below still show what is chosen. From the sm breakpoint up they are always shown.
  const [unfolded, setUnfolded] = useState(false);
  const controlsId = useId();
  const chosenCount = LIST_KEYS.reduce((n, k) => n + (value[k]?.length ?? 0), 0) + (value.from ? 1 : 0) + (value.to ? 1 : 0);

  return (
    <form
      className="relative space-y-2"
      aria-label={label ?? t("label")}
      aria-busy={navigating || undefined}
      onSubmit={(e) => e.preventDefault()}
    >
      <button
        type="button"
        aria-expanded={unfolded}
        aria-controls={controlsId}
        onClick={() => setUnfolded(!unfolded)}
        className="flex items-center gap-1 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 sm:hidden"
        data-testid="filters-toggle"
      >
        {t("toggle")}
        {chosenCount > 0 && <span className="font-normal text-slate-600">· {t("count", { count: chosenCount })}</span>}
        <span aria-hidden="true">{unfolded ? "▴" : "▾"}</span>
      </button>
      <div id={controlsId} className={`flex-wrap items-end gap-2 sm:flex ${unfolded ? "flex" : "hidden"}`}>
        {LIST_KEYS.map((key) => (
          <FilterMenu
            key={key}
            label={t(key)}
            options={options[key]}
            chosen={value[key] ?? []}
            onApply={(values) => go(withList(key, values))}
            onPreview={(values) => onPreview?.(withList(key, values))}
          />
        ))}
        <DateFilter id={id("from")} label={t("from")} value={value.from} onApply={(from) => go({ ...value, from })} />
        <DateFilter id={id("to")} label={t("to")} value={value.to} onApply={(to) => go({ ...value, to })} />
        {isFiltered && (
          <button
            type="button"
            className="pb-1.5 text-sm text-slate-700 underline"
            onClick={() => go({})}
            onPointerEnter={preview({})}
            onFocus={preview({})}
          >
            {t("clear")}
          </button>
        )}
      </div>
      {isFiltered && (
        <ul className="flex flex-wrap gap-2" aria-label={t("active")}>
          {LIST_KEYS.flatMap((key) =>
            (value[key] ?? []).map((code) => {
              const without = withList(
                key,
                (value[key] ?? []).filter((c) => c !== code),
              );
              return (
                <li key={`${key}-${code}`}>
                  <button
                    type="button"
                    aria-label={t("remove", { attribute: t(key), value: labelOf(key, code) })}
                    onClick={() => go(without)}
                    onPointerEnter={preview(without)}
                    onFocus={preview(without)}
                    className="rounded-full border border-slate-300 bg-white px-3 py-0.5 text-xs hover:bg-slate-100"
                  >
                    {t("chip", { attribute: t(key), value: labelOf(key, code) })}
                  </button>
                </li>
              );
            }),
          )}
        </ul>
      )}
      {/* Rendered always, so that screen readers announce the text when it appears. */}
      {!onChange && (
        <p role="status" className="text-xs text-slate-600">
          {navigating ? t("updating") : ""}
        </p>
      )}
    </form>
  );
}
