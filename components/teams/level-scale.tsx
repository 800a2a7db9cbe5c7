// The fixed 0–10 level scale with its words; shown on /skills and as help beside the rating grid.
import { useTranslations } from "next-intl";
import { levelKey, SKILL_LEVELS } from "@/lib/validation/skill";
import { levelColour } from "./level-colour";

export function LevelScale({ id, title }: { id?: string; title: string }) {
  const t = useTranslations("teams.levels");
  return (
    <section className="level-scale" aria-labelledby={id ? `${id}-title` : undefined}>
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      <dl>
        {SKILL_LEVELS.map((level) => (
          <div key={level} className="level-scale-row">
            <dt style={{ background: levelColour(level) }}>{level}</dt>
            <dd>{t(levelKey(level))}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
