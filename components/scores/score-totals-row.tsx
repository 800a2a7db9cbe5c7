"use client";
// The grid's footer: each candidate's weighted total as the grid stands (including a value being typed), marked
// incomplete while cells are missing.
import { useFormatter, useTranslations } from "next-intl";
import type { CandidateDto } from "@/lib/decisions/dto";
import type { DecisionResult } from "@/lib/scoring";
import { formatPoints } from "@/components/decisions/number-format";

export function ScoreTotalsRow(props: {
  candidates: CandidateDto[];
  rowIndex: number;
  result: DecisionResult | null;
  /** "Your total" while scoring blind, otherwise the group's. */
  own: boolean;
}) {
  const t = useTranslations("scores.grid");
  const f = useFormatter();
  return (
    <tr aria-rowindex={props.rowIndex}>
      <th scope="row" aria-colindex={1}>
        {props.own ? t("yourTotal") : t("groupTotal")}
      </th>
      {props.candidates.map((ca, j) => {
        const r = props.result?.ranking.find((x) => x.candidateId === ca.id);
        return (
          <td key={ca.id} className="num" aria-colindex={j + 2} data-testid="score-total" data-candidate={ca.name}>
            {/* A candidate with no score at all has no total (missing is never zero). */}
            <span className="total-value">
              {r && r.contributions.some((x) => x.contribution !== null) ? formatPoints(f, r.total) : "—"}
            </span>
            {r?.incomplete ? <span className="sub">{t("incomplete")}</span> : null}
          </td>
        );
      })}
    </tr>
  );
}
