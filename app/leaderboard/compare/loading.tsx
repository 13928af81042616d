import { getTranslations } from "next-intl/server";

/** Shown while both audiences are fitted. */
export default async function Loading() {
  const t = await getTranslations("compare");
  return (
    <section className="space-y-4" aria-busy="true">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("loading")}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-40 animate-pulse rounded border border-slate-200 bg-white" />
        <div className="h-40 animate-pulse rounded border border-slate-200 bg-white" />
      </div>
      <div className="h-72 animate-pulse rounded border border-slate-200 bg-white" />
    </section>
  );
}
