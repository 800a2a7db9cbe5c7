"use client";
// A row of the grid's footer: each candidate's weighted total as the grid stands (including a value being typed),
// marked incomplete while cells are missing, labelled with whose scores it is made of.
import { useFormatter, useTranslations } from "next-intl";
import type { CandidateDto } from "@/lib/decisions/dto";
import type { DecisionResult } from "@/lib/scoring";
import { formatPoints } from "@/components/decisions/number-format";

export function ScoreTotalsRow(props: {
  candidates: CandidateDto[];
  rowIndex: number;
  result: DecisionResult | null;
  /** Whose scores the totals are made of: the person's own (with the facts) or everyone's average. */
  label: "yourTotal" | "groupTotal";
  /** The row under the values the cells show ("score-total"), or the extra group row beneath one's own. */
  testId: "score-total" | "group-total";
}) {
  const t = useTranslations("scores.grid");
  const f = useFormatter();
  return (
    <tr aria-rowindex={props.rowIndex} data-testid={`total-row-${props.label}`}>
      <th scope="row" aria-colindex={1}>
        {t(props.label)}
        <span className="sub">{t(`${props.label}Hint`)}</span>
      </th>
      {props.candidates.map((ca, j) => {
        const r = props.result?.ranking.find((x) => x.candidateId === ca.id);
        return (
          <td key={ca.id} className="num" aria-colindex={j + 2} data-testid={props.testId} data-candidate={ca.name}>
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
