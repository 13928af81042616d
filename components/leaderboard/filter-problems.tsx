import { useTranslations } from "next-intl";

/** The notice for URL values that were ignored (server or client component); `prefix` names the comparison side. */
export function FilterProblems({
  problems,
  prefix = "",
}: {
  problems: { key: string; value: string; message: string }[];
  prefix?: string;
}) {
  const t = useTranslations("leaderboard.filters");
  if (problems.length === 0) return null;
  return problems.map((p) => (
    <p key={`${prefix}${p.key}-${p.value}`} role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {t("ignored", { key: `${prefix}${p.key}`, value: p.value, message: p.message })}
    </p>
  ));
}
