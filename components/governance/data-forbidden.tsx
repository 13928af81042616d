import { getTranslations } from "next-intl/server";

/** What a signed-in contributor sees instead of the customer data page. */
export async function DataForbidden() {
  const t = await getTranslations("governance.data");
  return (
    <section className="mx-auto max-w-lg rounded border border-slate-300 bg-white p-6" data-testid="data-forbidden">
      <h1 className="text-xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("forbidden")}</p>
    </section>
  );
}
