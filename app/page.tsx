import Link from "next/link";
import { getTranslations } from "next-intl/server";

const POINTS = [
  ["blindTitle", "blindText"],
  ["statsTitle", "statsText"],
  ["slicedTitle", "slicedText"],
] as const;

/** Landing page: what Showdown is, and the two ways in. */
export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <section className="mx-auto max-w-3xl py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-4 text-lg text-slate-700">{t.rich("intro", { em: (chunks) => <em>{chunks}</em> })}</p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/arena" className="rounded bg-slate-900 px-5 py-2.5 font-medium text-white hover:bg-slate-700">
          {t("startVoting")}
        </Link>
        <Link href="/leaderboard" className="rounded border border-slate-300 bg-white px-5 py-2.5 font-medium hover:bg-slate-100">
          {t("seeLeaderboard")}
        </Link>
      </div>
      <ul className="mt-10 grid gap-4 text-sm text-slate-700 sm:grid-cols-3">
        {POINTS.map(([title, text]) => (
          <li key={title} className="rounded border border-slate-200 bg-white p-4">
            <strong className="block text-slate-900">{t(title)}</strong>
            {t(text)}
          </li>
        ))}
      </ul>
    </section>
  );
}
