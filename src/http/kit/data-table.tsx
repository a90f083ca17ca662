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
  /**
   * A label over adjacent columns with the same group (e.g. 公开对象 over 全社会 · 特定群体): the table then
   * has two header rows; the group's cell has scope="colgroup", other headers span both rows.
   */
  group?: string;
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

const keyOf = (c: TableColumn<never>, i: number) => c.key ?? (typeof c.header === 'string' ? c.header : i);

function HeaderCell({ col, rows }: { col: TableColumn<never>; rows?: number }) {
  return (
    <th scope="col" rowSpan={rows} class={col.numeric ? 'num' : undefined}>
      {col.header}
    </th>
  );
}

/** One header row, or two when columns are grouped. */
function Head({ columns }: { columns: readonly TableColumn<never>[] }) {
  if (!columns.some((c) => c.group !== undefined))
    return (
      <thead>
        <tr>
          {columns.map((c, i) => (
            <HeaderCell key={keyOf(c, i)} col={c} />
          ))}
        </tr>
      </thead>
    );
  const top = columns.map((c, i) => {
    if (c.group === undefined) return <HeaderCell key={keyOf(c, i)} col={c} rows={2} />;
    if (columns[i - 1]?.group === c.group) return null;
    let span = 1;
    while (columns[i + span]?.group === c.group) span++;
    return (
      <th key={`g-${c.group}`} scope="colgroup" colSpan={span}>
        {c.group}
      </th>
    );
  });
  return (
    <thead>
      <tr>{top}</tr>
      <tr>
        {columns.map((c, i) => (c.group === undefined ? null : <HeaderCell key={keyOf(c, i)} col={c} />))}
      </tr>
    </thead>
  );
}

function cellClass(col: TableColumn<unknown>): string | undefined {
  const names = [col.numeric ? 'num' : '', col.class ?? ''].filter(Boolean).join(' ');
  return names || undefined;
}

/** A table of `rows` in `columns`; see {@link DataTableProps}. */
export function DataTable<R>(props: DataTableProps<R>) {
  const { columns, rows, rowKey, wrap = true } = props;
  if (!rows.length && props.empty !== undefined) return <p class="table-empty">{props.empty}</p>;
  const table = (
    <table class={props.class}>
      <caption class={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
      <Head columns={columns as readonly TableColumn<never>[]} />
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
