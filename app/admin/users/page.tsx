import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AdminForbidden, formatUtc } from "@/components/admin/admin-access";
import { UserRoleForm } from "@/components/admin/user-role-form";
import { DataTable } from "@/components/ui/data-table";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { listUsers } from "@/lib/queries/users";
import { requirePageRole } from "@/lib/session";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const ROLES = ["CONTRIBUTOR", "CUSTOMER", "ADMIN"] as const;
const filterSchema = z.object({
  q: z.string().trim().max(254).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
});
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function UsersPage({ searchParams }: PageProps) {
  if (!(await requirePageRole("/admin/users", "ADMIN"))) return <AdminForbidden />;
  const raw = await searchParams;
  const filter = filterSchema.parse({ q: first(raw.q), role: first(raw.role) });
  const [{ rows, total }, t] = await Promise.all([listUsers({ ...filter, take: 200 }), getTranslations("admin.users")]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("search")}</span>
          <input name="q" defaultValue={filter.q ?? ""} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("role")}</span>
          <select name="role" defaultValue={filter.role ?? ""} className={inputClass}>
            <option value="">{t("any")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass}>
          {t("apply")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          testId="admin-users"
          head={
            <tr>
              <th className="px-3 py-2 text-start">{t("columns.email")}</th>
              <th className="px-3 py-2 text-start">{t("columns.joined")}</th>
              <th className="px-3 py-2 text-end">{t("columns.votes")}</th>
              <th className="px-3 py-2 text-start">{t("columns.role")}</th>
            </tr>
          }
        >
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className="border-t border-slate-100" data-email={u.email}>
                <td className="px-3 py-2">{u.email}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtc(u.createdAt)}</td>
                <td className="px-3 py-2 text-end tabular-nums">{u.voteCount}</td>
                <td className="px-3 py-2">
                  <UserRoleForm id={u.id} email={u.email} role={u.role} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p className="text-xs text-slate-500">{t("shown", { shown: rows.length, total })}</p>
    </section>
  );
}
