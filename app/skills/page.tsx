import { getTranslations } from "next-intl/server";
import { SkillCatalog } from "@/components/skills/skill-catalog";
import { LevelScale } from "@/components/teams/level-scale";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { listSkills } from "@/lib/server/skills";

export async function generateMetadata() {
  const t = await getTranslations("teams.skills");
  return { title: t("title") };
}

export default async function SkillsPage() {
  const actor = await requireActor();
  const [skills, t] = await Promise.all([listSkills(actor), getTranslations("teams.skills")]);
  return (
    <section className="skills-page" aria-labelledby="skills-title">
      <h1 id="skills-title">{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <SkillCatalog skills={skills} canEdit={can(actor.role, "skill.write")} />
      <LevelScale id="level-scale" title={t("scaleTitle")} />
      <p className="hint">{t("scaleLede")}</p>
    </section>
  );
}
