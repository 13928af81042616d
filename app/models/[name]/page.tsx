import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { RatingHistoryChart } from "@/components/charts/rating-history-chart";
import { percent } from "@/components/leaderboard/format";
import { HeadToHeadTable } from "@/components/leaderboard/head-to-head-table";
import { ModelAudiences } from "@/components/leaderboard/model-audiences";
import { getModelProfile } from "@/lib/queries/model-profile";

interface PageProps {
  params: Promise<{ name: string }>;
}

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** One model (its name and facts are in the layout): how it rates overall and in each audience, whom it beats, how it has moved. */
export default async function ModelPage({ params }: PageProps) {
  const { name } = await params;
  const profile = await getModelProfile(name);
  if (!profile) notFound();
  const { overall, policy } = profile;
  const isRated = overall?.rating != null;
  // Dates label the snapshots; when two share a day, the UTC time tells them apart.
  const days = profile.history.map((p) => p.dataCutoff.slice(0, 10));
  const isDayUnique = new Set(days).size === days.length;
  const cutoffLabel = (iso: string) => (isDayUnique ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`);
  const hasAudiences = profile.audiences.some((g) => g.rated.length || g.unrated.length || g.omitted);

  return (
    <>
      <section aria-labelledby="overall-heading" className="space-y-2">
        <h2 id="overall-heading" className="text-lg font-semibold">Overall</h2>
        {isRated ? (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Rating" testId="overall-rating">{overall!.rating!.toFixed(0)}</Stat>
            <Stat label="95% interval" testId="overall-interval">
              {overall!.lower!.toFixed(0)}–{overall!.upper!.toFixed(0)}
            </Stat>
            <Stat label="Rank" testId="overall-rank">
              {overall!.rank} <span className="text-sm font-normal text-slate-500">of {profile.overallRatedModels}</span>
            </Stat>
            <Stat label="Votes" testId="overall-votes">
              {overall!.votes} <span className="text-sm font-normal text-slate-500">by {overall!.voters} voters</span>
            </Stat>
          </dl>
        ) : (
          <p className="rounded border border-slate-300 bg-white p-3 text-sm" data-testid="overall-unrated">
            Not rated yet: {overall?.votes ?? 0} votes so far; a rating needs {policy.minModelVotes}
            {profile.overallVoters < policy.minSliceVoters && <> and the leaderboard needs {policy.minSliceVoters} different voters</>}.
          </p>
        )}
        {overall && overall.votes > 0 && (
          <p className="text-sm text-slate-600">
            Won {percent(overall.winRate)} of its votes outright, tied {percent(overall.tieRate)}, and both answers were judged bad in{" "}
            {percent(overall.bothBadRate)}.
          </p>
        )}
      </section>

      <section aria-labelledby="audience-heading" className="space-y-2" data-testid="by-audience">
        <h2 id="audience-heading" className="text-lg font-semibold">By audience</h2>
        <p className="text-sm text-slate-600">
          Its rating among the voters of each region, country, age band, education level and language, best audience first. Each
          audience has its own fit (ratings average 1000 there too), so &ldquo;vs overall&rdquo; is positive where that audience rates
          it higher than all voters do, and negative where lower.
        </p>
        {hasAudiences ? (
          <ModelAudiences groups={profile.audiences} minSliceVoters={policy.minSliceVoters} minModelVotes={policy.minModelVotes} />
        ) : (
          <p className="text-sm">No audience is big enough yet.</p>
        )}
      </section>

      <section aria-labelledby="h2h-heading" className="space-y-2">
        <h2 id="h2h-heading" className="text-lg font-semibold">Head to head</h2>
        <p className="text-sm text-slate-600">All votes between this model and each other model; ties and both-bad count as half a win in the win fraction.</p>
        <HeadToHeadTable records={profile.headToHead} />
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">Rating history</h2>
        {profile.history.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-3 text-sm text-slate-600" data-testid="no-history">
            No published snapshots yet.
          </p>
        ) : profile.history.every((p) => p.rating === null) ? (
          <p className="rounded border border-slate-200 bg-white p-3 text-sm text-slate-600">
            Not rated in any of the {profile.history.length} published snapshots yet.
          </p>
        ) : (
          <RatingHistoryChart
            points={profile.history.map((p) => ({ date: cutoffLabel(p.dataCutoff), rating: p.rating, lower: p.lower, upper: p.upper, rank: p.rank }))}
          />
        )}
      </section>
    </>
  );
}
