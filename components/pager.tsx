import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * Previous / "page X of Y" / next under a paged list. Plain links, so paging works without JavaScript; hrefFor builds
 * each link from the list's current URL so filters, search and sort survive a page change. Renders nothing for a
 * single page.
 */
export function Pager(props: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** Names the navigation landmark, e.g. "Decision list pages". */
  label: string;
  previous?: string;
  next?: string;
}) {
  const t = useTranslations("common.pager");
  const { page, pageCount, hrefFor } = props;
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={props.label} className="pagination">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          {props.previous ?? t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("page", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next">
          {props.next ?? t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** path?params with page set (or left out for page 1, so the first page keeps its short URL). */
export function withPage(path: string, params: URLSearchParams, page: number): string {
  const p = new URLSearchParams(params);
  p.delete("page");
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}
