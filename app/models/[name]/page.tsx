import { Suspense, type ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RatingHistoryChart } from "@/components/charts/rating-history-chart";
import { rankRange } from "@/components/leaderboard/format";
import { HeadToHeadTable } from "@/components/leaderboard/head-to-head-table";
import { ModelAudiences } from "@/components/leaderboard/model-audiences";
import type { Policy } from "@/lib/policy";
import { getModelAudiences, getModelProfile } from "@/lib/queries/model-profile";

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

/** The model's rating in each audience (streamed: see getModelAudiences). */
async function AudiencesOf({ modelId, overall, policy }: { modelId: string; overall: number | null; policy: Policy }) {
  const [groups, t] = await Promise.all([getModelAudiences(modelId, overall, policy), getTranslations("model")]);
  const hasAudiences = groups.some((g) => g.rated.length || g.unrated.length || g.omitted);
  return hasAudiences ? (
    <ModelAudiences groups={groups} minSliceVoters={policy.minSliceVoters} minModelVotes={policy.minModelVotes} />
  ) : (
    <p className="text-sm">{t("noAudience")}</p>
  );
}

/** One model (its name and facts are in the layout): how it rates overall and in each audience, whom it beats, how it has moved. */
export default async function ModelPage({ params }: PageProps) {
  const { name } = await params;
  const [profile, t, format] = await Promise.all([getModelProfile(name), getTranslations("model"), getFormatter()]);
  if (!profile) notFound();
  const { overall, policy } = profile;
  const isRated = overall?.rating != null;
  // Dates label the snapshots; when two share a day, the UTC time tells them apart.
  const days = profile.history.map((p) => p.dataCutoff.slice(0, 10));
  const isDayUnique = new Set(days).size === days.length;
  const cutoffLabel = (iso: string) => (isDayUnique ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`);

  return (
    <>
      <section aria-labelledby="overall-heading" className="space-y-2">
        <h2 id="overall-heading" className="text-lg font-semibold">
          {t("overall")}
        </h2>
        {isRated ? (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label={t("rating")} testId="overall-rating">
              {overall!.rating!.toFixed(0)}
            </Stat>
            <Stat label={t("interval")} testId="overall-interval">
              {overall!.lower!.toFixed(0)}–{overall!.upper!.toFixed(0)}
            </Stat>
            <Stat label={t("rank")} testId="overall-rank">
              {/* the range of ranks its 95% interval allows, as in the leaderboard's rank column */}
              {rankRange(overall!.rank, overall!.rankWorst)}{" "}
              <span className="text-sm font-normal text-slate-500">{t("rankOf", { count: profile.overallRatedModels })}</span>
            </Stat>
            <Stat label={t("votes")} testId="overall-votes">
              {format.number(overall!.votes)}{" "}
              <span className="text-sm font-normal text-slate-500">{t("byVoters", { count: overall!.voters })}</span>
            </Stat>
          </dl>
        ) : (
          <p className="rounded border border-slate-300 bg-white p-3 text-sm" data-testid="overall-unrated">
            {t(profile.overallVoters === null ? "unratedFewVoters" : "unrated", {
              votes: overall?.votes ?? 0,
              minVotes: policy.minModelVotes,
              minVoters: policy.minSliceVoters,
            })}
          </p>
        )}
        {overall && overall.votes > 0 && (
          <p className="text-sm text-slate-600">
            {t("outcomes", { win: overall.winRate, tie: overall.tieRate, bothBad: overall.bothBadRate })}
          </p>
        )}
        {profile.replayVotes !== null && profile.replayVotes > 0 && (
          <p className="text-sm text-slate-600" data-testid="replay-votes" data-count={profile.replayVotes}>
            {t("replayNotice", { count: profile.replayVotes })}{" "}
            <Link href="/methodology#replay" className="underline underline-offset-2">
              {t("replayHow")}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="audience-heading" className="space-y-2" data-testid="by-audience">
        <h2 id="audience-heading" className="text-lg font-semibold">
          {t("byAudience")}
        </h2>
        <p className="text-sm text-slate-600">{t("byAudienceIntro")}</p>
        {/* Every audience is a fit and a test: streamed in, so the overall rating and the rest do not wait for them. */}
        <Suspense
          fallback={
            <div aria-busy="true" data-testid="audiences-loading" className="space-y-2">
              <p className="text-sm text-slate-600">{t("audiencesLoading")}</p>
              <div className="h-64 animate-pulse rounded border border-slate-200 bg-white" />
            </div>
          }
        >
          <AudiencesOf modelId={profile.model.id} overall={overall?.rating ?? null} policy={policy} />
        </Suspense>
      </section>

      <section aria-labelledby="h2h-heading" className="space-y-2">
        <h2 id="h2h-heading" className="text-lg font-semibold">
          {t("headToHead")}
        </h2>
        <p className="text-sm text-slate-600">{t("headToHeadIntro")}</p>
        <HeadToHeadTable records={profile.headToHead} />
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("history")}
        </h2>
        {profile.history.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-3 text-sm text-slate-600" data-testid="no-history">
            {t("noHistory")}
          </p>
        ) : profile.history.every((p) => p.rating === null) ? (
          <p className="rounded border border-slate-200 bg-white p-3 text-sm text-slate-600">
            {t("neverRated", { count: profile.history.length })}
          </p>
        ) : (
          <RatingHistoryChart
            points={profile.history.map((p) => ({
              date: cutoffLabel(p.dataCutoff),
              rating: p.rating,
              lower: p.lower,
              upper: p.upper,
              rank: p.rank,
            }))}
          />
        )}
      </section>
    </>
  );
}
