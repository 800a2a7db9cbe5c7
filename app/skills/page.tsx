import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { SkillCatalog } from "@/components/skills/skill-catalog";
import { LevelScale } from "@/components/teams/level-scale";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { pageNumber } from "@/lib/server/paging";
import { listSkillsPage } from "@/lib/server/skills";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("teams.skills");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function SkillsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const page = pageNumber((await searchParams).page);
  const [skills, t] = await Promise.all([listSkillsPage(actor, page), getTranslations("teams.skills")]);
  return (
    <ClientMessages namespaces={["common.errors", "teams"]}>
      <section className="skills-page" aria-labelledby="skills-title">
        <h1 id="skills-title">{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
        <SkillCatalog skills={skills.items} canEdit={can(actor.role, "skill.write")} />
        <Pager
          page={skills.page}
          pageCount={skills.pageCount}
          hrefFor={(p) => `/skills?page=${p}`}
          label={t("pagesLabel")}
        />
        <LevelScale id="level-scale" title={t("scaleTitle")} />
        <p className="hint">{t("scaleLede")}</p>
      </section>
    </ClientMessages>
  );
}
