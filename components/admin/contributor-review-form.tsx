"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";

/**
 * Exclude or restore one contributor's votes with a note. POST /api/admin/contributors/[id]/…
 * checks the admin role and records the change in the audit log.
 */
export function ContributorReviewForm({ id, email, isExcluded }: { id: string; email: string; isExcluded: boolean }) {
  const t = useTranslations("adminContributors");
  const router = useRouter();
  const apiMessage = useApiErrorMessage();
  const action = isExcluded ? "restore" : "exclude";
  const review = useMutation({
    mutationFn: ({ note, action }: { note: string; action: "exclude" | "restore" }) =>
      apiRequest<{ votes?: number }>(`/api/admin/contributors/${encodeURIComponent(id)}/${action}`, { method: "POST", body: { note } }),
    onSuccess: () => router.refresh(),
  });
  const isBusy = review.isPending;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    review.mutate({ note: String(new FormData(event.currentTarget).get("note") ?? ""), action });
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
        className="w-56 rounded border border-slate-500 bg-white px-2 py-1 text-sm"
      />
      <button
        type="submit"
        disabled={isBusy}
        className={`rounded px-2 py-1 text-sm font-medium disabled:opacity-50 ${isExcluded ? "border border-slate-300 hover:bg-slate-100" : "bg-red-700 text-white hover:bg-red-600"}`}
      >
        {isBusy ? t("working") : t(action)}
      </button>
      {review.isSuccess && (
        // The action that just succeeded, not the one the refreshed row now offers.
        <span role="status" className="text-sm text-green-700">
          {t(review.variables.action === "exclude" ? "excluded" : "restored", { count: Number(review.data?.votes ?? 0) })}
        </span>
      )}
      <FieldError message={review.error ? apiMessage(review.error) : undefined} />
    </form>
  );
}
