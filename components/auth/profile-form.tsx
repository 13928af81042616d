"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { profileSchema, type ProfileInput } from "@/lib/profile-schema";
import { PREFER_NOT_TO_SAY } from "@/lib/slices";
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
}

/** The four demographic questions, each with "Prefer not to say". */
export function ProfileForm({ initial, options, next }: Props) {
  const t = useTranslations("profile");
  const tSlices = useTranslations("slices");
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
    const parsed = profileSchema.safeParse(values);
    if (!parsed.success) return setErrors(issueMessages(parsed.error.issues, (field, code) => t(`errors.${profileIssueKey(field, code)}`)));
    setErrors({});
    setBusy(true);
    const response = await fetch("/api/profile", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(values) });
    setBusy(false);
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      return setErrors(body?.error?.details ?? { _: body?.error?.message ?? t("saveFailed") });
    }
    setSaved(true);
    if (next) router.push(next);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {FIELDS.map((field) => (
        <div key={field}>
          <label htmlFor={field} className={labelClass}>{t(`fields.${field}`)}</label>
          <select id={field} name={field} defaultValue={initial[field]} className={inputClass} aria-invalid={Boolean(errors[field])}>
            <option value="" disabled>{t("choose")}</option>
            <option value={PREFER_NOT_TO_SAY}>{tSlices("preferNotToSay")}</option>
            {options[field].map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
          <FieldError message={errors[field]} />
        </div>
      ))}
      <FieldError message={errors._} />
      {saved && !next && <p role="status" className="text-sm text-green-700">{t("saved")}</p>}
      <button type="submit" className={buttonClass} disabled={isBusy}>
        {isBusy ? t("saving") : next ? t("saveAndContinue") : t("save")}
      </button>
    </form>
  );
}
