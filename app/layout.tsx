import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountMenu } from "@/components/header/account-menu";
import { HeaderMenu } from "@/components/header/header-menu";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageSwitch } from "@/components/language-switch";
import { ScrollFrames } from "@/components/scroll-frames";
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
        <ClientMessages namespaces={["auth.header", "auth.roles"]}>
          <a href="#main" className="skip-link">
            {t("skipToContent")}
          </a>
          <header className="app-header">
            <Link href="/" className="brand">
              Stackwise
            </Link>
            <HeaderMenu label={t("menu")}>
              {/* Only members of a workspace have decisions, teams and skills to go to. */}
              {account?.activeWorkspaceId ? (
                <nav aria-label={t("mainNavigation")}>
                  <Link href="/">{t("nav.decisions")}</Link>
                  <Link href="/teams">{t("nav.teams")}</Link>
                  <Link href="/skills">{t("nav.skills")}</Link>
                </nav>
              ) : null}
              <div className="header-end">
                <AccountMenu account={account} />
                <LanguageSwitch label={t("language")} />
              </div>
            </HeaderMenu>
          </header>
          <main id="main">{children}</main>
          <ScrollFrames />
        </ClientMessages>
      </body>
    </html>
  );
}
