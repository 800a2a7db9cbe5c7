// How a METRIC criterion's raw values became 0–10 points: the stated reference values, or the observed range across
// candidates (direction decides which end is best). Shown beside the figures so a reader can redo the conversion.
import { useFormatter, useTranslations } from "next-intl";
import type { CriterionDto } from "@/lib/decisions/dto";
import { metricReference } from "@/lib/scoring";
import { curveFromText } from "@/lib/validation/value-curve";
import { formatRaw } from "@/components/decisions/number-format";

export function PointsBasis({
  criterion,
  values,
}: {
  criterion: Pick<CriterionDto, "direction" | "worst" | "best" | "unit" | "valueCurve" | "autoReferences">;
  /** The aggregated raw value of each candidate's cell (null when missing). */
  values: readonly (number | null)[];
}) {
  const t = useTranslations("facts.basis");
  const f = useFormatter();
  const ref = metricReference(criterion, values);
  const unit = criterion.unit ? ` ${criterion.unit}` : "";
  const show = (v: number) => `${formatRaw(f, v)}${unit}`;
  let text: string;
  const curve = curveFromText(criterion.valueCurve);
  // A single stated end still makes the scale a stated one; only with neither is it the observed range.
  const stated = criterion.worst !== null || criterion.best !== null;
  if (curve)
    text = t("curve", {
      points: curve.map(([x, p]) => t("curvePoint", { value: show(x), points: formatRaw(f, p) })).join("; "),
    });
  else if (!ref) text = t("none");
  else if (stated) text = t("reference", { worst: show(ref.worst), best: show(ref.best) });
  else if (ref.worst === ref.best) text = t("equal");
  else text = t("observed", { worst: show(ref.worst), best: show(ref.best) });
  return (
    <span className="sub points-basis" data-testid="points-basis">
      {text}
    </span>
  );
}
