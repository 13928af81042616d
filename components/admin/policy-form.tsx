"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";
import { formErrors } from "@/lib/client/form-errors";
import { fieldErrors } from "@/lib/errors";
import { policySchema, type Policy } from "@/lib/policy";

const SECTIONS: { key: "data" | "boards" | "roster" | "contributors" | "rateLimits" | "sampling"; fields: (keyof Policy)[] }[] = [
  { key: "data", fields: ["holdoutDays", "minSliceVoters", "minModelVotes", "bootstrapRounds", "bootstrapSeed"] },
  { key: "boards", fields: ["excludeReplayVotes", "requireVerifiedEmail"] },
  { key: "roster", fields: ["privateVariantCap"] },
  {
    key: "contributors",
    fields: ["profileChangeDays", "signupsPerHourPerIp", "signInFailuresPerHourPerUser", "signInFailuresPerHourPerIp"],
  },
  { key: "rateLimits", fields: ["battlesPerHourPerUser", "votesPerHourPerUser", "battlesPerHourPerIp", "votesPerHourPerIp"] },
  { key: "sampling", fields: ["samplingTargetVotes", "samplingMaxBoost"] },
];
const FIELDS = SECTIONS.flatMap((s) => s.fields);
/** Yes/no settings are checkboxes; every other field is a number. */
const SWITCHES = new Set<keyof Policy>(["excludeReplayVotes", "requireVerifiedEmail"]);

/** The form's values as the policy schema expects them (a checkbox is present only when ticked). */
function formValues(form: FormData): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((f) => [f, SWITCHES.has(f) ? form.get(f) === "on" : String(form.get(f) ?? "").trim() || undefined]));
}

/** The data policy form: validated with policySchema here and again by PUT /api/admin/policy. */
export function PolicyForm({ initial }: { initial: Policy }) {
  const t = useTranslations("adminPolicy");
  const router = useRouter();
  const apiMessage = useApiErrorMessage();
  // What the schema refuses before sending; the server's refusals come from the mutation.
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (policy: Policy) => apiRequest("/api/admin/policy", { method: "PUT", body: policy }),
    onSuccess: () => router.refresh(),
  });
  const errors = { ...formErrors(save.error, apiMessage), ...localErrors };
  const isBusy = save.isPending;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = policySchema.safeParse(formValues(new FormData(event.currentTarget)));
    if (!parsed.success) {
      save.reset();
      return setLocalErrors(fieldErrors(parsed.error.issues));
    }
    setLocalErrors({});
    save.mutate(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-lg space-y-6" aria-label={t("formLabel")}>
      {SECTIONS.map((section) => (
        <fieldset key={section.key} className="space-y-4">
          <legend className="mb-2 text-base font-semibold">{t(`sections.${section.key}`)}</legend>
          {section.fields.map((f) =>
            SWITCHES.has(f) ? (
              <div key={f}>
                <label className="flex items-start gap-2 text-sm font-medium">
                  <input
                    id={f}
                    name={f}
                    type="checkbox"
                    defaultChecked={Boolean(initial[f])}
                    className="mt-1"
                    aria-describedby={`${f}-help`}
                  />
                  <span>{t(`fields.${f}.label`)}</span>
                </label>
                <p id={`${f}-help`} className="mt-1 text-xs text-slate-500">
                  {t(`fields.${f}.help`)}
                </p>
                <FieldError message={errors[f]} />
              </div>
            ) : (
              <div key={f}>
                <label htmlFor={f} className={labelClass}>
                  {t(`fields.${f}.label`)}
                </label>
                <input
                  id={f}
                  name={f}
                  type="number"
                  inputMode={f === "samplingMaxBoost" ? "decimal" : "numeric"}
                  step={f === "samplingMaxBoost" ? "0.1" : "1"}
                  defaultValue={Number(initial[f])}
                  className={inputClass}
                  aria-invalid={Boolean(errors[f])}
                  aria-describedby={`${f}-help`}
                />
                <p id={`${f}-help`} className="mt-1 text-xs text-slate-500">
                  {t(`fields.${f}.help`)}
                </p>
                <FieldError message={errors[f]} />
              </div>
            ),
          )}
        </fieldset>
      ))}
      <FieldError message={errors._} />
      {save.isSuccess && (
        <p role="status" className="text-sm text-green-700">
          {t("saved")}
        </p>
      )}
      <button type="submit" className={buttonClass} disabled={isBusy}>
        {isBusy ? t("saving") : t("save")}
      </button>
    </form>
  );
}
