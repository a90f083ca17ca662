/**
 * Paging links for long lists (GOV.UK pagination pattern): previous / next, numbered page links with
 * aria-current on the current page, and the position in words. Every link keeps the list's other query
 * parameters, so filters survive paging. Plain links: works without JavaScript.
 */
import type { ComponentChildren } from 'preact';

export type QueryParams = Record<string, string | number | undefined>;

/** `base` with a query string of the given parameters (empty ones left out), in their given order. */
export function hrefWith(base: string, params: QueryParams): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

/** Number of pages for `total` items, at least 1. */
function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** The page numbers shown: first, last and two either side of the current one; null marks a gap. */
export function pageWindow(page: number, pages: number, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= around) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

export interface PagerProps {
  /** Path of the list, e.g. `/admin/documents`. */
  base: string;
  /** The list's other query parameters, kept in every link (order kept; page comes last). */
  params?: QueryParams;
  /** Current page (1-based). */
  page: number;
  /** Total pages (or give `total` and `pageSize`). */
  pages?: number;
  total?: number;
  pageSize?: number;
  /** Name of the page parameter (default `page`). */
  pageParam?: string;
  /** Numbered page links (default true). */
  numbers?: boolean;
  /**
   * The position in words; default “第 n 页，共 m 页”. A function gets the page and the page count;
   * false shows none.
   */
  status?: false | ((page: number, pages: number) => ComponentChildren);
  /** Words after the default status, e.g. “（45 条）”. */
  summary?: ComponentChildren;
  /** Accessible name of the navigation landmark (unique per page; default 分页). */
  label?: string;
}

/** Renders nothing when everything fits on one page. */
export function Pager(props: PagerProps) {
  const { base, params = {}, pageParam = 'page', numbers = true, label = '分页' } = props;
  const pages = props.pages ?? pageCount(props.total ?? 0, props.pageSize ?? 1);
  if (pages <= 1) return null;
  // Links count from the page asked for, even past the end (its list is empty; 上一页 steps back).
  const page = props.page;
  const href = (n: number) => hrefWith(base, { ...params, [pageParam]: n });
  const status =
    props.status === false
      ? null
      : props.status
        ? props.status(page, pages)
        : `第 ${Math.min(page, pages)} 页，共 ${pages} 页`;
  return (
    <nav class="pager" aria-label={label}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          上一页
        </a>
      ) : null}
      {numbers ? (
        <ol class="pager-pages">
          {pageWindow(page, pages).map((n, i) =>
            n === null ? (
              <li key={`gap${i}`} class="pager-gap" aria-hidden="true">
                …
              </li>
            ) : (
              <li key={n}>
                <a
                  class="pager-page"
                  href={href(n)}
                  aria-current={n === page ? 'page' : undefined}
                  aria-label={`第 ${n} 页`}
                >
                  {n}
                </a>
              </li>
            ),
          )}
        </ol>
      ) : null}
      {status !== null || props.summary ? (
        <span>
          {status}
          {props.status === undefined ? props.summary : null}
        </span>
      ) : null}
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          下一页
        </a>
      ) : null}
    </nav>
  );
}
