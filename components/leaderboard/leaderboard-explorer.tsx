"use client";

import { hashKey, keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/intent-link";
import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useApiErrorMessage } from "@/lib/client/api-client";
import { LIST_KEYS, isAllVoters, parseLeaderboardFilters, searchWithFilters, type LeaderboardFilters, type ListKey } from "@/lib/filters";
import type { Leaderboard } from "@/lib/leaderboard/build";
import { parseLeaderboardView, type LeaderboardView } from "@/lib/leaderboard/view";
import { describeSliceIn, type SliceLabels, type SliceOption } from "@/lib/slice-labels";
import { FilterProblems } from "./filter-problems";
import { LeaderboardBoard } from "./leaderboard-board";
import { leaderboardQuery } from "./leaderboard-query";
import { prefixedEntries, toQuery } from "./prefixed-filters";
import { SliceFilterBar } from "./slice-filter-bar";

interface LeaderboardExplorerProps {
  /** The board the server rendered for the URL it was asked for, and that URL's slice in words. */
  initial: { filters: LeaderboardFilters; view: LeaderboardView; board: Leaderboard; sliceName: string };
  options: Record<ListKey, SliceOption[]>;
  isAdmin: boolean;
}

/**
 * The filter bar and the board. The URL is the single source of truth: a chosen filter rewrites the URL in place
 * (history.pushState, no server round trip), the board's React Query key is the filters parsed from it, and the
 * previous board stays on screen, dimmed and marked busy, until the new one arrives. The server's board is the
 * first key's initial data, so the first paint needs no fetch.
 */
export function LeaderboardExplorer({ initial, options, isAdmin }: LeaderboardExplorerProps) {
  const t = useTranslations("leaderboard");
  const tSlices = useTranslations("slices");
  const locale = useLocale();
  const errorMessage = useApiErrorMessage();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  const { filters, problems } = useMemo(() => parseLeaderboardFilters(searchParams), [searchParams]);
  const { view, problems: viewProblems } = useMemo(() => parseLeaderboardView(searchParams), [searchParams]);
  const current = leaderboardQuery(filters, view);
  const isInitial = hashKey(current.queryKey) === hashKey(leaderboardQuery(initial.filters, initial.view).queryKey);
  const query = useQuery({ ...current, initialData: isInitial ? initial.board : undefined, placeholderData: keepPreviousData });
  // A failed fetch has no data of its own: the last board stays on screen under the error.
  const [lastBoard, setLastBoard] = useState(initial.board);
  if (query.data && query.data !== lastBoard) setLastBoard(query.data);
  const board = query.data ?? lastBoard;
  const updating = query.isFetching && (query.isPlaceholderData || !query.data);

  const labels = useMemo(() => {
    const maps = Object.fromEntries(LIST_KEYS.map((k) => [k, new Map(options[k].map((o) => [o.value, o.label]))]));
    return Object.fromEntries(LIST_KEYS.map((k) => [k, (code: string) => maps[k]!.get(code) ?? code])) as SliceLabels;
  }, [options]);
  // The board on screen may still be the previous slice's: describe the slice the board is of.
  const sliceName =
    board === initial.board ? initial.sliceName : describeSliceIn(board.filters, labels, locale, (key, values) => tSlices(key, values));
  // Side B is the slice on screen, side A everyone: the comparison then reads "this audience versus all voters".
  const compareHref = `/leaderboard/compare${isAllVoters(filters) ? "" : `?${toQuery(prefixedEntries(filters, "b."))}`}`;

  const choose = (next: LeaderboardFilters) => {
    const search = searchWithFilters(window.location.search, next);
    window.history.pushState(null, "", search ? `${pathname}?${search}` : pathname);
  };
  const prefetch = (next: LeaderboardFilters) => {
    const parsed = parseLeaderboardFilters(new URLSearchParams(searchWithFilters("", next))).filters;
    void queryClient.prefetchQuery(leaderboardQuery(parsed, view));
  };

  return (
    <>
      <SliceFilterBar value={filters} options={options} onChange={choose} onPreview={prefetch} />
      <p className="text-sm">
        <IntentLink href={compareHref} className="font-medium underline underline-offset-2">
          {t("compareLink")}
        </IntentLink>{" "}
        <span className="text-slate-600">{t("compareHint")}</span>
      </p>
      <FilterProblems problems={[...problems, ...viewProblems]} />
      <p role="status" className="flex min-h-5 items-center gap-2 text-sm text-slate-700" data-testid="board-status">
        {updating && (
          <>
            <span
              aria-hidden="true"
              className="inline-block size-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent"
            />
            {t("filters.updating")}
          </>
        )}
      </p>
      {query.isError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("filters.updateFailed", { message: errorMessage(query.error) })}{" "}
          <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
            {t("filters.retry")}
          </button>
        </p>
      )}
      <div aria-busy={updating} data-testid="board" className={`space-y-5 transition-opacity ${updating ? "opacity-60" : ""}`}>
        <LeaderboardBoard board={board} filters={board.filters} view={view} sliceName={sliceName} isAdmin={isAdmin} />
      </div>
    </>
  );
}
