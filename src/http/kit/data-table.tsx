/**
 * A data table: a caption (visible or for screen readers only), column headers with scope="col",
 * optional right-aligned numeric columns, an empty-state message, and a wrapper that scrolls sideways on
 * phones instead of squeezing the columns.
 */
import type { ComponentChildren } from 'preact';

export interface TableColumn<R> {
  header: ComponentChildren;
  cell: (row: R, index: number) => ComponentChildren;
  /** Numbers: right-aligned, tabular figures (class `num`). */
  numeric?: boolean;
  /** Extra class on the column's cells (e.g. `mono`). */
  class?: string;
  /** Key of the column when `header` is not a plain string. */
  key?: string;
}

export interface DataTableProps<R> {
  caption: ComponentChildren;
  /** The caption is read by screen readers but not shown. */
  captionHidden?: boolean;
  columns: readonly TableColumn<R>[];
  rows: readonly R[];
  /** Stable key of a row (default its index). */
  rowKey?: (row: R, index: number) => string | number;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ComponentChildren;
  /** The sideways-scrolling wrapper (default true). */
  wrap?: boolean;
  /** Class of the table element. */
  class?: string;
}

function cellClass(col: TableColumn<unknown>): string | undefined {
  const names = [col.numeric ? 'num' : '', col.class ?? ''].filter(Boolean).join(' ');
  return names || undefined;
}

export function DataTable<R>(props: DataTableProps<R>) {
  const { columns, rows, rowKey, wrap = true } = props;
  if (!rows.length && props.empty !== undefined) return <p class="table-empty">{props.empty}</p>;
  const table = (
    <table class={props.class}>
      <caption class={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th
              key={c.key ?? (typeof c.header === 'string' ? c.header : i)}
              scope="col"
              class={c.numeric ? 'num' : undefined}
            >
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={rowKey ? rowKey(r, i) : i}>
            {columns.map((c, j) => (
              <td
                key={c.key ?? (typeof c.header === 'string' ? c.header : j)}
                class={cellClass(c as TableColumn<unknown>)}
              >
                {c.cell(r, i)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return wrap ? <div class="table-wrap">{table}</div> : table;
}
