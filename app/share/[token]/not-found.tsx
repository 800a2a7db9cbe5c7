import { getLocale } from "next-intl/server";
import { reportTranslator } from "@/lib/export/i18n";
import type { Locale } from "@/lib/i18n/config";

export default async function ShareNotFound() {
  const t = reportTranslator((await getLocale()) as Locale);
  return (
    <section className="share-invalid">
      <h1>{t("share.invalidTitle")}</h1>
      <p>{t("share.invalid")}</p>
    </section>
  );
}
