"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";

const ROLES = ["CONTRIBUTOR", "CUSTOMER", "ADMIN"] as const;

/** One account's role menu; PATCH /api/admin/users/[id] checks the role and the last-admin rule. */
export function UserRoleForm({ id, email, role }: { id: string; email: string; role: string }) {
  const t = useTranslations("admin.users");
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get("role"));
    setBusy(true);
    setStatus(null);
    const response = await fetch(`/api/admin/users/${id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: next }) });
    setBusy(false);
    const result = await response.json().catch(() => null);
    if (!response.ok) return setError(result?.error?.message ?? t("failed"));
    setError(undefined);
    setStatus(t("saved"));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label={t("changeRole", { email })}>
      <select name="role" defaultValue={role} aria-label={t("changeRole", { email })} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm">
        {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
      </select>
      <button type="submit" disabled={isBusy} className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50">
        {isBusy ? t("saving") : t("save")}
      </button>
      {status && <span role="status" className="text-sm text-green-700">{status}</span>}
      <FieldError message={error} />
    </form>
  );
}
