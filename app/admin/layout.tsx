import Link from "next/link";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { ADMIN_CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";
import { AdminForbidden } from "@/components/admin/admin-access";
import { requirePageRole } from "@/lib/session";

const LINKS = [
  { href: "/admin", key: "overview" },
  { href: "/admin/models", key: "models" },
  { href: "/admin/audit", key: "audit" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/contributors", key: "contributors" },
  { href: "/admin/policy", key: "policy" },
  { href: "/admin/snapshots", key: "snapshots" },
] as const;

/** Admin area: admins only (each page and route handler checks again). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requirePageRole("/admin", "ADMIN");
  if (!admin) return <AdminForbidden />;
  const [t, messages] = await Promise.all([getTranslations("admin.nav"), getMessages()]);
  return (
    <NextIntlClientProvider messages={clientMessages(messages, ADMIN_CLIENT_NAMESPACES)}>
      <div className="space-y-5">
        <nav aria-label={t("label")} className="flex flex-wrap gap-4 border-b border-slate-200 pb-2 text-sm">
          <span className="font-semibold">{t("label")}</span>
          {LINKS.map((l) => (
            <Link key={l.href} href={l.href} className="hover:underline">
              {t(l.key)}
            </Link>
          ))}
        </nav>
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
