import { useTranslations } from "next-intl";

export function NoWorkspace() {
  const t = useTranslations("common");
  return (
    <section className="empty-state">
      <h1>{t("noWorkspace.title")}</h1>
      <p>{t("noWorkspace.body")}</p>
    </section>
  );
}
