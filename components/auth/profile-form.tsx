"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { fieldErrors } from "@/lib/errors";
import { profileSchema, type ProfileInput } from "@/lib/profile-schema";
import { PREFER_NOT_TO_SAY } from "@/lib/slices";

type Field = keyof ProfileInput;
interface Option {
  value: string;
  label: string;
}

const FIELDS: { name: Field; label: string }[] = [
  { name: "country", label: "Country you live in" },
  { name: "ageBand", label: "Age" },
  { name: "education", label: "Highest education completed" },
  { name: "language", label: "Main language" },
];

interface Props {
  initial: Record<Field, string>;
  options: Record<Field, Option[]>;
  next: string | null;
}

/** The four demographic questions, each with "Prefer not to say". */
export function ProfileForm({ initial, options, next }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(FIELDS.map((f) => [f.name, String(form.get(f.name) ?? "")]));
    const parsed = profileSchema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    setBusy(true);
    const response = await fetch("/api/profile", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(values) });
    setBusy(false);
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      return setErrors(body?.error?.details ?? { _: body?.error?.message ?? "Saving failed. Please try again." });
    }
    setSaved(true);
    if (next) router.push(next);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={field.name} className={labelClass}>{field.label}</label>
          <select id={field.name} name={field.name} defaultValue={initial[field.name]} className={inputClass} aria-invalid={Boolean(errors[field.name])}>
            <option value="" disabled>Choose…</option>
            <option value={PREFER_NOT_TO_SAY}>Prefer not to say</option>
            {options[field.name].map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
          <FieldError message={errors[field.name]} />
        </div>
      ))}
      <FieldError message={errors._} />
      {saved && !next && <p role="status" className="text-sm text-green-700">Profile saved.</p>}
      <button type="submit" className={buttonClass} disabled={isBusy}>
        {isBusy ? "Saving…" : next ? "Save and continue" : "Save profile"}
      </button>
    </form>
  );
}
