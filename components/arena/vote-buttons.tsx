"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { Outcome } from "@/lib/generated/prisma/enums";
import { useIsHydrated } from "./use-arena-api";

const CHOICES: { outcome: Outcome; key: "a" | "b" | "tie" | "bothBad"; shortcut: string }[] = [
  { outcome: "A", key: "a", shortcut: "1" },
  { outcome: "B", key: "b", shortcut: "2" },
  { outcome: "TIE", key: "tie", shortcut: "3" },
  { outcome: "BOTH_BAD", key: "bothBad", shortcut: "4" },
];

/** Keyboard hints are for keyboards: hidden on touch screens (no hover, or a coarse pointer). */
const DESKTOP_ONLY = "pointer-coarse:hidden [@media(hover:none)]:hidden";

/** True when a key press belongs to a text field (typing "1" in the prompt is not a vote). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The four choices, with keyboard shortcuts 1–4 (shown on the buttons on desktop). The bar sticks
 * to the bottom of the viewport while the answers scroll past, so a phone never has to scroll to
 * vote; it sits in the page's flow, so at the end of the page it covers nothing.
 */
export function VoteButtons({ isDisabled: isBusy, onVote }: { isDisabled: boolean; onVote: (outcome: Outcome) => void }) {
  const t = useTranslations("arena");
  const isHydrated = useIsHydrated();
  const isDisabled = isBusy || !isHydrated;

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isDisabled || event.repeat || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const choice = CHOICES.find((c) => c.shortcut === event.key);
      if (!choice) return;
      event.preventDefault();
      onVote(choice.outcome);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [isDisabled, onVote]);

  return (
    <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur-sm" data-testid="vote-bar">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {CHOICES.map((c) => (
          <button
            key={c.outcome}
            type="button"
            disabled={isDisabled}
            aria-keyshortcuts={c.shortcut}
            onClick={() => onVote(c.outcome)}
            className="flex items-center justify-center gap-2 rounded border border-slate-300 bg-white px-4 py-3 text-sm font-medium hover:bg-slate-100 disabled:opacity-50"
          >
            <kbd
              aria-hidden="true"
              className={`rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs text-slate-600 ${DESKTOP_ONLY}`}
              data-testid="shortcut-hint"
            >
              {c.shortcut}
            </kbd>
            {t(`vote.${c.key}`)}
          </button>
        ))}
      </div>
      <p className={`mt-2 text-xs text-slate-600 ${DESKTOP_ONLY}`} data-testid="shortcut-hint">
        {t("vote.shortcutHint")}
      </p>
    </div>
  );
}
