"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";

/** Ends every session of this account on the server, then clears this browser's cookie. */
export function SignOutEverywhere() {
  const t = useTranslations("profile.sessions");
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function signOutEverywhere() {
    setBusy(true);
    setError("");
    const response = await fetch("/api/profile/sessions", { method: "DELETE" });
    if (!response.ok) {
      setBusy(false);
      return setError(t("failed"));
    }
    await signOut({ callbackUrl: "/" });
  }

  return (
    <div>
      <button type="button" onClick={signOutEverywhere} disabled={isBusy} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50">
        {isBusy ? t("busy") : t("signOutEverywhere")}
      </button>
      <FieldError message={error} />
    </div>
  );
}
