import { getTranslations } from "next-intl/server";

/** The notice for URL values that were ignored (async server component); `prefix` names the comparison side. */
export async function FilterProblems({ problems, prefix = "" }: { problems: { key: string; value: string; message: string }[]; prefix?: string }) {
  if (problems.length === 0) return null;
  const t = await getTranslations("leaderboard.filters");
  return problems.map((p) => (
    <p key={`${prefix}${p.key}-${p.value}`} role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {t("ignored", { key: `${prefix}${p.key}`, value: p.value, message: p.message })}
    </p>
  ));
}
