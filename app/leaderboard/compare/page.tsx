import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { SliceDumbbellChart } from "@/components/charts/slice-dumbbell-chart";
import { compareSlices, type ComparisonSort } from "@/lib/leaderboard/compare-slices";
import { ComparisonTable } from "@/components/leaderboard/comparison-table";
import { StyleComparison } from "@/components/leaderboard/style-comparison";
import { FilterProblems } from "@/components/leaderboard/filter-problems";
import { pickPrefixed, toQuery } from "@/components/leaderboard/prefixed-filters";
import { SliceFilterBar } from "@/components/leaderboard/slice-filter-bar";
import { BackToLeaderboard } from "@/components/leaderboard/back-to-leaderboard";
import { defaultComparisonHref } from "@/lib/compare-defaults";
import { parseLeaderboardFilters, serializeLeaderboardFilters, type LeaderboardFilters, type ListKey } from "@/lib/filters";
import { getComparison } from "@/lib/queries/compare";
import { getLeaderboard, type Leaderboard } from "@/lib/queries/leaderboard";
import { describeSliceIn, sliceOptions, type SliceOption } from "@/lib/slice-labels";
import { getSliceLabels } from "@/lib/slice-labels-server";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const SIDES = [
  { prefix: "a.", name: "A", accent: "border-t-blue-600" },
  { prefix: "b.", name: "B", accent: "border-t-orange-600" },
] as const;

const sortSchema = z.enum(["difference", "a"]);

type Translate = Awaited<ReturnType<typeof getTranslations<"compare">>>;

interface SidePanelProps {
  side: (typeof SIDES)[number];
  board: Leaderboard;
  filters: LeaderboardFilters;
  sliceName: string;
  options: Record<ListKey, SliceOption[]>;
  t: Translate;
}

function SidePanel({ side, board, filters, sliceName, options, t }: SidePanelProps) {
  const counts =
    board.votes === null || board.voters === null ? null : { votes: board.votes, voters: board.voters, demo: board.demoVotes ?? 0 };
  // The numbers keep their test ids: specs read them.
  const tags = {
    votesNumber: (chunks: ReactNode) => <span data-testid="side-votes">{chunks}</span>,
    votersNumber: (chunks: ReactNode) => <span data-testid="side-voters">{chunks}</span>,
  };
  return (
    <div
      className={`space-y-3 rounded border border-t-4 border-slate-200 bg-white p-3 ${side.accent}`}
      data-testid={`side-${side.name.toLowerCase()}`}
    >
      <h2 className="font-semibold">
        {t.rich("sideTitle", { side: side.name, name: sliceName, slice: (chunks) => <span data-testid="side-slice">{chunks}</span> })}
      </h2>
      <SliceFilterBar value={filters} options={options} prefix={side.prefix} label={t("audienceLabel", { side: side.name })} />
      <p className="text-sm text-slate-700">
        {counts === null
          ? // under the voter minimum: no exact counts (see lib/leaderboard/thin-slice)
            t("sideVotesThin", { min: board.policy.minSliceVoters })
          : t.rich(counts.demo > 0 ? "sideVotesWithDemo" : "sideVotes", { ...counts, ...tags })}
      </p>
      {!board.isShown && (
        <p className="rounded border border-slate-300 bg-slate-50 p-3 text-sm" data-testid="slice-too-small">
          {t("tooSmall", { min: board.policy.minSliceVoters })}
        </p>
      )}
    </div>
  );
}

/**
 * Two audiences side by side: each model's rank and rating in A and in B, and how far apart they are. Without any
 * audience in the URL it redirects to the default pair (lib/compare-defaults.ts).
 */
export default async function CompareSlicesPage({ searchParams }: PageProps) {
  const params = await searchParams;
  // No audience named: the default pair (the README's example versus all voters), in the URL.
  const defaults = defaultComparisonHref(params);
  if (defaults) redirect(defaults);
  const [t, slices] = await Promise.all([getTranslations("compare"), getSliceLabels()]);
  const options = sliceOptions(slices.labels, slices.locale);
  const sides = SIDES.map((side) => ({ side, ...parseLeaderboardFilters(pickPrefixed(params, side.prefix)) }));
  const names = sides.map((s) => describeSliceIn(s.filters, slices.labels, slices.locale, slices.t));
  const rawSort = [params.sort].flat()[0];
  const parsedSort = sortSchema.safeParse(rawSort ?? "difference");
  const sort: ComparisonSort = parsedSort.success ? parsedSort.data : "difference";
  const [boardA, boardB, comparison, styledA, styledB] = await Promise.all([
    getLeaderboard(sides[0]!.filters),
    getLeaderboard(sides[1]!.filters),
    getComparison(sides[0]!.filters, sides[1]!.filters),
    getLeaderboard(sides[0]!.filters, { style: "control" }),
    getLeaderboard(sides[1]!.filters, { style: "control" }),
  ]);
  const rows = compareSlices(boardA, boardB, comparison, sort);
  const significant = comparison.models.filter((m) => m.significant).length;
  const sameAudience = serializeLeaderboardFilters(sides[0]!.filters) === serializeLeaderboardFilters(sides[1]!.filters);
  const points = rows.flatMap((r) =>
    r.a.state === "rated" && r.b.state === "rated" ? [{ model: r.displayName, a: r.a.rating, b: r.b.rating }] : [],
  );
  const others = Object.entries(params).flatMap(([k, v]) => (k === "sort" ? [] : [v ?? []].flat().map((x): [string, string] => [k, x])));
  const sortHref = (s: ComparisonSort) => `/leaderboard/compare?${toQuery([...others, ["sort", s]])}`;

  return (
    <section className="space-y-5">
      <header>
        <BackToLeaderboard />
        <h1 className="mt-1 text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      {sides.map((s) => (
        <FilterProblems key={s.side.prefix} problems={s.problems} prefix={s.side.prefix} />
      ))}
      {!parsedSort.success && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("badSort", { value: String(rawSort) })}
        </p>
      )}
      {sameAudience && <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">{t("sameAudience")}</p>}
      <div className="grid gap-4 lg:grid-cols-2">
        <SidePanel side={SIDES[0]} board={boardA} filters={sides[0]!.filters} sliceName={names[0]!} options={options} t={t} />
        <SidePanel side={SIDES[1]} board={boardB} filters={sides[1]!.filters} sliceName={names[1]!} options={options} t={t} />
      </div>
      {rows.length > 0 && (
        <>
          <nav className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("sortLabel")}>
            <span className="text-slate-600">{t("sortBy")}</span>
            {sortSchema.options.map((s) => (
              <Link
                key={s}
                href={sortHref(s)}
                aria-current={s === sort ? "true" : undefined}
                className={`rounded-full border px-3 py-0.5 ${s === sort ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
              >
                {t(`sort.${s}`)}
              </Link>
            ))}
          </nav>
          <p className="text-sm" data-testid="significant-summary">
            {t("significantSummary", { significant, compared: comparison.models.length, shared: comparison.sharedVoters ?? 0 })}
          </p>
          <ComparisonTable rows={rows} aLabel={names[0]!} bLabel={names[1]!} minModelVotes={boardA.policy.minModelVotes} />
          {points.length > 1 ? (
            <SliceDumbbellChart points={points} aLabel={names[0]!} bLabel={names[1]!} />
          ) : (
            <p className="text-sm text-slate-600">{t("chartNeedsTwo", { count: points.length })}</p>
          )}
        </>
      )}
      {(styledA.style || styledB.style) && <StyleComparison a={styledA.style} b={styledB.style} />}
      <p className="text-xs text-slate-500">
        {t("thresholds", { minVotes: boardA.policy.minModelVotes, minVoters: boardA.policy.minSliceVoters })}
      </p>
    </section>
  );
}
