import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown/markdown";
import { DataTable } from "@/components/ui/data-table";
import { getVoteHistory } from "@/lib/queries/history";
import { requirePageUser } from "@/lib/session";

interface PageProps {
  searchParams: Promise<{ page?: string | string[] }>;
}

/** The contributor's own votes: date, prompt, both models and their choice, and the total. */
export default async function HistoryPage({ searchParams }: PageProps) {
  const user = await requirePageUser("/history");
  const raw = (await searchParams).page;
  const requested = Number(Array.isArray(raw) ? raw[0] : raw);
  const [history, t, tArena, format] = await Promise.all([
    getVoteHistory(user.id, Number.isFinite(requested) && requested >= 1 ? requested : 1),
    getTranslations("history"),
    getTranslations("arena"),
    getFormatter(),
  ]);
  const cell = "px-3 py-2 text-start align-top";
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p data-testid="history-total">{t("total", { count: history.total })}</p>
      {history.entries.length === 0 ? (
        <p className="text-slate-600">
          {t("empty")}{" "}
          <Link href="/arena" className="underline">
            {t("toArena")}
          </Link>
        </p>
      ) : (
        <DataTable
          testId="history"
          head={
            <tr>
              <th className={cell}>{t("columns.date")}</th>
              <th className={cell}>{t("columns.prompt")}</th>
              <th className={cell}>{t("columns.modelA")}</th>
              <th className={cell}>{t("columns.modelB")}</th>
              <th className={cell}>{t("columns.choice")}</th>
            </tr>
          }
        >
          <tbody>
            {history.entries.map((entry, i) => (
              <tr key={i} className="border-t border-slate-100">
                <td className={`${cell} whitespace-nowrap`}>
                  {format.dateTime(entry.votedAt, { dateStyle: "medium", timeStyle: "short" })}
                </td>
                <td className={`${cell} max-w-md`}>
                  <span dir="auto">{entry.promptExcerpt}</span>
                  {/* The answers render like the arena's: markdown, sanitised (components/markdown). */}
                  <details className="mt-1 text-sm" data-testid="history-answers">
                    <summary className="cursor-pointer text-slate-700 underline">{t("showAnswers")}</summary>
                    {(["A", "B"] as const).map((side) => (
                      <section
                        key={side}
                        aria-label={tArena("response.heading", { side })}
                        className="mt-2 rounded border border-slate-200 bg-white p-2"
                      >
                        <h2 className="mb-1 text-xs font-semibold text-slate-600">{tArena("response.heading", { side })}</h2>
                        <Markdown text={side === "A" ? entry.responseA : entry.responseB} />
                      </section>
                    ))}
                  </details>
                </td>
                <td className={cell}>
                  {entry.modelA.displayName} <span className="text-slate-500">· {entry.modelA.organization}</span>
                </td>
                <td className={cell}>
                  {entry.modelB.displayName} <span className="text-slate-500">· {entry.modelB.organization}</span>
                </td>
                <td className={cell}>
                  {t(`choice.${entry.outcome}`)}
                  {entry.isIdentityLeak && <span className="block text-xs text-amber-800">{t("flagged")}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {history.pages > 1 && (
        <nav className="flex items-center gap-4 text-sm">
          {history.page > 1 && (
            <Link href={`/history?page=${history.page - 1}`} className="underline">
              {t("previous")}
            </Link>
          )}
          <span>{t("page", { page: history.page, pages: history.pages })}</span>
          {history.page < history.pages && (
            <Link href={`/history?page=${history.page + 1}`} className="underline">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
