"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";
import { formErrors } from "@/lib/client/form-errors";

const ROLES = ["CONTRIBUTOR", "CUSTOMER", "ADMIN"] as const;

/** One account's role menu; PATCH /api/admin/users/[id] checks the role and the last-admin rule. */
export function UserRoleForm({ id, email, role }: { id: string; email: string; role: string }) {
  const t = useTranslations("admin.users");
  const router = useRouter();
  const apiMessage = useApiErrorMessage();
  const save = useMutation({
    mutationFn: (next: string) => apiRequest(`/api/admin/users/${id}`, { method: "PATCH", body: { role: next } }),
    onSuccess: () => router.refresh(),
  });
  // The last-admin refusal explains itself in its `role` detail; anything else by its code.
  const errors = formErrors(save.error, apiMessage);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(String(new FormData(event.currentTarget).get("role")));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label={t("changeRole", { email })}>
      <select
        name="role"
        defaultValue={role}
        aria-label={t("changeRole", { email })}
        className="rounded border border-slate-500 bg-white px-2 py-1 text-sm"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={save.isPending}
        className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50"
      >
        {save.isPending ? t("saving") : t("save")}
      </button>
      {save.isSuccess && (
        <span role="status" className="text-sm text-green-700">
          {t("saved")}
        </span>
      )}
      <FieldError message={errors.role ?? errors._} />
    </form>
  );
}
