import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountMenu } from "@/components/header/account-menu";
import { LanguageSwitch } from "@/components/language-switch";
import { loadAccountMenu } from "@/lib/server/account-menu";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "Stackwise", template: "%s · Stackwise" }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const account = await loadAccountMenu();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <a href="#main" className="skip-link">
            {t("skipToContent")}
          </a>
          <header className="app-header">
            <Link href="/" className="brand">
              Stackwise
            </Link>
            <nav aria-label={t("mainNavigation")}>
              <Link href="/">{t("nav.decisions")}</Link>
              <Link href="/teams">{t("nav.teams")}</Link>
              <Link href="/skills">{t("nav.skills")}</Link>
            </nav>
            <div className="header-end">
              <AccountMenu account={account} />
              <LanguageSwitch />
            </div>
          </header>
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
