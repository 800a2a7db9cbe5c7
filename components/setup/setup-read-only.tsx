// The setup tab without edit controls: for viewers and team leads, and for anyone while the decision is decided
// or superseded (read-only until reopened).
import { useFormatter, useTranslations } from "next-intl";
import { formatRaw, formatShare } from "@/components/decisions/number-format";
import { listShares } from "@/lib/scoring";
import type { SetupData } from "@/lib/server/decisions";
import { safeHref } from "@/lib/validation/url";
import { curveFromText } from "@/lib/validation/value-curve";
import { effectiveEnds } from "@/components/decisions/criteria-table";

export function SetupReadOnly({ data }: { data: SetupData }) {
  const t = useTranslations("setup");
  const tk = useTranslations("decisions.criteria");
  const format = useFormatter();
  // Share of the goal: in a criteria tree, a sub-criterion's group share times its own.
  const shares =
    listShares(data.criteria.map((c) => ({ id: c.id, parentId: c.parentId, weight: c.weight })))?.global ?? null;
  // How a metric's points are read off: its curve, its stated references, or the candidates' observed range.
  const pointsFrom = (c: SetupData["criteria"][number]) => {
    const curve = curveFromText(c.valueCurve);
    if (curve) return tk("valueCurve", { count: curve.length });
    if (c.worst !== null && c.best !== null)
      return tk(
        "references",
        effectiveEnds(c, (v) => formatRaw(format, v)),
      );
    return tk("observedRange");
  };
  const team = data.teams.find((x) => x.id === data.decision.teamId)?.name ?? t("header.noTeam");
  return (
    <div className="setup-read-only" data-testid="setup-read-only">
      <section aria-labelledby="header-heading" className="setup-section">
        <h2 id="header-heading">{t("header.title")}</h2>
        <dl className="outcome">
          <dt>{t("header.decisionTitle")}</dt>
          <dd>{data.decision.title}</dd>
          <dt>{t("header.team")}</dt>
          <dd>{team}</dd>
          <dt>{t("header.context")}</dt>
          <dd className="context">{data.decision.context || "—"}</dd>
        </dl>
      </section>
      <section aria-labelledby="criteria-heading" className="setup-section">
        <h2 id="criteria-heading">{t("criteria.title")}</h2>
        <table className="data-table" data-testid="criteria-read-only">
          <thead>
            <tr>
              <th scope="col">{t("criteria.name")}</th>
              <th scope="col" className="num">
                {t("criteria.weight")}
              </th>
              <th scope="col" className="num">
                {t("criteria.share")}
              </th>
              <th scope="col">{t("criteria.kind")}</th>
              <th scope="col">{t("criteria.direction")}</th>
              <th scope="col">{t("criteria.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {data.criteria.map((c, i) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.name}
                  {c.description ? <span className="sub">{c.description}</span> : null}
                </th>
                <td className="num">{formatRaw(format, c.weight)}</td>
                <td className="num">{shares ? formatShare(format, shares[i]) : "—"}</td>
                <td>
                  {tk(`kinds.${c.kind}`)}
                  {c.unit ? <span className="sub">{c.unit}</span> : null}
                  {c.kind === "METRIC" ? <span className="sub">{pointsFrom(c)}</span> : null}
                </td>
                <td>{tk(`directions.${c.direction}`)}</td>
                <td>
                  {c.lowMeaning || c.highMeaning
                    ? tk("meanings", { low: c.lowMeaning || "—", high: c.highMeaning || "—" })
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="candidates-heading" className="setup-section">
        <h2 id="candidates-heading">{t("candidates.title")}</h2>
        <ul className="plain candidate-list">
          {data.candidates.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              {c.link ? (
                <>
                  {" · "}
                  {safeHref(c.link) ? (
                    <a href={safeHref(c.link)!} rel="noopener noreferrer">
                      {c.link}
                    </a>
                  ) : (
                    c.link
                  )}
                </>
              ) : null}
              {c.description ? <span className="sub">{c.description}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
