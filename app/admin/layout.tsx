import Link from "next/link";
import type { ReactNode } from "react";
import { AdminForbidden, getPageAdmin } from "@/components/admin/admin-access";

const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/policy", label: "Data policy" },
  { href: "/admin/snapshots", label: "Snapshots" },
  { href: "/admin/audit", label: "Audit log" },
];

/** Admin area: admins only (each page and route handler checks again). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await getPageAdmin("/admin");
  if (!admin) return <AdminForbidden />;
  return (
    <div className="space-y-5">
      <nav aria-label="Admin" className="flex flex-wrap gap-4 border-b border-slate-200 pb-2 text-sm">
        <span className="font-semibold">Admin</span>
        {LINKS.map((l) => (
          <Link key={l.href} href={l.href} className="hover:underline">
            {l.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
