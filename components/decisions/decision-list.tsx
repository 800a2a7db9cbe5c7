import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { knownKey } from "@/lib/i18n/known-key";
import { archiveDecisionAction, duplicateDecisionAction, unarchiveDecisionAction } from "@/lib/actions/decisions";
import { Pager, withPage } from "@/components/pager";
import type { DecisionListItem, TeamOption } from "@/lib/server/decisions";
import { DECISION_STATUSES, LIST_SORTS, type ListQuery } from "@/lib/validation/decision";
import { FirstRun, type FirstRunRole } from "./first-run";
import { StatusBadge } from "./status-badge";

/**
 * The decisions list. Filters, search and sort are a GET form, so every view is a link and works without
 * JavaScript; row actions (duplicate, archive) are plain form posts that come back to the same filtered view.
 * Controls that change data are rendered only for roles that may use them.
 */
export function DecisionList(props: {
  /** One page of the filtered list; page is within 1..pageCount. */
  decisions: DecisionListItem[];
  page: number;
  pageCount: number;
  total: number;
  teams: TeamOption[];
  query: ListQuery;
  canWrite: boolean;
  notice?: string;
  /** Shown instead of the filters and an empty table when the workspace has no decision yet. */
  firstRun?: { role: FirstRunRole; templates: { key: string; title: string; criteria: number; candidates: number }[] };
}) {
  const { decisions, query, canWrite } = props;
  const t = useTranslations("decisions.list");
  const ts = useTranslations("setup.list");
  const noticeText = (notice: string) => {
    const key = `notices.${notice}`;
    return knownKey(ts, key) ? ts(key) : ts("notices.unknown");
  };
  const tStatus = useTranslations("decisions.status");
  const format = useFormatter();
  // Row actions come back to the same page of the same view.
  const returnTo = withPage("/", listParams(query), props.page);
  const filtered = Boolean(query.q || query.status || query.team || query.archived);
  const empty = decisions.length === 0 && !filtered && props.firstRun;
  return (
    <section aria-labelledby="decisions-heading">
      <div className="list-head">
        <h1 id="decisions-heading">{t("title")}</h1>
        {canWrite ? (
          <Link href="/decisions/new" className="button-primary">
            {ts("new")}
          </Link>
        ) : null}
      </div>
      <p className="lede">{t("lede")}</p>
      {props.notice ? (
        <p
          role="status"
          className={`callout ${["archived", "unarchived"].includes(props.notice) ? "" : "callout-error"}`}
        >
          {noticeText(props.notice)}
        </p>
      ) : null}
      {empty ? <FirstRun role={props.firstRun!.role} templates={props.firstRun!.templates} /> : null}
      {empty ? null : (
        <form method="get" action="/" className="list-filters" role="search" aria-label={ts("filtersLabel")}>
          <div className="setup-field">
            <label htmlFor="filter-q">{ts("search")}</label>
            <input id="filter-q" type="search" name="q" defaultValue={query.q} />
          </div>
          <div className="setup-field">
            <label htmlFor="filter-status">{ts("status")}</label>
            <select id="filter-status" name="status" defaultValue={query.status}>
              <option value="">{ts("anyStatus")}</option>
              {DECISION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tStatus(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="setup-field">
            <label htmlFor="filter-team">{ts("team")}</label>
            <select id="filter-team" name="team" defaultValue={query.team}>
              <option value="">{ts("anyTeam")}</option>
              <option value="none">{t("noTeam")}</option>
              {props.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
          <div className="setup-field">
            <label htmlFor="filter-sort">{ts("sort")}</label>
            <select id="filter-sort" name="sort" defaultValue={query.sort}>
              {LIST_SORTS.map((s) => (
                <option key={s} value={s}>
                  {ts(`sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="setup-field checkbox">
            <input
              id="filter-archived"
              type="checkbox"
              name="archived"
              value="1"
              defaultChecked={query.archived === "1"}
            />
            <label htmlFor="filter-archived">{ts("showArchived")}</label>
          </div>
          <button type="submit">{ts("apply")}</button>
          {filtered ? <Link href="/">{ts("clear")}</Link> : null}
        </form>
      )}
      {empty ? null : decisions.length === 0 ? (
        <p className="empty-state">{filtered ? ts("noMatch") : t("empty")}</p>
      ) : (
        <table className="data-table decision-table" data-testid="decision-list">
          <caption className="visually-hidden">{ts("caption", { count: props.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.title")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.team")}</th>
              <th scope="col" className="num">
                {t("columns.candidates")}
              </th>
              <th scope="col" className="num">
                {t("columns.criteria")}
              </th>
              <th scope="col">{t("columns.updated")}</th>
              {canWrite ? <th scope="col">{ts("actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id} className={d.archived ? "archived" : undefined}>
                <th scope="row">
                  <Link href={`/decisions/${d.id}`}>{d.title}</Link>
                  {d.archived ? <span className="sub">{ts("archivedTag")}</span> : null}
                </th>
                {/* data-label: the column name each cell shows on narrow screens, where rows become cards. */}
                <td data-label={t("columns.status")}>
                  <StatusBadge status={d.status} />
                </td>
                <td data-label={t("columns.team")}>{d.teamName ?? t("noTeam")}</td>
                <td className="num" data-label={t("columns.candidates")}>
                  {format.number(d.candidateCount)}
                </td>
                <td className="num" data-label={t("columns.criteria")}>
                  {format.number(d.criterionCount)}
                </td>
                <td data-label={t("columns.updated")}>
                  <time dateTime={d.updatedAt}>{format.dateTime(new Date(d.updatedAt), { dateStyle: "medium" })}</time>
                </td>
                {canWrite ? (
                  <td className="row-actions">
                    <Link href={`/decisions/${d.id}/setup`} aria-label={ts("editLabel", { title: d.title })}>
                      {ts("edit")}
                    </Link>
                    <form action={duplicateDecisionAction}>
                      <input type="hidden" name="decisionId" value={d.id} />
                      <input type="hidden" name="returnTo" value={returnTo} />
                      <button
                        type="submit"
                        className="link-button"
                        aria-label={ts("duplicateLabel", { title: d.title })}
                      >
                        {ts("duplicate")}
                      </button>
                    </form>
                    <form action={d.archived ? unarchiveDecisionAction : archiveDecisionAction}>
                      <input type="hidden" name="decisionId" value={d.id} />
                      <input type="hidden" name="version" value={d.version} />
                      <input type="hidden" name="returnTo" value={returnTo} />
                      <button
                        type="submit"
                        className="link-button"
                        aria-label={ts(d.archived ? "unarchiveLabel" : "archiveLabel", { title: d.title })}
                      >
                        {ts(d.archived ? "unarchive" : "archive")}
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        page={props.page}
        pageCount={props.pageCount}
        hrefFor={(page) => withPage("/", listParams(query), page)}
        label={ts("pagesLabel")}
      />
    </section>
  );
}

/** The list URL's parameters for a query (without the page), leaving defaults out so links stay short. */
function listParams(q: ListQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  if (q.status) p.set("status", q.status);
  if (q.team) p.set("team", q.team);
  if (q.sort !== "updated") p.set("sort", q.sort);
  if (q.archived) p.set("archived", "1");
  return p;
}
