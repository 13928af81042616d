"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";

/**
 * Exclude or restore one contributor's votes with a note. POST /api/admin/contributors/[id]/…
 * checks the admin role and records the change in the audit log.
 */
export function ContributorReviewForm({ id, email, isExcluded }: { id: string; email: string; isExcluded: boolean }) {
  const t = useTranslations("adminContributors");
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const action = isExcluded ? "restore" : "exclude";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    setBusy(true);
    setStatus(null);
    const response = await fetch(`/api/admin/contributors/${encodeURIComponent(id)}/${action}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ note }),
    }).catch(() => null);
    setBusy(false);
    const result = await response?.json().catch(() => null);
    if (!response?.ok) return setError(result?.error?.message ?? t("failed"));
    setError(undefined);
    setStatus(t(isExcluded ? "restored" : "excluded", { count: Number(result?.votes ?? 0) }));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-2" aria-label={t(action) + " " + email}>
      <input
        name="note"
        required
        minLength={3}
        maxLength={1000}
        aria-label={t("noteLabel", { email })}
        placeholder={t("notePlaceholder")}
        className="w-56 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
      />
      <button
        type="submit"
        disabled={isBusy}
        className={`rounded px-2 py-1 text-sm font-medium disabled:opacity-50 ${isExcluded ? "border border-slate-300 hover:bg-slate-100" : "bg-red-700 text-white hover:bg-red-600"}`}
      >
        {isBusy ? t("working") : t(action)}
      </button>
      {status && <span role="status" className="text-sm text-green-700">{status}</span>}
      <FieldError message={error} />
    </form>
  );
}
