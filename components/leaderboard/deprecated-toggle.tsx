import { IntentLink } from "@/components/ui/intent-link";
import { useTranslations } from "next-intl";
import type { LeaderboardFilters } from "@/lib/filters";
import type { LeaderboardView } from "@/lib/leaderboard/view";
import { leaderboardHref } from "./format";

/** The "show / hide deprecated models" link: the choice lives in the URL (deprecated=show), beside the filters. */
export function DeprecatedToggle({ filters, view, hidden }: { filters: LeaderboardFilters; view: LeaderboardView; hidden: number }) {
  const t = useTranslations("leaderboard");
  const { deprecated } = view;
  const href = leaderboardHref(filters, { ...view, deprecated: deprecated === "show" ? "hide" : "show" });
  if (deprecated === "hide" && hidden === 0) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="deprecated-toggle">
      {deprecated === "show" ? t("deprecatedShown") : t("deprecatedHidden", { count: hidden })}{" "}
      <IntentLink href={href} className="font-medium text-slate-900 underline underline-offset-2">
        {deprecated === "show" ? t("hideDeprecated") : t("showDeprecated")}
      </IntentLink>
    </p>
  );
}
