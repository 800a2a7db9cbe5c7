import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentSession } from "@/lib/server/context";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.signUp"))("title") };
}

export default async function SignUpPage() {
  if (await currentSession()) redirect("/");
  const t = await getTranslations("auth.signUp");
  return (
    <ClientMessages namespaces={["auth", "common.errors"]}>
      <section className="auth-page">
        <h1 id="sign-up-title">{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
        <SignUpForm />
      </section>
    </ClientMessages>
  );
}
