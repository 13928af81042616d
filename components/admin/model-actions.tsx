"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";
import { formErrors } from "@/lib/client/form-errors";
import { DEPRECATION_CLAUSES } from "@/lib/roster/deprecation-rule";

type Action = "pause" | "resume" | "deprecate" | "publish" | "withdraw";

/** Status and visibility changes of one model; the server checks each transition again. */
export function ModelActions({ id, status, visibility }: { id: string; status: string; visibility: string }) {
  const t = useTranslations("adminModels.actions");
  const router = useRouter();
  const apiMessage = useApiErrorMessage();
  const change = useMutation({
    mutationFn: ({ action, extra }: { action: Action; extra?: Record<string, string> }) =>
      apiRequest(`/api/admin/models/${id}/actions`, { method: "POST", body: { action, ...extra } }),
    onSuccess: () => router.refresh(),
  });
  const errors = formErrors(change.error, apiMessage, t("fixFields"));
  const isBusy = change.isPending;
  const run = (action: Action, extra?: Record<string, string>) => change.mutate({ action, extra });

  function onDeprecate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    run("deprecate", { clause: String(form.get("clause") ?? ""), reason: String(form.get("reason") ?? "") });
  }

  const button = (action: Action) => (
    <button type="button" className={buttonClass} disabled={isBusy} onClick={() => run(action)}>
      {t(`buttons.${action}`)}
    </button>
  );

  return (
    <div className="space-y-4" data-testid="model-actions">
      <div className="flex flex-wrap gap-2">
        {status === "ACTIVE" && button("pause")}
        {status === "PAUSED" && button("resume")}
        {visibility === "PRIVATE_TESTING" && button("publish")}
        {visibility === "PRIVATE_TESTING" && button("withdraw")}
      </div>
      {visibility === "PRIVATE_TESTING" && <p className="text-xs text-slate-500">{t("testingEndHelp")}</p>}
      {status !== "DEPRECATED" && (
        <form
          onSubmit={onDeprecate}
          noValidate
          className="max-w-2xl space-y-3 rounded border border-slate-200 p-3"
          aria-label={t("deprecateLabel")}
        >
          <h3 className="font-semibold">{t("deprecateTitle")}</h3>
          <p className="text-xs text-slate-500">{t("deprecateHelp")}</p>
          <div>
            <label htmlFor="clause" className={labelClass}>
              {t("clause")}
            </label>
            <select id="clause" name="clause" defaultValue="" className={inputClass} aria-invalid={Boolean(errors.clause)}>
              <option value="" disabled>
                {t("chooseClause")}
              </option>
              {DEPRECATION_CLAUSES.map((c) => (
                <option key={c} value={c}>
                  {t(`clauses.${c}`)}
                </option>
              ))}
            </select>
            <FieldError message={errors.clause} />
          </div>
          <div>
            <label htmlFor="reason" className={labelClass}>
              {t("reason")}
            </label>
            <textarea id="reason" name="reason" rows={3} className={inputClass} aria-invalid={Boolean(errors.reason)} />
            <FieldError message={errors.reason} />
          </div>
          <button type="submit" className={buttonClass} disabled={isBusy}>
            {t("buttons.deprecate")}
          </button>
        </form>
      )}
      <FieldError message={errors._} />
      {change.isSuccess && (
        <p role="status" className="text-sm text-green-700">
          {t(`done.${change.variables.action}`)}
        </p>
      )}
    </div>
  );
}
