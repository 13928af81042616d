import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/queries/users";
import { requirePageUser } from "@/lib/session";

/**
 * For admin pages: the signed-in admin, null for any other role (render <AdminForbidden />), or a
 * redirect to sign-in. The admin layout calls it, and so does every admin page, because a layout
 * is not re-rendered on client navigation between its pages.
 */
export async function getPageAdmin(returnTo: string): Promise<CurrentUser | null> {
  const user = await requirePageUser(returnTo);
  return user.role === "ADMIN" ? user : null;
}

/** What a signed-in non-admin sees instead of an admin page. */
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
