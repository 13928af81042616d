import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The "← Leaderboard" link above pages reached from the leaderboard (async server component). */
export async function BackToLeaderboard() {
  const t = await getTranslations("leaderboard");
  return (
    <p className="text-sm">
      <Link href="/leaderboard" className="underline underline-offset-2">
        {t("back")}
      </Link>
    </p>
  );
}
