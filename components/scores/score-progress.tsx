"use client";
// How far each architect has got: cells scored out of the scorable total. Counts only, never values, so showing it
// during blind scoring reveals nothing to anchor on.
import { useTranslations } from "next-intl";
import type { EvaluatorProgress } from "@/lib/server/scores";

export function ScoreProgress({
  progress,
  me,
  myCount,
  total,
}: {
  progress: EvaluatorProgress[];
  me: string;
  myCount: number | null;
  total: number;
}) {
  const t = useTranslations("scores.progress");
  return (
    <section aria-labelledby="score-progress-heading" className="score-progress">
      <h3 id="score-progress-heading">{t("title")}</h3>
      <ul className="plain" data-testid="score-progress">
        {progress.map((p) => {
          const scored = p.id === me && myCount !== null ? myCount : p.scored;
          const name = p.id === me ? t("you", { name: p.name }) : p.name;
          return (
            <li key={p.id} data-evaluator={p.name}>
              <span className="progress-name" id={`progress-${p.id}`}>
                {name}
              </span>
              <progress max={Math.max(total, 1)} value={scored} aria-labelledby={`progress-${p.id}`} />
              <span className="progress-count">{t("count", { scored, total })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
