import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import type { DeprecatedRows } from "@/lib/queries/leaderboard";

/** The "show / hide deprecated models" link: the choice lives in the URL (deprecated=show), beside the filters. */
export async function DeprecatedToggle({ filters, deprecated, hidden }: { filters: LeaderboardFilters; deprecated: DeprecatedRows; hidden: number }) {
  const t = await getTranslations("leaderboard");
  const own = serializeLeaderboardFilters(filters);
  const query = deprecated === "show" ? own : [own, "deprecated=show"].filter(Boolean).join("&");
  const href = query ? `/leaderboard?${query}` : "/leaderboard";
  if (deprecated === "hide" && hidden === 0) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="deprecated-toggle">
      {deprecated === "show" ? t("deprecatedShown") : t("deprecatedHidden", { count: hidden })}{" "}
      <Link href={href} className="font-medium text-slate-900 underline underline-offset-2">
        {deprecated === "show" ? t("hideDeprecated") : t("showDeprecated")}
      </Link>
    </p>
  );
}
