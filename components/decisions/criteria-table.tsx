import { useFormatter, useTranslations } from "next-intl";
import type { CriterionDto } from "@/lib/decisions/dto";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import type { DecisionResult } from "@/lib/scoring";
import { curveFromText } from "@/lib/validation/value-curve";
import { metricReference } from "@/lib/scoring";
import { formatRaw, formatShare } from "./number-format";
import { buildTree, isPairwise, treeOrder } from "@/lib/scoring";

/** Stated references as the engine reads them (automatic ones follow the direction), printed with `show`. */
export function effectiveEnds(c: CriterionDto, show: (v: number) => string): { worst: string; best: string } {
  const ref = metricReference(c, []);
  return ref ? { worst: show(ref.worst), best: show(ref.best) } : { worst: "—", best: "—" };
}

export function CriteriaTable({ decision, result }: { decision: ResultsDecision; result: DecisionResult | null }) {
  const t = useTranslations("decisions.criteria");
  const f = useFormatter();
  const share = new Map(result?.weights.map((w) => [w.criterionId, w.share]) ?? []);
  // A tree lists groups too, depth first, each with its share of the goal and of its group.
  const nodes = new Map(result?.tree?.nodes.map((n) => [n.criterionId, n]) ?? []);
  for (const n of nodes.values()) share.set(n.criterionId, n.globalShare);
  const order = result?.tree
    ? treeOrder(buildTree(decision.criteria)).map((i) => decision.criteria[i])
    : decision.criteria;
  const nameOf = (id: string | null) => decision.criteria.find((c) => c.id === id)?.name ?? "";
  const scale = (c: CriterionDto) => {
    if (c.kind === "METRIC") {
      const curve = curveFromText(c.valueCurve);
      const refs = curve
        ? t("valueCurve", { count: curve.length })
        : c.worst !== null && c.best !== null
          ? t(
              "references",
              effectiveEnds(c, (v) => formatRaw(f, v)),
            )
          : t("observedRange");
      return `${c.unit ?? ""} · ${refs}`;
    }
    if (c.kind === "SKILL_MATCH") return t("skillScale");
    if (isPairwise(c)) {
      const p = result?.pairwise?.find((x) => x.criterionId === c.id);
      return p?.cr != null
        ? t("pairwiseScaleCr", { cr: f.number(p.cr, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) })
        : t("pairwiseScale");
    }
    return t("ratingScale", { min: formatRaw(f, c.scaleMin ?? 0), max: formatRaw(f, c.scaleMax ?? 10) });
  };
  return (
    <section aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">{t("title")}</h2>
      <table className="data-table" data-testid="criteria">
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("kind")}</th>
            <th scope="col">{t("direction")}</th>
            <th scope="col">{t("scale")}</th>
            <th scope="col" className="num">
              {t("weight")}
            </th>
            <th scope="col" className="num">
              {t("share")}
            </th>
            <th scope="col">{t("mustHave")}</th>
          </tr>
        </thead>
        <tbody>
          {order.map((c) => {
            const s = share.get(c.id);
            const node = nodes.get(c.id);
            const group = node !== undefined && !node.leaf;
            return (
              <tr
                key={c.id}
                className={group ? "tree-group" : undefined}
                data-depth={node?.depth ?? 1}
                style={node ? ({ "--depth": node.depth - 1 } as React.CSSProperties) : undefined}
              >
                <th scope="row" className="tree-name">
                  <span>{c.name}</span>
                  {c.description ? <span className="sub">{c.description}</span> : null}
                  {c.lowMeaning || c.highMeaning ? (
                    <span className="sub">
                      {t("meanings", { low: c.lowMeaning || "—", high: c.highMeaning || "—" })}
                    </span>
                  ) : null}
                </th>
                <td>{group ? t("group") : t(`kinds.${c.kind}`)}</td>
                <td>{group ? "—" : t(`directions.${c.direction}`)}</td>
                <td>
                  {group
                    ? t("groupScale", {
                        count: c.id ? [...nodes.values()].filter((n) => n.parentId === c.id).length : 0,
                      })
                    : scale(c)}
                </td>
                <td className="num">{formatRaw(f, c.weight)}</td>
                <td className="num share-cell">
                  {s === undefined ? "—" : formatShare(f, s)}
                  {s === undefined ? null : (
                    <span className="share-bar" aria-hidden="true">
                      <span style={{ width: `${(s * 100).toFixed(2)}%` }} />
                    </span>
                  )}
                  {node && node.parentId !== null ? (
                    <span className="sub" data-testid="local-share">
                      {t("localShare", { share: formatShare(f, node.localShare), group: nameOf(node.parentId) })}
                    </span>
                  ) : null}
                </td>
                <td>
                  {group || c.threshold === null
                    ? "—"
                    : t(c.direction === "COST" ? "atMost" : "atLeast", {
                        value: formatRaw(f, c.threshold),
                        unit: c.unit ?? "",
                      })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
