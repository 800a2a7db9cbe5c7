"use client";
// One criterion of the score grid: its name and scale as the row header, then one cell per candidate.
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { CriterionDto } from "@/lib/decisions/dto";
import { ratingBounds } from "@/lib/validation/score";
import { formatRaw } from "@/components/decisions/number-format";

export function ScoreRow({
  criterion,
  index,
  children,
}: {
  criterion: CriterionDto;
  index: number;
  children: ReactNode;
}) {
  const t = useTranslations("scores.grid");
  const f = useFormatter();
  const scale = (() => {
    if (criterion.kind === "SKILL_MATCH") return t("computed");
    if (criterion.kind === "METRIC") return criterion.unit ? t("unit", { unit: criterion.unit }) : t("metric");
    const { min, max } = ratingBounds(criterion);
    return t("scale", { min: formatRaw(f, min), max: formatRaw(f, max) });
  })();
  return (
    <tr aria-rowindex={index + 2} data-criterion={criterion.name}>
      <th scope="row" aria-colindex={1}>
        {criterion.name}
        <span className="sub">{scale}</span>
      </th>
      {children}
    </tr>
  );
}
