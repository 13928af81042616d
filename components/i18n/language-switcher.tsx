"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition, type KeyboardEvent } from "react";
import { usePopover } from "@/components/ui/use-popover";
import { setLocale } from "@/lib/actions/locale";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * The interface-language menu: a button that opens the list of languages. Only a click (or Enter/Space) on a
 * language switches, never arrow-key browsing; the choice is saved in a cookie, the page re-renders in that
 * language, and focus stays on the menu button.
 */
export function LanguageSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { open, setOpen, button, panel: list, panelId: listId, close } = usePopover<HTMLUListElement>("[aria-current=true]");
  const choose = (next: string) => {
    close();
    if (next === locale) return;
    startTransition(async () => {
      await setLocale(next);
      router.refresh();
    });
  };
  /** Arrow keys move between languages (they never choose); Escape closes. */
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const items = [...(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <div className="relative" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        data-testid="language-menu"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-busy={pending || undefined}
        onClick={() => setOpen(!open)}
        className="flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-sm"
      >
        <span className="sr-only">{t("interfaceLanguage")}: </span>
        <span lang={locale}>{LOCALE_NAMES[locale as keyof typeof LOCALE_NAMES] ?? locale}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={list}
          id={listId}
          data-testid="language-list"
          aria-label={t("interfaceLanguage")}
          className="absolute end-0 z-30 mt-1 min-w-36 rounded border border-slate-300 bg-white py-1 shadow-lg"
        >
          {LOCALES.map((code) => (
            <li key={code}>
              <button
                type="button"
                lang={code}
                aria-current={code === locale}
                onClick={() => choose(code)}
                className="block w-full px-3 py-1 text-start text-sm hover:bg-slate-100 aria-[current=true]:font-semibold"
              >
                {LOCALE_NAMES[code]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
