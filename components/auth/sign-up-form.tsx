"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";
import { formErrors } from "@/lib/client/form-errors";
import { signUpSchema } from "@/lib/profile-schema";
import { issueMessages, signUpIssueKey } from "./form-issues";

/** Email + password sign-up; on success signs in and continues to the profile. */
export function SignUpForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const apiMessage = useApiErrorMessage();
  // What the schema refuses before sending (in the reader's language); the server's refusals come from the mutation.
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [signInFailed, setSignInFailed] = useState(false);
  const signUp = useMutation({
    mutationFn: async (account: { email: string; password: string }) => {
      await apiRequest("/api/signup", { method: "POST", body: account });
      // The account exists now; the session cookie comes from next-auth's own sign-in.
      const result = await signIn("credentials", { ...account, redirect: false });
      return !result || result.error ? "signInFailed" : "signedIn";
    },
    onSuccess: (outcome) => {
      if (outcome === "signInFailed") return setSignInFailed(true);
      router.push("/profile?next=/arena");
      router.refresh();
    },
  });
  const errors: Record<string, string> = {
    ...formErrors(signUp.error, apiMessage),
    ...(signInFailed ? { _: t("signUp.signInFailed") } : {}),
    ...localErrors,
  };
  // Busy from the request until the profile page replaces this one.
  const isBusy = signUp.isPending || (signUp.isSuccess && !signInFailed);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signUpSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    setSignInFailed(false);
    if (!parsed.success) {
      signUp.reset();
      return setLocalErrors(issueMessages(parsed.error.issues, (field, code) => t(`errors.${signUpIssueKey(field, code)}`)));
    }
    setLocalErrors({});
    signUp.mutate(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <div>
        <label htmlFor="email" className={labelClass}>
          {t("signUp.email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="email" className={inputClass} aria-invalid={Boolean(errors.email)} />
        <FieldError message={errors.email} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          {t("signUp.password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={Boolean(errors.password)}
        />
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
