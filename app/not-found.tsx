import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Any address that matches no page. */
export default async function NotFound() {
  const t = await getTranslations("ui.notFound");
  return (
    <section className="mx-auto max-w-xl space-y-3 py-10 text-center">
      <p className="text-sm font-medium text-slate-500">404</p>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("text")}</p>
      <p className="flex flex-wrap justify-center gap-4">
        <Link href="/" className="underline underline-offset-2">
          {t("home")}
        </Link>
        <Link href="/leaderboard" className="underline underline-offset-2">
          {t("leaderboard")}
        </Link>
      </p>
    </section>
  );
}
