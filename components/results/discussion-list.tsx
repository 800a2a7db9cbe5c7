"use client";
// The discussion list: the disagreements that move the totals most (lib/scoring/discussion.ts), each opening to
// everyone's value and reasons side by side. The opinions are read when a row is opened, through the same blind
// scoring rule as every other read (lib/server/cell-opinions.ts), so the results payload stays free of rationale text.
import { Fragment, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { cellOpinionsAction } from "@/lib/actions/scores";
import type { CellOpinions } from "@/lib/server/cell-opinions";
import type { DiscussionCell } from "@/lib/scoring";
import { safeHref } from "@/lib/validation/url";
import { formatPoints, formatRaw, formatShare } from "@/components/decisions/number-format";
import type { Names } from "./names";

type Loaded = { state: "loading" } | { state: "failed" } | { state: "ready"; data: CellOpinions };

const keyOf = (c: Pick<DiscussionCell, "criterionId" | "candidateId">) => `${c.criterionId}|${c.candidateId}`;

export function DiscussionTable({
  decisionId,
  cells,
  total,
  names,
}: {
  decisionId: string;
  /** The rows shown, largest swing first. */
  cells: DiscussionCell[];
  /** How many cells the whole list has (the table may show the first ones only). */
  total: number;
  names: Names;
}) {
  const t = useTranslations("results.evaluators");
  const f = useFormatter();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({});
  const label = (c: DiscussionCell) => `${names.criterion(c.criterionId)} · ${names.candidate(c.candidateId)}`;

  const load = async (c: DiscussionCell) => {
    const key = keyOf(c);
    setLoaded((l) => ({ ...l, [key]: { state: "loading" } }));
    try {
      const r = await cellOpinionsAction({ decisionId, criterionId: c.criterionId, candidateId: c.candidateId });
      setLoaded((l) => ({ ...l, [key]: r.ok ? { state: "ready", data: r.data! } : { state: "failed" } }));
    } catch {
      setLoaded((l) => ({ ...l, [key]: { state: "failed" } }));
    }
  };
  const toggle = (c: DiscussionCell) => {
    const key = keyOf(c);
    const next = !open[key];
    setOpen((o) => ({ ...o, [key]: next }));
    if (next && loaded[key]?.state !== "ready" && loaded[key]?.state !== "loading") void load(c);
  };

  return (
    <div className="table-scroll">
      <table className="data-table discussion-table" data-testid="discussion-table">
        {cells.length < total ? (
          <caption className="hint">{t("discussionShown", { shown: cells.length, count: total })}</caption>
        ) : null}
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("discussionRank")}
            </th>
            <th scope="col">{t("cell")}</th>
            <th scope="col" className="num">
              {t("min")}
            </th>
            <th scope="col" className="num">
              {t("max")}
            </th>
            <th scope="col" className="num">
              {t("discussionWeight")}
            </th>
            <th scope="col" className="num">
              {t("discussionSwing")}
            </th>
            <th scope="col" className="num">
              {t("discussionPortion")}
            </th>
            <th scope="col">{t("discussionEffect")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("discussionOpenColumn")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c, i) => {
            const key = keyOf(c);
            const panelId = `opinions-${i}`;
            const isOpen = !!open[key];
            return (
              <Fragment key={key}>
                <tr data-cell={label(c)}>
                  <td className="num">{i + 1}</td>
                  <th scope="row">{label(c)}</th>
                  <td className="num">{formatRaw(f, c.min)}</td>
                  <td className="num">{formatRaw(f, c.max)}</td>
                  <td className="num">{formatShare(f, c.share)}</td>
                  <td className="num">{formatPoints(f, c.swing)}</td>
                  <td className="num">{formatShare(f, c.portion)}</td>
                  <td>
                    {c.changesLeader ? (
                      <span className="flag flag-risk">{t("discussionChangesLeader")}</span>
                    ) : c.changesRank ? (
                      <span className="flag flag-incomplete">{t("discussionChangesRank")}</span>
                    ) : (
                      <span className="hint">{t("discussionHolds")}</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={isOpen}
                      aria-controls={panelId}
                      aria-label={t("discussionOpenLabel", { cell: label(c) })}
                      onClick={() => toggle(c)}
                    >
                      {isOpen ? t("discussionClose") : t("discussionOpen")}
                    </button>
                  </td>
                </tr>
                {isOpen ? (
                  <tr className="opinions-row">
                    <td colSpan={9} id={panelId}>
                      <div className="opinions-sticky">
                        <Opinions loaded={loaded[key]} retry={() => void load(c)} cell={label(c)} />
                      </div>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Opinions({ loaded: l, retry, cell }: { loaded: Loaded | undefined; retry: () => void; cell: string }) {
  const t = useTranslations("results.evaluators");
  const f = useFormatter();
  if (!l || l.state === "loading")
    return (
      <p role="status" className="hint">
        {t("discussionLoading")}
      </p>
    );
  if (l.state === "failed")
    return (
      <p role="alert">
        {t("discussionFailed")}{" "}
        <button type="button" onClick={retry}>
          {t("discussionRetry")}
        </button>
      </p>
    );
  if (l.data.opinions.length === 0) return <p className="hint">{t("discussionNone")}</p>;
  return (
    <ul className="plain opinion-cards" aria-label={t("discussionOpinionsLabel", { cell })} data-testid="opinions">
      {l.data.opinions.map((o) => (
        <li key={o.evaluatorId} className="opinion-card" data-evaluator={o.evaluatorName}>
          <p className="opinion-head">
            <strong>{o.evaluatorName}</strong>
            <span className="opinion-value">{formatRaw(f, o.value)}</span>
          </p>
          <p className={o.rationale ? "opinion-rationale" : "hint"}>{o.rationale || t("discussionNoRationale")}</p>
          {safeHref(o.evidenceUrl) ? (
            <a href={safeHref(o.evidenceUrl)!} rel="noopener noreferrer nofollow" target="_blank">
              {t("discussionEvidence")}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
