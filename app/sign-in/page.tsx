import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentSession } from "@/lib/server/context";
import { hasDemoWorkspace } from "@/lib/server/workspaces";
import { safeRedirectPathOrUndefined } from "@/lib/http/safe-redirect";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = safeRedirectPathOrUndefined(raw);
  if (await currentSession()) redirect(next ?? "/");
  const t = await getTranslations("auth.signIn");
  return (
    <ClientMessages namespaces={["auth", "common.errors"]}>
      <section className="auth-page">
        <h1 id="sign-in-title">{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
        <SignInForm next={next} />
        {(await hasDemoWorkspace()) && <p className="hint">{t("demoHint")}</p>}
      </section>
    </ClientMessages>
  );
}
