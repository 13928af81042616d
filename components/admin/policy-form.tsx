"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { fieldErrors } from "@/lib/errors";
import { policySchema, type Policy } from "@/lib/policy";

const FIELDS: { name: keyof Policy; label: string; help: string }[] = [
  { name: "holdoutDays", label: "Holdout (days)", help: "Votes younger than this are left out of every export." },
  { name: "minSliceVoters", label: "Minimum distinct voters per slice", help: "Smaller slices are not ranked (and no one is singled out)." },
  { name: "minModelVotes", label: "Minimum votes per model", help: "Below this a model is listed as “not enough votes” in a slice." },
  { name: "bootstrapRounds", label: "Bootstrap rounds", help: "Resamples behind the 95% intervals (10–2000)." },
  { name: "bootstrapSeed", label: "Bootstrap seed", help: "Fixes the resamples, so the same votes give the same intervals." },
];

/** The data policy form: validated with policySchema here and again by PUT /api/admin/policy. */
export function PolicyForm({ initial }: { initial: Policy }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const form = new FormData(event.currentTarget);
    const parsed = policySchema.safeParse(Object.fromEntries(FIELDS.map((f) => [f.name, String(form.get(f.name) ?? "").trim() || undefined])));
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    setBusy(true);
    const response = await fetch("/api/admin/policy", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
    setBusy(false);
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      return setErrors(body?.error?.details ?? { _: body?.error?.message ?? "Saving failed. Please try again." });
    }
    setStatus("Policy saved. The change is in the audit log.");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-lg space-y-4" aria-label="Data policy">
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className={labelClass}>{f.label}</label>
          <input
            id={f.name}
            name={f.name}
            type="number"
            inputMode="numeric"
            defaultValue={initial[f.name]}
            className={inputClass}
            aria-invalid={Boolean(errors[f.name])}
            aria-describedby={`${f.name}-help`}
          />
          <p id={`${f.name}-help`} className="mt-1 text-xs text-slate-500">{f.help}</p>
          <FieldError message={errors[f.name]} />
        </div>
      ))}
      <FieldError message={errors._} />
      {status && <p role="status" className="text-sm text-green-700">{status}</p>}
      <button type="submit" className={buttonClass} disabled={isBusy}>
        {isBusy ? "Saving…" : "Save policy"}
      </button>
    </form>
  );
}
