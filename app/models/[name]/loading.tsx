import { getTranslations } from "next-intl/server";

/** Shown while the overall board is fitted (the audiences stream in later, inside the page). */
export default async function Loading() {
  const t = await getTranslations("model");
  return (
    <section className="space-y-4" aria-busy="true">
      <p className="text-sm text-slate-600">{t("loading")}</p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-20 animate-pulse rounded border border-slate-200 bg-white" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded border border-slate-200 bg-white" />
    </section>
  );
}
