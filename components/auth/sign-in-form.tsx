"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";

/** Errors the server names in the sign-in page's `error` parameter, each with its own message. */
const NAMED_ERRORS = ["OAuthNoEmail", "OAuthUnverifiedEmail", "OAuthAdminAccount"] as const;
type NamedError = (typeof NAMED_ERRORS)[number];

interface Props {
  callbackUrl: string;
  oauthProviders: { id: string; name: string }[];
  /** The `error` parameter next-auth sent back here (an OAuth refusal or failure), if any. */
  oauthError: string | null;
}

/** Email + password sign-in, plus any OAuth providers the deployment switched on. */
export function SignInForm({ callbackUrl, oauthProviders, oauthError }: Props) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const initialError = !oauthError
    ? ""
    : (NAMED_ERRORS as readonly string[]).includes(oauthError)
      ? t(`oauthErrors.${oauthError as NamedError}`)
      : t("failed");
  const [error, setError] = useState(initialError);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError(t("missing"));
    setBusy(true);
    const result = await signIn("credentials", { email, password, redirect: false });
    setBusy(false);
    if (result?.status === 429) return setError(t("tooMany"));
    if (!result || result.error) return setError(t("mismatch"));
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <div className="mt-6 space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div>
          <label htmlFor="email" className={labelClass}>
            {t("email")}
          </label>
          <input id="email" name="email" type="email" autoComplete="email" className={inputClass} />
        </div>
        <div>
          <label htmlFor="password" className={labelClass}>
            {t("password")}
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" className={inputClass} />
        </div>
        <FieldError message={error} />
        <button type="submit" className={buttonClass} disabled={isBusy}>
          {isBusy ? t("busy") : t("submit")}
        </button>
      </form>
      {oauthProviders.length > 0 && (
        <div className="space-y-2 border-t border-slate-200 pt-4">
          {oauthProviders.map((p) => (
            <button
              key={p.id}
              type="button"
              className="w-full rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100"
              onClick={() => signIn(p.id, { callbackUrl })}
            >
              {t("continueWith", { provider: p.name })}
            </button>
          ))}
        </div>
      )}
      <p className="text-sm text-slate-600">
        {t.rich("newHere", {
          link: (chunks) => (
            <Link href="/signup" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
