"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { apiRequest, isApiError, useApiErrorMessage } from "@/lib/client/api-client";
import { formErrors } from "@/lib/client/form-errors";
import { profileSchema, type ProfileInput } from "@/lib/profile-schema";
import { PREFER_NOT_TO_SAY } from "@/lib/slices";
import { formatDay } from "./format-day";
import { issueMessages, profileIssueKey } from "./form-issues";

type Field = keyof ProfileInput;
interface Option {
  value: string;
  label: string;
}

const FIELDS: readonly Field[] = ["country", "ageBand", "education", "language"];

interface Props {
  initial: Record<Field, string>;
  options: Record<Field, Option[]>;
  next: string | null;
  /** When each answer may change next (ISO time), or null when it may change now. */
  nextChangeAt: Record<Field, string | null>;
}

/** The server's refusal of a too-early change, as messages beside each refused answer. */
function tooSoonErrors(details: Record<string, string>, message: (date: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of FIELDS) {
    const at = details[`${field}NextChangeAt`];
    if (at) out[field] = message(at);
  }
  return out;
}

/** The four demographic questions, each with "Prefer not to say". */
export function ProfileForm({ initial, options, next, nextChangeAt }: Props) {
  const t = useTranslations("profile");
  const locale = useLocale();
  const tSlices = useTranslations("slices");
  const router = useRouter();
  const apiMessage = useApiErrorMessage();
  // What the schema refuses before sending (in the reader's language); the server's refusals come from the mutation.
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (values: Record<Field, string>) => apiRequest("/api/profile", { method: "PUT", body: values }),
    onSuccess: () => {
      if (next) router.push(next);
      router.refresh();
    },
  });
  const serverErrors =
    isApiError(save.error) && save.error.code === "audience_change_too_soon"
      ? tooSoonErrors(save.error.details, (at) => t("errors.tooSoon", { date: formatDay(at, locale) }))
      : formErrors(save.error, apiMessage);
  const errors = { ...serverErrors, ...localErrors };
  const isBusy = save.isPending;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Record<Field, string>;
    const parsed = profileSchema.safeParse(values);
    if (!parsed.success) {
      save.reset();
      return setLocalErrors(issueMessages(parsed.error.issues, (field, code) => t(`errors.${profileIssueKey(field, code)}`)));
    }
    setLocalErrors({});
    save.mutate(values);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {FIELDS.map((field) => (
        <div key={field}>
          <label htmlFor={field} className={labelClass}>
            {t(`fields.${field}`)}
          </label>
          <select id={field} name={field} defaultValue={initial[field]} className={inputClass} aria-invalid={Boolean(errors[field])}>
            <option value="" disabled>
              {t("choose")}
            </option>
            <option value={PREFER_NOT_TO_SAY}>{tSlices("preferNotToSay")}</option>
            {options[field].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {nextChangeAt[field] && !errors[field] && (
            <p className="mt-1 text-xs text-slate-600" data-testid={`next-change-${field}`}>
              {t("nextChange", { date: formatDay(nextChangeAt[field], locale) })}
            </p>
          )}
          <FieldError message={errors[field]} />
        </div>
      ))}
      <FieldError message={errors._} />
      {save.isSuccess && !next && (
        <p role="status" className="text-sm text-green-700">
          {t("saved")}
        </p>
      )}
      <button type="submit" className={buttonClass} disabled={isBusy}>
        {isBusy ? t("saving") : next ? t("saveAndContinue") : t("save")}
      </button>
    </form>
  );
}
