import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { DecisionSummary } from "@/lib/decisions/dto";
import { StatusBadge } from "./status-badge";

export function DecisionList({ decisions }: { decisions: DecisionSummary[] }) {
  const t = useTranslations("decisions.list");
  const format = useFormatter();
  return (
    <section aria-labelledby="decisions-heading">
      <h1 id="decisions-heading">{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      {decisions.length === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <table className="data-table" data-testid="decision-list">
          <thead>
            <tr>
              <th scope="col">{t("columns.title")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.team")}</th>
              <th scope="col" className="num">{t("columns.candidates")}</th>
              <th scope="col" className="num">{t("columns.criteria")}</th>
              <th scope="col">{t("columns.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <Link href={`/decisions/${d.id}`}>{d.title}</Link>
                </th>
                <td>
                  <StatusBadge status={d.status} />
                </td>
                <td>{d.teamName ?? t("noTeam")}</td>
                <td className="num">{format.number(d.candidateCount)}</td>
                <td className="num">{format.number(d.criterionCount)}</td>
                <td>
                  <time dateTime={d.updatedAt}>{format.dateTime(new Date(d.updatedAt), { dateStyle: "medium" })}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
