import Link from "next/link";
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
export function AdminForbidden() {
  return (
    <section className="mx-auto max-w-lg rounded border border-slate-300 bg-white p-6" data-testid="admin-forbidden">
      <h1 className="text-xl font-bold">403: admins only</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your account cannot open the admin pages. An existing admin can change your role, or the server&rsquo;s operator can
        run <code>npm run arena -- create-admin</code>.
      </p>
      <Link href="/leaderboard" className="mt-4 inline-block text-sm underline">
        Back to the leaderboard
      </Link>
    </section>
  );
}

/** "2026-09-23 14:05 UTC": the same on server and client, whatever the locale. */
export function formatUtc(iso: string | Date): string {
  const text = typeof iso === "string" ? iso : iso.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}
