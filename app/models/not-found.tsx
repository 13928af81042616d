import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** An unknown model name. */
export default async function ModelNotFound() {
  const t = await getTranslations("model.notFound");
  return (
    <section className="mx-auto max-w-xl space-y-3 py-10 text-center">
      <p className="text-sm font-medium text-slate-500">404</p>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("text")}</p>
      <p>
        <Link href="/leaderboard" className="underline underline-offset-2">
          {t("link")}
        </Link>
      </p>
    </section>
  );
}
