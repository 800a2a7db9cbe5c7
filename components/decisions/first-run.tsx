import Link from "next/link";
import { useTranslations } from "next-intl";
import { knownKey } from "@/lib/i18n/known-key";

export type FirstRunRole = "author" | "lead" | "viewer";

/**
 * What an empty workspace shows instead of an empty list: the next step for the visitor's role (authors create from
 * a template or import, team leads prepare teams and skills, viewers learn what they will get), and how it works.
 */
export function FirstRun({
  role,
  templates,
}: {
  role: FirstRunRole;
  templates: { key: string; title: string; criteria: number; candidates: number }[];
}) {
  const t = useTranslations("decisions.firstRun");
  const tn = useTranslations("setup.new");
  const templateName = (key: string, fallback: string) => {
    const k = `templates.${key}`;
    return knownKey(tn, k) ? tn(k) : fallback;
  };
  return (
    <div className="first-run" data-testid="first-run" data-role={role}>
      <section aria-labelledby="first-run-next" className="first-run-next">
        <h2 id="first-run-next">{t(`${role}.title`)}</h2>
        <p>{t(`${role}.lede`)}</p>
        {role === "author" ? (
          <>
            <h3>{t("author.templates")}</h3>
            <ul className="template-cards">
              {templates.map((x) => (
                <li key={x.key}>
                  <Link href={`/decisions/new?template=${encodeURIComponent(x.key)}`}>
                    {templateName(x.key, x.title)}
                  </Link>
                  <span className="hint">{tn("templateHint", { criteria: x.criteria, candidates: x.candidates })}</span>
                </li>
              ))}
            </ul>
            <p className="button-row">
              <Link href="/decisions/import" className="button-secondary">
                {t("author.import")}
              </Link>
              <Link href="/decisions/new" className="button-secondary">
                {t("author.blank")}
              </Link>
            </p>
            <p className="hint">{t("author.importHint")}</p>
            <p className="hint">{t("author.evaluator")}</p>
          </>
        ) : role === "lead" ? (
          <p className="button-row">
            <Link href="/teams" className="button-secondary">
              {t("lead.teams")}
            </Link>
            <Link href="/skills" className="button-secondary">
              {t("lead.skills")}
            </Link>
          </p>
        ) : (
          <ul>
            <li>{t("viewer.read")}</li>
            <li>{t("viewer.export")}</li>
            <li>{t("viewer.share")}</li>
          </ul>
        )}
      </section>
      <section aria-labelledby="first-run-how" className="first-run-how">
        <h2 id="first-run-how">{t("how.title")}</h2>
        <ol>
          <li>{t("how.frame")}</li>
          <li>{t("how.score")}</li>
          <li>{t("how.fit")}</li>
          <li>{t("how.read")}</li>
        </ol>
      </section>
    </div>
  );
}
