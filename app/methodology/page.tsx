import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DemoMethodology } from "@/components/demo/demo-methodology";
import { SamplingTable } from "@/components/leaderboard/sampling-table";
import {
  ANOMALY_ALPHA,
  ANOMALY_MIN_VOTES,
  ANOMALY_RECHECK_FACTOR,
  FIXED_WEIGHT,
  MAX_MODEL_ALTERNATIVES,
  MODEL_RATIO,
  PRIOR_VOTES,
} from "@/lib/integrity/anomaly";
import { ANOMALY_MEASURED } from "@/lib/integrity/measured";
import { holdoutCutoff } from "@/lib/policy";
import { MEASURED } from "@/lib/rating/measured";
import { getIntegrityStats } from "@/lib/queries/integrity-stats";
import { getPolicy } from "@/lib/queries/policy";
import { getSamplingTable } from "@/lib/queries/sampling";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("methodology");
  return { title: t("metaTitle") };
}

const SECTIONS = ["votes", "ratings", "slices", "sampling", "integrity", "governance", "policy"] as const;

/** How votes become ratings, how pairs are drawn, how votes are checked, and the data policy, with the settings in force now. */
export default async function MethodologyPage() {
  const [policy, sampling, stats, t, format] = await Promise.all([
    getPolicy(),
    getSamplingTable(),
    getIntegrityStats(),
    getTranslations("methodology"),
    getFormatter(),
  ]);
  const releasedUpTo = holdoutCutoff(policy, new Date()).toISOString().slice(0, 10);
  const p = sampling.params;
  const h2 = "text-lg font-semibold";
  return (
    <article className="mx-auto max-w-3xl space-y-6 text-sm leading-6 text-slate-800">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <nav aria-label={t("contents")}>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`} className="underline underline-offset-2">
                {t(`${s}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="votes" className="space-y-2">
        <h2 className={h2}>{t("votes.title")}</h2>
        <p>{t("votes.text")}</p>
      </section>

      <section id="ratings" className="space-y-2">
        <h2 className={h2}>{t("ratings.title")}</h2>
        <p id="model">{t("ratings.model")}</p>
        <p>{t("ratings.identification")}</p>
        <p id="intervals">{t("ratings.intervals")}</p>
        <p id="bootstraps">{t("ratings.bootstraps", { rounds: policy.bootstrapRounds, seed: policy.bootstrapSeed })}</p>
        <p data-testid="coverage">
          {t("ratings.coverage", {
            independent: MEASURED.coverage.independent,
            clustered: MEASURED.coverage.clustered,
            strong: MEASURED.coverage.strong,
            voteBootstrap: MEASURED.coverage.voteBootstrapClustered,
          })}
        </p>
        <p id="rank">{t("ratings.rank")}</p>
        <p id="style">{t("ratings.style")}</p>
        <p id="compare">{t("ratings.compare", { fdp: MEASURED.compare.falseDiscoveryProportion, power: MEASURED.compare.power })}</p>
      </section>

      <section id="slices" className="space-y-2">
        <h2 className={h2}>{t("slices.title")}</h2>
        <p>{t("slices.text", { minVoters: policy.minSliceVoters, minVotes: policy.minModelVotes })}</p>
        <p id="differencing" data-testid="differencing">
          {t("slices.differencing", { minVoters: policy.minSliceVoters })}
        </p>
      </section>

      <section id="sampling" className="space-y-2" data-testid="sampling-section">
        <h2 className={h2}>{t("sampling.title")}</h2>
        <p>{t("sampling.intro")}</p>
        <p data-testid="sampling-model-rule">{t("sampling.modelWeight", { maxBoost: format.number(p.maxBoost), target: p.targetVotes })}</p>
        <p>{t("sampling.pairWeight", { pairMax: p.pairMaxBoost, pairTarget: p.pairTargetVotes })}</p>
        <h3 className="pt-2 font-semibold">{t("sampling.tableTitle")}</h3>
        <p>{t("sampling.tableIntro", { pairs: sampling.allowedPairs })}</p>
        <SamplingTable table={sampling} />
        <p className="text-xs text-slate-500">{t("sampling.version", { version: p.version })}</p>
      </section>

      <section id="integrity" className="space-y-2" data-testid="integrity-section">
        <h2 className={h2}>{t("integrity.title")}</h2>
        <p>{t("integrity.exactlyOnce")}</p>
        <h3 className="pt-2 font-semibold">{t("integrity.leakTitle")}</h3>
        <p>{t("integrity.leakRule")}</p>
        <p data-testid="leak-share">
          {t("integrity.leakShare", {
            leaks: stats.identityLeakVotes,
            total: stats.arenaVotes,
            share: format.number(stats.flaggedShare, { style: "percent", maximumFractionDigits: 1 }),
          })}
        </p>
        <h3 className="pt-2 font-semibold">{t("integrity.anomalyTitle")}</h3>
        <p>{t("integrity.anomalyNull", { prior: PRIOR_VOTES })}</p>
        <p>{t("integrity.anomalyAlternatives", { ratio: format.number(MODEL_RATIO) })}</p>
        <p>
          {t("integrity.anomalyGuarantee", {
            fixedShare: `1/${Math.round(1 / FIXED_WEIGHT)}`,
            maxModels: MAX_MODEL_ALTERNATIVES,
            threshold: format.number(1 / ANOMALY_ALPHA),
            alpha: format.number(ANOMALY_ALPHA),
            minVotes: ANOMALY_MIN_VOTES,
            recheck: format.number(ANOMALY_RECHECK_FACTOR),
          })}
        </p>
        <p data-testid="anomaly-measured">
          {t("integrity.anomalyMeasured", {
            voters: format.number(ANOMALY_MEASURED.honestVoters),
            votes: ANOMALY_MEASURED.votesPerVoter,
            flagged: ANOMALY_MEASURED.falseFlags,
            rate: format.number(ANOMALY_MEASURED.falseFlags / ANOMALY_MEASURED.honestVoters, {
              style: "percent",
              maximumFractionDigits: 3,
            }),
            promise: format.number(ANOMALY_ALPHA, { style: "percent", maximumFractionDigits: 3 }),
            weak: ANOMALY_MEASURED.medianBattles.weakest,
            middling: ANOMALY_MEASURED.medianBattles.middling,
            strong: ANOMALY_MEASURED.medianBattles.strong,
          })}
        </p>
        <p>{t("integrity.anomalyCounts", { flagged: stats.flaggedVoters, excluded: stats.excludedVoters })}</p>
        <h3 className="pt-2 font-semibold">{t("integrity.excludedTitle")}</h3>
        <p data-testid="excluded-count">
          {t("integrity.excludedCount", {
            total: stats.identityLeakVotes + stats.excludedVoterVotes,
            leaks: stats.identityLeakVotes,
            voters: stats.excludedVoterVotes,
          })}
        </p>
        <h3 id="replay" className="pt-2 font-semibold">
          {t("integrity.replayTitle")}
        </h3>
        <p data-testid="replay-rule">
          {t("integrity.replayText", {
            policy: policy.excludeReplayVotes ? "excluded" : "counted",
            counted: stats.replayVotesCounted,
            leftOut: stats.replayVotesLeftOut,
          })}
        </p>
        <p data-testid="verified-rule">
          {t("integrity.verifiedText", {
            policy: policy.requireVerifiedEmail ? "required" : "optional",
            leftOut: stats.unverifiedVotesLeftOut,
          })}
        </p>
        <h3 className="pt-2 font-semibold">{t("integrity.rateTitle")}</h3>
        <p data-testid="rate-limits">
          {t("integrity.rateText", {
            battlesUser: policy.battlesPerHourPerUser,
            votesUser: policy.votesPerHourPerUser,
            battlesIp: policy.battlesPerHourPerIp,
            votesIp: policy.votesPerHourPerIp,
          })}
        </p>
      </section>

      <section id="governance" className="space-y-2">
        <h2 className={h2}>{t("governance.title")}</h2>
        <p>{t("governance.text", { cap: policy.privateVariantCap })}</p>
      </section>

      <section id="policy" className="space-y-2">
        <h2 className={h2}>{t("policy.title")}</h2>
        <p>{t("policy.holdout", { days: policy.holdoutDays, date: releasedUpTo })}</p>
        <p>{t("policy.snapshots")}</p>
      </section>

      <DemoMethodology />

      <p>
        <Link href="/leaderboard" className="underline">
          {t("back")}
        </Link>
      </p>
    </article>
  );
}
