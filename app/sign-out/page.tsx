import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/auth";
import { requireSession } from "@/lib/server/context";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.signOut"))("title") };
}

/** Sign-out is a POST (a server action), never a GET, so a link or image on another site cannot sign anyone out. */
export default async function SignOutPage() {
  await requireSession();
  const t = await getTranslations("auth.signOut");
  return (
    <section className="auth-page">
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <form action={signOutAction}>
        <button type="submit" className="button-primary">
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
