import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { holdoutCutoff } from "@/lib/policy";
import { getPolicy } from "@/lib/queries/policy";

/**
 * States the data policy where the leaderboard is shown: the export holdout and the date released
 * data ends, the thresholds, and where the method is explained (async server component).
 */
export async function DataPolicyNotice({ methodologyHref = "/methodology" }: { methodologyHref?: string }) {
  const [policy, t] = await Promise.all([getPolicy(), getTranslations("leaderboard.policy")]);
  const releasedUpTo = holdoutCutoff(policy, new Date()).toISOString().slice(0, 10);
  return (
    <aside
      className="rounded border border-slate-200 bg-white p-3 text-xs text-slate-600"
      data-testid="data-policy-notice"
      aria-label={t("label")}
    >
      <p>
        {t.rich("holdout", {
          days: policy.holdoutDays,
          date: releasedUpTo,
          strong: (chunks: ReactNode) => <strong data-testid="holdout-days">{chunks}</strong>,
          time: (chunks: ReactNode) => <time dateTime={releasedUpTo}>{chunks}</time>,
        })}
      </p>
      <p className="mt-1">
        {t("thresholds", { minVoters: policy.minSliceVoters, minVotes: policy.minModelVotes })}{" "}
        <IntentLink href={methodologyHref} className="underline">
          {t("methodLink")}
        </IntentLink>
        .
      </p>
    </aside>
  );
}
