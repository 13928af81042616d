"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A fenced code block: scrolls sideways inside itself (a named, focusable region, so a keyboard
 * can scroll it), with a copy button that says, and announces, when the code was copied.
 */
export function CodeBlock({ language, children }: { language: string | null; children?: ReactNode }) {
  const t = useTranslations("arena.markdown");
  const pre = useRef<HTMLPreElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (copy === "idle") return;
    const timer = setTimeout(() => setCopy("idle"), 2500);
    return () => clearTimeout(timer);
  }, [copy]);

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(pre.current?.textContent ?? "");
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  const label = language ? t("codeIn", { language }) : t("code");
  return (
    <div className="md-code">
      <div className="md-code-bar">
        <span dir="ltr">{language ?? ""}</span>
        <button type="button" onClick={onCopy} className="md-copy">
          {copy === "copied" ? t("copied") : t("copy")}
        </button>
      </div>
      <span role="status" className="sr-only">
        {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : ""}
      </span>
      {copy === "failed" && <p className="md-copy-failed">{t("copyFailed")}</p>}
      <pre ref={pre} tabIndex={0} role="region" aria-label={label} dir="ltr">
        {children}
      </pre>
    </div>
  );
}
