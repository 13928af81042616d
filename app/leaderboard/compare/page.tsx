import Link from "next/link";
import { z } from "zod";
import { SliceDumbbellChart } from "@/components/charts/slice-dumbbell-chart";
import { compareSlices, type ComparisonSort } from "@/components/leaderboard/compare-slices";
import { ComparisonTable } from "@/components/leaderboard/comparison-table";
import { FILTER_OPTIONS } from "@/components/leaderboard/filter-options";
import { FilterProblems } from "@/components/leaderboard/filter-problems";
import { pickPrefixed, toQuery } from "@/components/leaderboard/prefixed-filters";
import { SliceFilterBar } from "@/components/leaderboard/slice-filter-bar";
import { parseLeaderboardFilters, serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import { getLeaderboard, type Leaderboard } from "@/lib/queries/leaderboard";
import { BackToLeaderboard } from "@/components/leaderboard/back-to-leaderboard";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const SIDES = [
  { prefix: "a.", name: "A", accent: "border-t-blue-600" },
  { prefix: "b.", name: "B", accent: "border-t-orange-600" },
] as const;

const sortSchema = z.enum(["difference", "a"]);
const SORT_LABELS: Record<ComparisonSort, string> = { difference: "difference (B − A)", a: "A's rating" };

function SidePanel({ side, board, filters }: { side: (typeof SIDES)[number]; board: Leaderboard; filters: LeaderboardFilters }) {
  return (
    <div className={`space-y-3 rounded border border-t-4 border-slate-200 bg-white p-3 ${side.accent}`} data-testid={`side-${side.name.toLowerCase()}`}>
      <h2 className="font-semibold">
        {side.name}: <span data-testid="side-slice">{board.slice}</span>
      </h2>
      <SliceFilterBar value={filters} options={FILTER_OPTIONS} prefix={side.prefix} label={`Audience ${side.name}`} />
      <p className="text-sm text-slate-700">
        <span data-testid="side-votes">{board.votes}</span> votes by <span data-testid="side-voters">{board.voters}</span> voters
        {board.demoVotes > 0 && <> ({board.demoVotes} demo)</>}.
      </p>
      {!board.isShown && (
        <p className="rounded border border-slate-300 bg-slate-50 p-3 text-sm" data-testid="slice-too-small">
          Not enough voters in this audience to rate models honestly: it needs at least {board.policy.minSliceVoters} different
          people (it has {board.voters}).
        </p>
      )}
    </div>
  );
}

/** Two audiences side by side: each model's rank and rating in A and in B, and how far apart they are. */
export default async function CompareSlicesPage({ searchParams }: PageProps) {
  const params = await searchParams;
  const sides = SIDES.map((side) => ({ side, ...parseLeaderboardFilters(pickPrefixed(params, side.prefix)) }));
  const rawSort = [params.sort].flat()[0];
  const parsedSort = sortSchema.safeParse(rawSort ?? "difference");
  const sort: ComparisonSort = parsedSort.success ? parsedSort.data : "difference";
  const [boardA, boardB] = await Promise.all(sides.map((s) => getLeaderboard(s.filters)));
  const rows = compareSlices(boardA!, boardB!, sort);
  const sameAudience = serializeLeaderboardFilters(sides[0]!.filters) === serializeLeaderboardFilters(sides[1]!.filters);
  const points = rows.flatMap((r) => (r.a.state === "rated" && r.b.state === "rated" ? [{ model: r.displayName, a: r.a.rating, b: r.b.rating }] : []));
  const others = Object.entries(params).flatMap(([k, v]) => (k === "sort" ? [] : [v ?? []].flat().map((x): [string, string] => [k, x])));
  const sortHref = (s: ComparisonSort) => `/leaderboard/compare?${toQuery([...others, ["sort", s]])}`;

  return (
    <section className="space-y-5">
      <header>
        <BackToLeaderboard />
        <h1 className="mt-1 text-2xl font-bold">Compare two audiences</h1>
        <p className="mt-1 text-sm text-slate-600">
          Each audience gets its own Bradley–Terry fit (ratings averaging 1000 among the models its voters saw), so B − A says
          how much more (or less) audience B favours a model than audience A does. Differences marked * are ones where the two
          95% intervals do not overlap; smaller ones may be noise.
        </p>
      </header>
      {sides.map((s) => (
        <FilterProblems key={s.side.prefix} problems={s.problems} prefix={s.side.prefix} />
      ))}
      {!parsedSort.success && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Ignored sort=&ldquo;{rawSort}&rdquo;: use sort=difference or sort=a.
        </p>
      )}
      {sameAudience && (
        <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          Both sides are the same audience. Choose a different one for A or B, e.g. a region for A and an age band for B.
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <SidePanel side={SIDES[0]} board={boardA!} filters={sides[0]!.filters} />
        <SidePanel side={SIDES[1]} board={boardB!} filters={sides[1]!.filters} />
      </div>
      {rows.length > 0 && (
        <>
          <nav className="flex flex-wrap items-center gap-2 text-sm" aria-label="Sort the comparison">
            <span className="text-slate-600">Sort by</span>
            {sortSchema.options.map((s) => (
              <Link
                key={s}
                href={sortHref(s)}
                aria-current={s === sort ? "true" : undefined}
                className={`rounded-full border px-3 py-0.5 ${s === sort ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
              >
                {SORT_LABELS[s]}
              </Link>
            ))}
          </nav>
          <ComparisonTable rows={rows} aLabel={boardA!.slice} bLabel={boardB!.slice} minModelVotes={boardA!.policy.minModelVotes} />
          {points.length > 1 ? (
            <SliceDumbbellChart points={points} aLabel={boardA!.slice} bLabel={boardB!.slice} />
          ) : (
            <p className="text-sm text-slate-600">
              The chart appears once at least two models are rated in both audiences ({points.length === 1 ? "one is" : "none are"} now).
            </p>
          )}
        </>
      )}
      <p className="text-xs text-slate-500">
        A model needs at least {boardA!.policy.minModelVotes} votes in an audience to be rated there; an audience is shown once at
        least {boardA!.policy.minSliceVoters} different people have voted in it.
      </p>
    </section>
  );
}
