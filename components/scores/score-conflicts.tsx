"use client";
// A cell this person changed in another tab or browser first: show the stored value and the one typed here, and let
// them choose. Nothing is overwritten until they do.
import { useTranslations } from "next-intl";
import type { Conflict } from "./use-score-saver";

export function ScoreConflicts(props: {
  conflicts: Record<string, Conflict>;
  label: (criterionId: string, candidateId: string) => string;
  format: (v: number) => string;
  onResolve: (key: string, choice: "mine" | "theirs") => void;
}) {
  const t = useTranslations("scores.conflict");
  const entries = Object.entries(props.conflicts);
  if (entries.length === 0) return null;
  return (
    <section
      className="callout callout-error score-conflicts"
      role="alert"
      aria-labelledby="score-conflicts-heading"
      data-testid="score-conflicts"
    >
      <h3 id="score-conflicts-heading">{t("title")}</h3>
      {entries.map(([key, c]) => {
        const [criterionId, candidateId] = key.split(":");
        const theirs = c.theirs ? props.format(c.theirs.value) : t("none");
        const yours = c.yours.kind === "save" ? props.format(c.yours.value) : t("none");
        return (
          <div key={key} className="conflict" data-testid="score-conflict">
            <p>{t("explain", { cell: props.label(criterionId, candidateId) })}</p>
            <p>
              <span data-testid="conflict-theirs">{t("theirs", { value: theirs })}</span> ·{" "}
              <span data-testid="conflict-yours">{t("yours", { value: yours })}</span>
            </p>
            <button type="button" onClick={() => props.onResolve(key, "mine")}>
              {t("keepMine")}
            </button>{" "}
            <button type="button" onClick={() => props.onResolve(key, "theirs")}>
              {t("useTheirs")}
            </button>
          </div>
        );
      })}
    </section>
  );
}
