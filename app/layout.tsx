import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { clientMessages, PUBLIC_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { isLocale, textDirection } from "@/lib/i18n/locales";
import "./globals.css";
import { Providers } from "./providers";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("common")]);
  return (
    <html lang={locale} dir={isLocale(locale) ? textDirection(locale) : "ltr"}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* The first focusable element: keyboard users jump past the navigation to the page's content. */}
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        {/* Only the namespaces public client components use: every message sent here is in every page. */}
        <NextIntlClientProvider messages={clientMessages(messages, PUBLIC_CLIENT_NAMESPACES)}>
          <Providers>
            <SiteHeader />
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6">
              {children}
            </main>
            <SiteFooter />
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
