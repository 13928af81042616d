import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What a signed-in non-admin sees instead of an admin page (see requirePageRole in lib/session.ts). */
export async function AdminForbidden() {
  const t = await getTranslations("ui.adminForbidden");
  return (
    <section className="mx-auto max-w-lg rounded border border-slate-300 bg-white p-6" data-testid="admin-forbidden">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t.rich("text", { code: (chunks) => <code>{chunks}</code> })}</p>
      <Link href="/leaderboard" className="mt-4 inline-block text-sm underline">
        {t("back")}
      </Link>
    </section>
  );
}

/** "2026-09-23 14:05 UTC": the same on server and client, whatever the locale. */
export function formatUtc(iso: string | Date): string {
  const text = typeof iso === "string" ? iso : iso.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}
