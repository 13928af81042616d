import { SliceFilterBar } from "@/components/leaderboard/slice-filter-bar";
import { LeaderboardTable } from "@/components/leaderboard/leaderboard-table";
import { RatingIntervalChart } from "@/components/charts/rating-interval-chart";
import { parseLeaderboardFilters } from "@/lib/filters";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { AGE_BANDS, COUNTRIES, EDUCATION_LEVELS, LANGUAGES, REGIONS } from "@/lib/slices";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const FILTER_OPTIONS = {
  region: REGIONS.map((r) => ({ value: r.code, label: r.name })),
  country: COUNTRIES.map((c) => ({ value: c.code, label: c.name })),
  age: AGE_BANDS.map((a) => ({ value: a.code, label: a.label })),
  education: EDUCATION_LEVELS.map((e) => ({ value: e.code, label: e.label })),
  language: LANGUAGES.map((l) => ({ value: l.code, label: l.name })),
};

export default async function LeaderboardPage({ searchParams }: PageProps) {
  const { filters, problems } = parseLeaderboardFilters(await searchParams);
  const board = await getLeaderboard(filters);
  const rated = board.rows.filter((r) => r.rating !== null);
  return (
    <section className="space-y-5">
      <header>
        <h1 className="text-2xl font-bold">Leaderboard</h1>
        <p className="mt-1 text-sm text-slate-600">
          {board.method.name}, 400 points per factor of 10 in odds, ratings averaging 1000; {board.method.interval} intervals
          ({board.policy.bootstrapRounds} rounds, seed {board.policy.bootstrapSeed}). Rank = 1 + the number of models statistically better (whose interval lies
          entirely above). Ties and &ldquo;both bad&rdquo; count as half a win for each side.
        </p>
      </header>
      <SliceFilterBar value={filters} options={FILTER_OPTIONS} />
      {problems.map((p) => (
        <p key={p.key} role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Ignored filter {p.key}=&ldquo;{p.value}&rdquo;: {p.message}
        </p>
      ))}
      <p className="text-sm" data-testid="slice-summary">
        <strong>{board.slice}</strong>: <span data-testid="slice-votes">{board.votes}</span> votes by{" "}
        <span data-testid="slice-voters">{board.voters}</span> voters.
      </p>
      {board.demoVotes > 0 && (
        <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900" data-testid="demo-notice">
          Includes {board.demoVotes} demo votes: labelled sample data generated for this demo deployment (never exported). An
          admin removes them with <code>npm run arena -- demo remove</code>.
        </p>
      )}
      {board.isShown ? (
        <>
          {rated.length > 1 && <RatingIntervalChart points={rated.map((r) => ({ model: r.displayName, rating: r.rating!, lower: r.lower!, upper: r.upper! }))} />}
          <LeaderboardTable rows={board.rows} minModelVotes={board.policy.minModelVotes} />
        </>
      ) : (
        <p className="rounded border border-slate-300 bg-white p-4 text-sm" data-testid="slice-too-small">
          Not enough votes in this slice to rank models honestly: a slice is shown once at least{" "}
          {board.policy.minSliceVoters} different people have voted in it (it has {board.voters}). This also keeps
          individual voters from being singled out.
        </p>
      )}
      <p className="text-xs text-slate-500">
        A model needs at least {board.policy.minModelVotes} votes in a slice to be rated there; below that it is listed as
        &ldquo;not enough votes&rdquo;. The same numbers are available as JSON from <code>/api/leaderboard</code> with the same filters.
      </p>
    </section>
  );
}
