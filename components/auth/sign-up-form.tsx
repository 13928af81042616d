"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { signUpSchema } from "@/lib/profile-schema";
import { issueMessages, signUpIssueKey } from "./form-issues";

/** Email + password sign-up; on success signs in and continues to the profile. */
export function SignUpForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signUpSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) return setErrors(issueMessages(parsed.error.issues, (field, code) => t(`errors.${signUpIssueKey(field, code)}`)));
    setErrors({});
    setBusy(true);
    const response = await fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      setBusy(false);
      return setErrors({ _: body?.error?.message ?? t("signUp.failed") });
    }
    const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    if (!result || result.error) {
      setBusy(false);
      return setErrors({ _: t("signUp.signInFailed") });
    }
    router.push("/profile?next=/arena");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <div>
        <label htmlFor="email" className={labelClass}>{t("signUp.email")}</label>
        <input id="email" name="email" type="email" autoComplete="email" className={inputClass} aria-invalid={Boolean(errors.email)} />
        <FieldError message={errors.email} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>{t("signUp.password")}</label>
        <input id="password" name="password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={Boolean(errors.password)} />
        <FieldError message={errors.password} />
      </div>
      <FieldError message={errors._} />
      <button type="submit" className={buttonClass} disabled={isBusy}>
        {isBusy ? t("signUp.busy") : t("signUp.submit")}
      </button>
      <p className="text-sm text-slate-600">
        {t.rich("signUp.haveAccount", {
          link: (chunks) => (
            <Link href="/signin" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </form>
  );
}
