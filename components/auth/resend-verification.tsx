"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";

/** Asks for a new confirmation link (the server limits how many per hour). */
export function ResendVerification({ email }: { email: string }) {
  const t = useTranslations("profile.email");
  const [state, setState] = useState<"idle" | "busy" | "sent">("idle");
  const [error, setError] = useState("");

  async function resend() {
    setState("busy");
    setError("");
    const response = await fetch("/api/profile/verification", { method: "POST" });
    if (response.ok) return setState("sent");
    const body = await response.json().catch(() => null);
    setState("idle");
    setError(body?.error?.message ?? t("sendFailed"));
  }

  if (state === "sent") return <p role="status" className="text-sm text-green-700">{t("sent", { email })}</p>;
  return (
    <div>
      <button type="button" onClick={resend} disabled={state === "busy"} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50">
        {state === "busy" ? t("sending") : t("resend")}
      </button>
      <FieldError message={error} />
    </div>
  );
}
