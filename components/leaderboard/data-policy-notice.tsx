import Link from "next/link";
import { holdoutCutoff } from "@/lib/policy";
import { getPolicy } from "@/lib/queries/policy";

/**
 * States the data policy where the leaderboard is shown: the export holdout and the date released
 * data ends, the thresholds, and where the method is explained (async server component).
 */
export async function DataPolicyNotice({ methodologyHref = "/methodology" }: { methodologyHref?: string }) {
  const policy = await getPolicy();
  const releasedUpTo = holdoutCutoff(policy, new Date()).toISOString().slice(0, 10);
  return (
    <aside className="rounded border border-slate-200 bg-white p-3 text-xs text-slate-600" data-testid="data-policy-notice" aria-label="Data policy">
      <p>
        Votes from the last <strong data-testid="holdout-days">{policy.holdoutDays}</strong> days are held out of every data export; released
        data covers votes up to <time dateTime={releasedUpTo}>{releasedUpTo}</time> (UTC). Demo votes are never exported, and exports
        identify voters only by a pseudonymous id.
      </p>
      <p className="mt-1">
        A slice is ranked once at least {policy.minSliceVoters} different people have voted in it; a model is rated in a slice with at
        least {policy.minModelVotes} votes there. Intervals are 95% bootstrap intervals ({policy.bootstrapRounds} rounds, seed{" "}
        {policy.bootstrapSeed}). <Link href={methodologyHref} className="underline">How the ratings are computed</Link>.
      </p>
    </aside>
  );
}
