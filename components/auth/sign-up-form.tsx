"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { signUpSchema } from "@/lib/profile-schema";
import { fieldErrors } from "@/lib/errors";

/** Email + password sign-up; on success signs in and continues to the profile. */
export function SignUpForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signUpSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    setBusy(true);
    const response = await fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      setBusy(false);
      return setErrors({ _: body?.error?.message ?? "Sign-up failed. Please try again." });
    }
    const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    if (!result || result.error) {
      setBusy(false);
      return setErrors({ _: "Your account was created, but signing in failed. Please sign in." });
    }
    router.push("/profile?next=/arena");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <div>
        <label htmlFor="email" className={labelClass}>Email</label>
        <input id="email" name="email" type="email" autoComplete="email" className={inputClass} aria-invalid={Boolean(errors.email)} />
        <FieldError message={errors.email} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>Password (at least 8 characters)</label>
        <input id="password" name="password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={Boolean(errors.password)} />
        <FieldError message={errors.password} />
      </div>
      <FieldError message={errors._} />
      <button type="submit" className={buttonClass} disabled={isBusy}>
        {isBusy ? "Creating account…" : "Create account"}
      </button>
      <p className="text-sm text-slate-600">
        Already have an account? <Link href="/signin" className="underline">Sign in</Link>
      </p>
    </form>
  );
}
