import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/server/authz";

/** Shown instead of an admin page to a member whose role does not allow it. */
export async function Forbidden({ role }: { role: Role }) {
  const t = await getTranslations("auth");
  return (
    <section className="empty-state">
      <h1>{t("forbidden.title")}</h1>
      <p>{t("forbidden.body", { role: t(`roles.${role}`) })}</p>
    </section>
  );
}
